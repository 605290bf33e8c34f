package org.peaktrade.app.killswitch;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.peaktrade.app.ExitCodes;
import org.peaktrade.app.Terminal;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Hashes a new approval code for {@code peaktrade.kill-switch.approval-code-hash}. The code is typed twice without
 * echo, or read from the first line of stdin when there is no console; only the hash is printed.
 */
@Command(name = "hash-approval-code", mixinStandardHelpOptions = true,
    description = {"Hash a new kill-switch approval code (salted PBKDF2-HMAC-SHA256, 600,000 iterations) for the "
        + "node's config; also the way to re-hash a code whose hash has fewer iterations.",
        "Prompts twice without echo, or reads the first line of stdin when not run in a terminal. "
            + "Prints the hash line only; the code itself is never printed or stored."},
    footer = {"%nExample:%n  peak-trade hash-approval-code",
        "  then in the node's config: peaktrade.kill-switch.approval-code-hash = \"pbkdf2-sha256$...\""})
public final class HashApprovalCodeCommand implements Callable<Integer> {

  /** Short codes are guessable even through the lock-out. */
  static final int MIN_LENGTH = 12;

  private final Terminal terminal;

  @Spec
  CommandSpec spec;

  public HashApprovalCodeCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Optional<char[]> read = terminal.interactive() ? typedTwice(err) : firstLineOfStdin(err);
    if (read.isEmpty()) {
      return ExitCodes.USAGE;
    }
    char[] code = read.get();
    try {
      if (code.length < MIN_LENGTH) {
        err.println("peak-trade: an approval code needs at least " + MIN_LENGTH + " characters");
        return ExitCodes.USAGE;
      }
      spec.commandLine().getOut().println(ApprovalCodeHash.create(code));
      spec.commandLine().getOut().flush();
      err.println("Put this line into the node's config as peaktrade.kill-switch.approval-code-hash = \"...\"");
      return ExitCodes.OK;
    } finally {
      Arrays.fill(code, '\0');
    }
  }

  private Optional<char[]> firstLineOfStdin(PrintWriter err) throws IOException {
    Optional<char[]> line = terminal.readLine().filter(text -> !text.isEmpty()).map(String::toCharArray);
    if (line.isEmpty()) {
      err.println("peak-trade: no approval code on stdin (and no terminal to prompt in)");
    }
    return line;
  }

  private Optional<char[]> typedTwice(PrintWriter err) {
    Optional<char[]> first = terminal.readSecret("New approval code: ");
    Optional<char[]> second = first.isEmpty() ? Optional.empty() : terminal.readSecret("Repeat it: ");
    if (first.isEmpty() || second.isEmpty()) {
      err.println("peak-trade: no approval code entered");
      return Optional.empty();
    }
    boolean same = Arrays.equals(first.get(), second.get());
    Arrays.fill(second.get(), '\0');
    if (!same) {
      Arrays.fill(first.get(), '\0');
      err.println("peak-trade: the two entries differ; nothing hashed");
      return Optional.empty();
    }
    return first;
  }
}
