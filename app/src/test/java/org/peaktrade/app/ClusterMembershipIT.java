package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.app.ClusterProcesses.eventually;
import static org.peaktrade.app.ClusterProcesses.freePort;
import static org.peaktrade.app.ClusterProcesses.hostedBy;
import static org.peaktrade.app.ClusterProcesses.json;
import static org.peaktrade.app.ClusterProcesses.managementStatus;
import static org.peaktrade.app.ClusterProcesses.startSession;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.KillSwitchFixtures;
import org.peaktrade.actors.fixtures.LocalCassandra;
import org.peaktrade.app.fixtures.NodeProcess;
import org.peaktrade.http.ApiJson;

/**
 * The local cluster of docs/deployment.md cannot split: three `peak-trade node --cluster --contact-point ...` OS
 * processes on a real Cassandra, every one given the management endpoints of all three. The member that formed the
 * cluster is killed with SIGKILL and started again with the same command line while the other two run: it joins
 * their cluster instead of forming its own (what a restarted first seed did with --seed), every member sees the
 * same three members, every session is hosted by one member all of them agree on, and a kill on the restarted
 * member blocks every member. Then the whole cluster is stopped and started again at once, in the documented order
 * of "all three lines together", while a CPU hog keeps every core busy: every member comes up and every session
 * processes bars again. A member started while no other answers forms no cluster, is not ready, and exits.
 */
class ClusterMembershipIT {
  private static final String FORMED = ClusterProcesses.FORMED_A_CLUSTER;
  private static final int SESSIONS = 6;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @RegisterExtension
  static final LocalCassandra CASSANDRA = LocalCassandra.withSchema();

  @TempDir
  Path dir;

  @Test
  void aKilledMemberThatFormedTheClusterRejoinsItAndTheWholeClusterRestartsAtOnceUnderCpuLoad() throws Exception {
    List<Integer> management = List.of(freePort(), freePort(), freePort());
    List<Integer> remoting = List.of(freePort(), freePort(), freePort());
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        nodes.add(launch(i, "", management, remoting));
      }
      for (NodeProcess node : nodes) {
        node.awaitReady();
      }
      int former = management.indexOf(management.stream().min(Integer::compare).orElseThrow());
      for (int i = 0; i < 3; i++) {
        assertThat(nodes.get(i).log().contains(FORMED)).as("node %d formed the cluster", i).isEqualTo(i == former);
        assertThat(nodes.get(i).log()).contains("joined through Cluster Bootstrap (config discovery of service "
            + "'peak-trade', 3 contact points required)");
      }
      for (int i = 0; i < SESSIONS; i++) {
        startSession(nodes.get(i % 3), "c" + i);
      }
      eventually(() -> hostedBy(nodes).size() == 3);

      assertThat(nodes.get(former).killDashNine()).as("killed by SIGKILL").isEqualTo(128 + 9);
      NodeProcess restarted = launch(former, "-restarted", management, remoting);
      nodes.set(former, restarted);
      restarted.awaitReady();

      assertThat(restarted.log()).doesNotContain(FORMED).contains("to existing cluster");
      Set<String> expected = new TreeSet<>();
      remoting.forEach(port -> expected.add("pekko://peak-trade@127.0.0.1:" + port));
      for (int port : management) {
        eventually(() -> upMembers(port).equals(expected));
      }
      for (int i = 0; i < SESSIONS; i++) {
        String id = "c" + i;
        eventually(() -> oneHostAllAgreeOn(nodes, id, expected));
      }

      HttpResponse<String> killed = restarted.post("/trigger", "{\"reason\":\"drill after the restart\"}");
      assertThat(killed.statusCode()).as(killed.body()).isEqualTo(200);
      for (NodeProcess node : nodes) {
        eventually(() -> "KILLED".equals(json(node.get("")).get("state").asText()));
      }

