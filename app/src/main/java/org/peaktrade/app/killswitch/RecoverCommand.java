package org.peaktrade.app.killswitch;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.peaktrade.app.ExitCodes;
import org.peaktrade.app.Terminal;
import org.peaktrade.app.client.ApiReply;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Recovery in two steps, each by the owner of the API token (role approver): without {@code --complete} it requests
 * recovery with the approval code (KILLED → RECOVERING, cooldown starts); {@code --complete} finishes it once the
 * cooldown is over and the health checks pass (→ ACTIVE). The code comes from {@value #CODE_VARIABLE} or a no-echo
 * prompt, never from the command line. {@code --approver} and {@code --identity} only check whose token it is.
 */
@Command(name = "recover", mixinStandardHelpOptions = true,
    description = {"Request recovery of a killed switch (with the approval code), or complete it (--complete) "
        + "after the cooldown. Both need an API token with the role approver; the audit trail names its owner.",
        "The approval code is read from the environment variable " + RecoverCommand.CODE_VARIABLE
            + " or prompted for without echo; it is never accepted as an argument."},
    footer = {"%nExamples:%n  PEAKTRADE_TOKEN=$(cat bob.token) peak-trade recover%n"
        + "  PEAKTRADE_TOKEN=$(cat carol.token) peak-trade recover --complete"})
public final class RecoverCommand implements Callable<Integer> {

  public static final String CODE_VARIABLE = "PEAKTRADE_APPROVAL_CODE";

  private final Terminal terminal;

  @Mixin
  ClientOptions options;

  @ArgGroup(multiplicity = "0..1")
  Step step;

  @Option(names = "--identity", paramLabel = "NAME",
      description = "With --complete, an optional check: the node refuses unless the token belongs to NAME.")
  String identity;

  @Spec
  CommandSpec spec;

  static final class Step {
    @Option(names = "--approver", paramLabel = "NAME",
        description = "Optional check when requesting: the node refuses unless the token belongs to NAME.")
    String approver;

    @Option(names = "--complete", description = "Complete a recovery whose cooldown is over.")
    boolean complete;
  }

  public RecoverCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    boolean complete = step != null && step.complete;
    if (complete) {
      ApiReply reply = options.client().completeRecovery(ClientOptions.clean("--identity", identity));
      return Replies.report(spec, options, reply, out -> {
        out.println(Replies.text(reply.body(), "detail", "recovery completed"));
        Replies.status(out, reply.body().path("status"));
      });
    }
    if (identity != null) {
      throw new IllegalArgumentException("--identity goes with --complete; a recovery request checks --approver");
    }
    String approver = ClientOptions.clean("--approver", step == null ? null : step.approver);
    KillSwitchClient client = options.client();
    Optional<char[]> code = approvalCode();
    if (code.isEmpty()) {
      spec.commandLine().getErr().println("peak-trade: no approval code: set " + CODE_VARIABLE
          + " or run in a terminal to be prompted (it is never taken from the command line)");
      return ExitCodes.USAGE;
    }
    ApiReply reply = client.requestRecovery(approver, code.get());
    return Replies.report(spec, options, reply, out -> {
      out.println(Replies.text(reply.body(), "detail", "recovery requested"));
      Replies.status(out, reply.body().path("status"));
      out.println("  next: after the cooldown, 'peak-trade recover --complete'"
          + (options.session == null ? "" : " --session " + options.session));
    });
  }

  private Optional<char[]> approvalCode() {
    String fromEnv = terminal.env(CODE_VARIABLE);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Optional.of(fromEnv.toCharArray());
    }
    return terminal.readSecret("Approval code: ").filter(code -> code.length > 0);
  }
}
