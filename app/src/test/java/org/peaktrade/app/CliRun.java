package org.peaktrade.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/** Runs the CLI in-process and keeps its exit code, error output and standard output. */
record CliRun(int exitCode, String err, String out) {

  static CliRun of(String... args) {
    return with(FakeTerminal.empty(), args);
  }

  /** Runs with the given environment, console and stdin instead of the real process's. */
  static CliRun with(Terminal terminal, String... args) {
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    CommandLine commandLine = PeakTrade.commandLine(terminal);
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(out, true));
    int code = commandLine.execute(args);
    return new CliRun(code, err.toString(), out.toString());
  }

  static String demo(String file) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("data/demo"))) {
        return dir.resolve("data/demo").resolve(file).toString();
      }
    }
    throw new IllegalStateException("data/demo not found above " + Path.of("").toAbsolutePath());
  }

  /** A terminal with a fixed environment, scripted console answers (none: not interactive) and stdin lines. */
  record FakeTerminal(Map<String, String> environment, Deque<String> secrets, Deque<String> stdin, boolean interactive)
      implements Terminal {

    static FakeTerminal empty() {
      return new FakeTerminal(Map.of(), new ArrayDeque<>(), new ArrayDeque<>(), false);
    }

    static FakeTerminal env(Map<String, String> environment) {
      return new FakeTerminal(environment, new ArrayDeque<>(), new ArrayDeque<>(), false);
    }

    static FakeTerminal console(String... typed) {
      return new FakeTerminal(Map.of(), new ArrayDeque<>(List.of(typed)), new ArrayDeque<>(), true);
    }

    static FakeTerminal piped(String... lines) {
      return new FakeTerminal(Map.of(), new ArrayDeque<>(), new ArrayDeque<>(List.of(lines)), false);
    }

    @Override
    public String env(String name) {
      return environment.get(name);
    }

    @Override
    public Optional<char[]> readSecret(String prompt) {
      return interactive ? Optional.ofNullable(secrets.poll()).map(String::toCharArray) : Optional.empty();
    }

    @Override
    public Optional<String> readLine() throws IOException {
      return Optional.ofNullable(stdin.poll());
    }
  }
}
