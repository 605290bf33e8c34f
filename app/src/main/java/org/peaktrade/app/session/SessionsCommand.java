package org.peaktrade.app.session;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code peak-trade sessions}: the trading sessions of a running node. */
@Command(name = "sessions", mixinStandardHelpOptions = true,
    description = "List, start, show and stop the trading sessions of a running node.",
    subcommands = {SessionsListCommand.class, SessionsStartCommand.class, SessionsShowCommand.class,
        SessionsStopCommand.class, CommandLine.HelpCommand.class},
    footer = {"%nExamples:",
        "  peak-trade sessions list",
        "  peak-trade sessions start --id paper-1 --strategy ma-cross --param fast=5 --param slow=20 "
            + "--symbol BTC/USD --mode paper",
        "  peak-trade sessions show paper-1 --orders --fills",
        "  peak-trade sessions stop paper-1"})
public final class SessionsCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