      Map<String, Long> barsBefore = new HashMap<>();
      for (int i = 0; i < SESSIONS; i++) {
        String id = "c" + i;
        barsBefore.put(id, json(restarted.getFromRoot("/api/v1/sessions/" + id)).get("barsSeen").asLong());
      }
      for (NodeProcess node : nodes) {
        node.terminate();
      }
      List<Process> hog = cpuHog();
      try {
        for (int i = 0; i < 3; i++) {
          nodes.set(i, launch(i, "-full-restart", management, remoting));
        }
        for (NodeProcess node : nodes) {
          node.awaitReady();
        }
        for (int port : management) {
          eventually(() -> upMembers(port).size() == 3);
        }
        for (int i = 0; i < SESSIONS; i++) {
          String id = "c" + i;
          eventually(() -> oneHostAllAgreeOn(nodes, id, upMembers(management.get(0))));
          eventually(() -> json(nodes.get(0).getFromRoot("/api/v1/sessions/" + id)).get("barsSeen").asLong()
              > barsBefore.get(id));
        }
        assertThat(nodes.stream().filter(node -> logContains(node, FORMED)).count())
            .as("one member formed the restarted cluster").isEqualTo(1);
      } finally {
        hog.forEach(Process::destroyForcibly);
      }
    } finally {
      for (NodeProcess node : nodes) {
        node.close();
      }
    }
  }

  @Test
  void aMemberThatReachesNoOtherFormsNoClusterIsNotReadyAndExits() throws Exception {
    List<Integer> management = List.of(freePort(), freePort(), freePort());
    List<Integer> remoting = List.of(freePort(), freePort(), freePort());
    int lowest = management.indexOf(management.stream().min(Integer::compare).orElseThrow());
    try (NodeProcess alone = launch(lowest, "-alone", management, remoting)) {
      eventually(() -> alone.log().contains("health endpoints on"));
      assertThat(managementStatus(management.get(lowest), "/ready")).as("ready before joining").isEqualTo(500);

      Optional<Integer> exit = alone.awaitExit(Duration.ofSeconds(90));
      assertThat(exit).as("gives up after peaktrade.cluster.join-timeout").isPresent();
      assertThat(exit.get()).isNotZero();
      assertThat(alone.log()).doesNotContain(FORMED).doesNotContainPattern("session \\S+ trading")
          .contains("did not join the cluster within PT20S (peaktrade.cluster.join-timeout)");
    }
  }

  /** One busy shell loop per core, as a noisy neighbour would run them. */
  private static List<Process> cpuHog() throws Exception {
    List<Process> hog = new ArrayList<>();
    for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
      hog.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
    }
    return hog;
  }

  private static boolean logContains(NodeProcess node, String text) {
    try {
      return node.log().contains(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Member {@code index} as the doc starts it: its own ports and data dir, the contact points of all three. */
  private NodeProcess launch(int index, String incarnation, List<Integer> management, List<Integer> remoting)
      throws Exception {
    Path home = Files.createDirectories(dir.resolve("node" + index));
    Path tokens = NodeFixtures.configWithTokens(home, KillSwitchFixtures.HASH, "0s");
    Path test = Files.writeString(home.resolve("cluster-test.conf"), String.join("\n",
        "pekko.cluster.split-brain-resolver.stable-after = 5s",
        "peaktrade.cluster.join-timeout = " + ("-alone".equals(incarnation) ? "20s" : "90s"),
        "peaktrade.market-data.replay.speed = 300",
        ""));
    Path profile = LocalCassandra.repositoryRoot().resolve("config/persistence-cassandra.conf");
    List<String> args = new ArrayList<>(List.of("--config", tokens.toString(), "--config", profile.toString(),
        "--config", test.toString(), "--cluster"));
    for (int port : management) {
      args.addAll(List.of("--contact-point", "127.0.0.1:" + port));
    }
    args.addAll(List.of("--remote-port", String.valueOf(remoting.get(index)),
        "--management-port", String.valueOf(management.get(index)),
        "--data-dir", home.resolve("data").toString()));
    return NodeProcess.launch(dir.resolve("node" + index + incarnation + ".log"),
        Map.of("PEAKTRADE_CASSANDRA_CONTACT_POINT", CASSANDRA.contactPoint()), args.toArray(String[]::new));
  }

  /** The addresses of the Up members as the member serving {@code managementPort} sees them. */
  private static Set<String> upMembers(int managementPort) throws Exception {
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + managementPort + "/bootstrap/seed-nodes")).timeout(Duration.ofSeconds(10))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    Set<String> up = new TreeSet<>();
    for (JsonNode member : ApiJson.MAPPER.readTree(answer.body()).get("seedNodes")) {
      if ("Up".equals(member.get("status").asText())) {
        up.add(member.get("node").asText());
      }
    }
    return up;
  }

  /** Every member answers for session {@code id} with the same hosting member, one of the cluster's. */
  private static boolean oneHostAllAgreeOn(List<NodeProcess> nodes, String id, Set<String> members)
      throws Exception {
    Set<String> hosts = new TreeSet<>();
    for (NodeProcess node : nodes) {
      HttpResponse<String> answer = node.getFromRoot("/api/v1/sessions/" + id);
      if (answer.statusCode() != 200) {
        return false;
      }
      hosts.add(ApiJson.MAPPER.readTree(answer.body()).get("member").asText());
    }
    return hosts.size() == 1 && members.containsAll(hosts);
  }

}
