package org.peaktrade.app.killswitch;

import java.util.concurrent.Callable;
import org.peaktrade.app.client.ApiReply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Shows a kill switch's state as the node sees it. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the kill switch (global, or a session's with --session) of a running node.",
    footer = {"%nExample:%n  peak-trade status --session shadow-1"})
public final class StatusCommand implements Callable<Integer> {

  @Mixin
  ClientOptions options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ApiReply reply = options.client().status();
    return Replies.report(spec, options, reply, out -> Replies.status(out, reply.body()));
  }
}
