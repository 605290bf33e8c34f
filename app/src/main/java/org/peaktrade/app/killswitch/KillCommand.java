package org.peaktrade.app.killswitch;

import java.util.concurrent.Callable;
import org.peaktrade.app.Terminal;
import org.peaktrade.app.client.ApiReply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Kills trading: a manual trigger with an operator identity and a reason. */
@Command(name = "kill", mixinStandardHelpOptions = true,
    description = "Trigger the kill switch (all order submission blocked) with your identity and a reason.",
    footer = {"%nExample:%n  peak-trade kill --reason \"runaway orders on shadow-1\" --session shadow-1"})
public final class KillCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Mixin
  ClientOptions options;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; goes into the audit trail.")
  String reason;

  @Option(names = "--identity", paramLabel = "NAME", description = "Who is killing (default: $USER@host).")
  String identity;

  @Spec
  CommandSpec spec;

  public KillCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    String who = identity != null ? identity : Identities.current(terminal);
    ApiReply reply = options.client().trigger(who, reason);
    return Replies.report(spec, options, reply, out -> {
      out.println(reply.body().path("detail").asText("trigger accepted"));
      Replies.status(out, reply.body().path("status"));
    });
  }
}
