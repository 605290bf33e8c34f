package org.peaktrade.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Cassandra of a whole-process harness: either one already running ({@code -Dcassandra=HOST:PORT}, its schema
 * applied), or a fresh single node started, given the schema and stopped through {@code scripts/cassandra/cassandra}
 * as an operator runs it, on free ports with its data under {@code dir}. The actors module's {@code LocalCassandra}
 * runs the same script, but as a JUnit extension it needs a JUnit lifecycle, which a {@code main} does not have.
 */
final class ScriptedCassandra implements AutoCloseable {
  private static final Path SCRIPT = Path.of("scripts", "cassandra", "cassandra");
  private static final Path SCHEMA = Path.of("scripts", "cassandra", "schema.cql");
  private static final long SCRIPT_TIMEOUT_MINUTES = 5;

  private final Path root;
  private final Path dir;
  private final String contactPoint;
  private final List<String> ports;

  private ScriptedCassandra(Path root, Path dir, String contactPoint, List<String> ports) {
    this.root = root;
    this.dir = dir;
    this.contactPoint = contactPoint;
    this.ports = ports;
  }

  /** The running node named by {@code -Dcassandra}, or a new one in {@code dir} (started, schema applied). */
  static ScriptedCassandra startOrUse(Path root, Path dir) throws Exception {
    String given = System.getProperty("cassandra");
    if (given != null) {
      return new ScriptedCassandra(root, dir, given, List.of());
    }
    int cql = freePort();
    List<String> ports = List.of("--dir", dir.toString(), "--cql-port", String.valueOf(cql),
        "--storage-port", String.valueOf(freePort()));
    ScriptedCassandra cassandra = new ScriptedCassandra(root, dir, "127.0.0.1:" + cql, ports);
    cassandra.script("start");
    cassandra.script("cql", root.resolve(SCHEMA).toString());
    return cassandra;
  }

  /** {@code HOST:PORT}, as {@code PEAKTRADE_CASSANDRA_CONTACT_POINT} expects it. */
  String contactPoint() {
    return contactPoint;
  }

  /** Stops the node this harness started; leaves a given one running. */
  @Override
  public void close() throws Exception {
    if (!ports.isEmpty()) {
      script("stop");
    }
  }

  private void script(String command, String... args) throws Exception {
    List<String> line = new ArrayList<>(List.of(root.resolve(SCRIPT).toString(), command));
    line.addAll(List.of(args));
    line.addAll(ports);
    Files.createDirectories(dir);
    Path log = dir.resolve("script.log");
    Process process = new ProcessBuilder(line).directory(root.toFile()).redirectInput(new File("/dev/null"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    if (!process.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("scripts/cassandra " + command + " took too long; see " + log);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("scripts/cassandra " + command + " exited with " + process.exitValue()
          + ":\n" + Files.readString(log));
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
