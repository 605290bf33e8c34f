package org.peaktrade.app.session;

import java.util.concurrent.Callable;
import org.peaktrade.app.client.ApiReply;
import org.peaktrade.app.client.NodeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Stops a session: no new orders, open orders canceled; its history stays queryable. */
@Command(name = "stop", mixinStandardHelpOptions = true,
    description = "Stop a session (no new orders, open orders canceled); its history stays on the node.",
    footer = {"%nExample:%n  peak-trade sessions stop paper-1"})
public final class SessionsStopCommand implements Callable<Integer> {

  @Mixin
  NodeOptions options;

  @Parameters(index = "0", paramLabel = "ID", description = "The session to stop.")
  String id;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    SessionsClient client = new SessionsClient(options.url(), options.token());
    ApiReply reply = client.stop(SessionReplies.checkedId(id));
    return SessionReplies.report(spec, options, client, reply, out -> {
      out.println("session " + id + " stopped");
      SessionText.view(out, reply.body());
    });
  }
}
