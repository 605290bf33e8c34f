package org.peaktrade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.peaktrade.app.fixtures.NodeProcess;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;
import org.peaktrade.http.fixtures.TestTokens;

/**
 * One member of the local three-node cluster of docs/deployment.md: {@code peak-trade node --cluster} with the
 * contact points of all three, its own remoting and management ports and data dir, the Cassandra profile and the
 * harness's settings file: the test tokens (http's {@code TestTokens}, what app's {@code NodeFixtures.configWithTokens}
 * writes; that fixture itself needs app's CLI classes, which the bench jar leaves out), no demo sessions, the
 * replay's file and speed, the run's {@code stable-after}. Every launch runs the same
 * command line ({@link NodeProcess} adds a free HTTP port each time) with the replay file rewritten by the harness,
 * and logs to its own file.
 */
final class ClusterMember {
  private static final String REPLAY_STARTED = "market data: replaying";
  private static final String HASH = ApprovalCodeHash.create("bench approval code".toCharArray(), 1000,
      new SecureRandom());

  private final int index;
  private final int remotePort;
  private final Path home;
  private final Path runDir;
  private final List<String> args;
  private final Map<String, String> environment;
  private NodeProcess node;
  private int launches;
  private Path log;
  private long launchedAt;

  private ClusterMember(int index, int remotePort, Path home, Path runDir, List<String> args,
      Map<String, String> environment) {
    this.index = index;
    this.remotePort = remotePort;
    this.home = home;
    this.runDir = runDir;
    this.args = args;
    this.environment = environment;
  }

  /**
   * Member {@code index} of the cluster whose management ports are {@code management}; {@code settings} are HOCON
   * lines layered last; {@code environment} is added to the node's.
   */
  static ClusterMember create(int index, Path runDir, List<Integer> management, int remotePort, Path profile,
      List<String> settings, Map<String, String> environment) throws IOException {
    Path home = Files.createDirectories(runDir.resolve("node" + index));
    List<String> lines = new ArrayList<>(List.of(
        "peaktrade.kill-switch { approval-code-hash = \"" + HASH + "\", cooldown = 0s }",
        "peaktrade.node.demo-sessions = []",
        "peaktrade.market-data.replay.file = \"" + home.resolve("replay.csv") + "\""));
    lines.addAll(settings);
    lines.add(TestTokens.config());
    Path bench = Files.writeString(home.resolve("bench.conf"), String.join("\n", lines));
    List<String> args = new ArrayList<>(List.of("--config", profile.toString(), "--config", bench.toString(),
        "--cluster"));
    for (int port : management) {
      args.addAll(List.of("--contact-point", "127.0.0.1:" + port));
    }
    args.addAll(List.of("--remote-port", String.valueOf(remotePort),
        "--management-port", String.valueOf(management.get(index)), "--data-dir", home.resolve("data").toString()));
    return new ClusterMember(index, remotePort, home, runDir, List.copyOf(args), Map.copyOf(environment));
  }

  /** The file the node replays; write it before {@link #launch}. */
  Path replayFile() {
    return home.resolve("replay.csv");
  }

  /** Starts the node and returns at once; {@link NodeProcess#awaitReady} on {@link #node} waits for its API. */
  void launch() throws Exception {
    launches++;
    log = runDir.resolve("node" + index + "-" + launches + ".log");
    launchedAt = System.currentTimeMillis();
    node = NodeProcess.launch(log, environment, args.toArray(String[]::new));
  }

  NodeProcess node() {
    return node;
  }

  /** The current incarnation's log. */
  String log() throws IOException {
    return Files.readString(log);
  }

  long launchedAt() {
    return launchedAt;
  }

  /** When the current incarnation's replay started (its log line), if it has. */
  OptionalLong replayStartedAt() throws IOException {
    return NodeLog.first(log(), 0, line -> line.contains(REPLAY_STARTED));
  }

  /** Seconds from the launch to the steps of the current incarnation's start its log shows. */
  String startupSteps() throws IOException {
    String log = log();
    return String.format("log after the launch: starting %s, bootstrap %s, joined %s", since(log, "starting node"),
        since(log, "Initiating bootstrap procedure"), since(log, "Joining [", "Initiating new cluster"));
  }

  private String since(String log, String... texts) {
    OptionalLong at = NodeLog.first(log, launchedAt, line -> List.of(texts).stream().anyMatch(line::contains));
    return at.isPresent() ? String.format("%.1f s", (at.getAsLong() - launchedAt) / 1e3) : "-";
  }

  /** The Pekko address sessions name as their {@code member}. */
  String address() {
    return "pekko://peak-trade@127.0.0.1:" + remotePort;
  }

  String name() {
    return "node" + index;
  }

  /** The command line after {@code node --http-port N}, the same for every launch. */
  List<String> args() {
    return args;
  }
}
