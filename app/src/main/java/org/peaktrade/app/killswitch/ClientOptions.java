package org.peaktrade.app.killswitch;

import java.net.URI;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import picocli.CommandLine.Option;

/** The options every kill-switch client command shares: which node, which switch, and the output format. */
public final class ClientOptions {

  @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:PEAKTRADE_URL:-http://127.0.0.1:8080}",
      description = "The node's HTTP API (default: ${DEFAULT-VALUE}; env PEAKTRADE_URL).")
  URI url;

  @Option(names = "--session", paramLabel = "ID",
      description = "A session's own switch (scope session:ID) instead of the global one.")
  String session;

  @Option(names = "--json", description = "Print the node's JSON answer as it is (errors too), for scripts.")
  boolean json;

  /** Throws {@link IllegalArgumentException} (exit code 2) for an invalid session id. */
  KillSwitchScope scope() {
    if (session == null) {
      return KillSwitchScope.GLOBAL;
    }
    try {
      return KillSwitchScope.session(session);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--session must be 1-64 of A-Z a-z 0-9 . _ -, not '" + session + "'", e);
    }
  }

  KillSwitchClient client() {
    return new KillSwitchClient(url, scope());
  }
}
