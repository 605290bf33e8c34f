package org.peaktrade.app.session;

import java.util.concurrent.Callable;
import org.peaktrade.app.client.ApiReply;
import org.peaktrade.app.client.NodeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists every session of the node, one line each. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the node's trading sessions: status, mode, strategy, symbol, equity, position.")
public final class SessionsListCommand implements Callable<Integer> {

  @Mixin
  NodeOptions options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    SessionsClient client = new SessionsClient(options.url(), options.token());
    ApiReply reply = client.list();
    return SessionReplies.report(spec, options, client, reply,
        out -> SessionText.list(out, reply.body().path("sessions"), client.base().toString()));
  }
}
