package org.peaktrade.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the CLI in-process and keeps its exit code and error output. */
record CliRun(int exitCode, String err) {

  static CliRun of(String... args) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = PeakTrade.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new CliRun(code, err.toString());
  }

  static String demo(String file) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("data/demo"))) {
        return dir.resolve("data/demo").resolve(file).toString();
      }
    }
    throw new IllegalStateException("data/demo not found above " + Path.of("").toAbsolutePath());
  }
}
