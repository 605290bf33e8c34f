package org.peaktrade.actors.killswitch;

import java.util.concurrent.CompletionStage;

/** One reachability check of an exchange (e.g. a REST server-time call); false or a failure counts as down. */
public interface ConnectivityProbe {

  String exchange();

  CompletionStage<Boolean> check();
}
