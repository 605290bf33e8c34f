package org.peaktrade.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What commands read besides their arguments: environment variables, secrets typed at a console without echo, and
 * standard input. Injected so tests can supply each without touching the real process.
 */
public interface Terminal {

  /** The variable's value, or null when it is not set. */
  String env(String name);

  /** True when a person can be prompted (there is a console). */
  boolean interactive();

  /** Prompts for a secret without echo; empty when not interactive or at end of input. */
  Optional<char[]> readSecret(String prompt);

  /** Reads one line of standard input (without the line end); empty at end of input. */
  Optional<String> readLine() throws IOException;

  /** The real process: {@link System#getenv}, {@link System#console()} and {@link System#in}. */
  static Terminal system() {
    return new Terminal() {
      private BufferedReader stdin;

      @Override
      public String env(String name) {
        return System.getenv(name);
      }

      @Override
      public boolean interactive() {
        return System.console() != null;
      }

      @Override
      public Optional<char[]> readSecret(String prompt) {
        Console console = System.console();
        return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
      }

      @Override
      public synchronized Optional<String> readLine() throws IOException {
        if (stdin == null) {
          stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return Optional.ofNullable(stdin.readLine());
      }
    };
  }
}
