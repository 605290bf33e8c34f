package org.peaktrade.app;

import com.typesafe.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import org.peaktrade.actors.jvm.CommonPoolParallelism;
import org.peaktrade.actors.marketdata.ReplayFileRefused;
import org.peaktrade.app.auth.NewTokenCommand;
import org.peaktrade.app.backtest.BacktestCommand;
import org.peaktrade.app.cluster.ClusterCommand;
import org.peaktrade.app.cli.IndicatorsCommand;
import org.peaktrade.app.client.NodeUnreachableException;
import org.peaktrade.app.client.NotAuthorizedException;
import org.peaktrade.app.node.NodeConfigException;
import org.peaktrade.app.feed.FeedCommand;
import org.peaktrade.app.killswitch.HashApprovalCodeCommand;
import org.peaktrade.app.killswitch.KillCommand;
import org.peaktrade.app.killswitch.KillSwitchEventsCommand;
import org.peaktrade.app.killswitch.RecoverCommand;
import org.peaktrade.app.killswitch.StatusCommand;
import org.peaktrade.app.node.NodeCommand;
import org.peaktrade.app.session.SessionsCommand;
import org.peaktrade.engine.data.MarketDataFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code peak-trade} command line: one entry point, a subcommand per job. */
@Command(
    name = "peak-trade",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Peak Trade: actor-based crypto trading system. Backtests, indicators, market data, a node with a "
        + "kill switch and trading sessions.",
    subcommands = {BacktestCommand.class, IndicatorsCommand.class, FeedCommand.class, NodeCommand.class,
        SessionsCommand.class, ClusterCommand.class, StatusCommand.class, KillCommand.class, RecoverCommand.class,
        KillSwitchEventsCommand.class, HashApprovalCodeCommand.class, NewTokenCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:unexpected failure (message on stderr)",
        "2:invalid command line (unknown option, strategy, parameter or session, bad value)",
        "3:bad input data (message names file, line and reason)",
        "4:refused by the kill switch, or a session start refused by the node (message says why)",
        "5:node unreachable, not answering, or its kill switch or sessions unavailable",
        "6:no API token found, or the node refused the token or its role"})
public final class PeakTrade implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (!CommonPoolParallelism.atLeastTwo()) {
      System.err.println("peak-trade: warning: " + CommonPoolParallelism.PROPERTY + " is below 2: every reply to an "
          + "ask starts a thread of its own (docs/deployment.md#jvm-options)");
    }
    System.exit(commandLine().execute(args));
  }

  /** The configured command line for this process. */
  public static CommandLine commandLine() {
    return commandLine(Terminal.system());
  }

  /** The configured command line reading environment, console and stdin from {@code terminal}; tests use this. */
  public static CommandLine commandLine(Terminal terminal) {
    CommandLine commandLine = new CommandLine(new PeakTrade(), new TerminalFactory(terminal));
    commandLine.setExecutionExceptionHandler(PeakTrade::handleFailure);
    commandLine.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int handleFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof NotAuthorizedException) {
      err.println("peak-trade: " + e.getMessage());
      return ExitCodes.NOT_AUTHORIZED;
    }
    if (e instanceof NodeUnreachableException) {
      err.println("peak-trade: " + e.getMessage());
      return ExitCodes.UNREACHABLE;
    }
    if (e instanceof MarketDataFormatException || e instanceof ReplayFileRefused) {
      err.println("peak-trade: bad input data: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    if (e instanceof NoSuchFileException missing) {
      err.println("peak-trade: no such file: " + missing.getFile());
      return ExitCodes.BAD_INPUT;
    }
    if (e instanceof IOException) {
      err.println("peak-trade: " + e);
      return ExitCodes.BAD_INPUT;
    }
    if (e instanceof ConfigException || e instanceof NodeConfigException) {
      err.println("peak-trade: invalid configuration: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (e instanceof IllegalArgumentException) {
      err.println("peak-trade: " + e.getMessage());
      err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
      return ExitCodes.USAGE;
    }
    err.println("peak-trade: unexpected failure: " + e);
    e.printStackTrace(err);
    return ExitCodes.FAILED;
  }

  /** Builds commands, handing the terminal to those that take one in their constructor. */
  private record TerminalFactory(Terminal terminal) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(Terminal.class).newInstance(terminal);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
