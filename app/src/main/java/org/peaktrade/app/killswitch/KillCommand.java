package org.peaktrade.app.killswitch;

import java.util.concurrent.Callable;
import org.peaktrade.app.client.ApiReply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Kills trading: a manual trigger with a reason, by the owner of the API token (role operator). */
@Command(name = "kill", mixinStandardHelpOptions = true,
    description = "Trigger the kill switch (all order submission blocked) with a reason; the audit trail names the "
        + "owner of the API token (role operator).",
    footer = {"%nExample:%n  peak-trade kill --reason \"runaway orders on shadow-1\" --session shadow-1"})
public final class KillCommand implements Callable<Integer> {

  @Mixin
  ClientOptions options;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; goes into the audit trail.")
  String reason;

  @Option(names = "--identity", paramLabel = "NAME",
      description = "Optional check: the node refuses the kill unless the token belongs to NAME.")
  String identity;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ApiReply reply = options.client().trigger(ClientOptions.clean("--identity", identity),
        ClientOptions.clean("--reason", reason));
    return Replies.report(spec, options, reply, out -> {
      out.println(Replies.text(reply.body(), "detail", "trigger accepted"));
      Replies.status(out, reply.body().path("status"));
    });
  }
}
