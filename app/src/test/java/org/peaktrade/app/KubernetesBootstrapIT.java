package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.app.ClusterProcesses.eventually;
import static org.peaktrade.app.ClusterProcesses.freePort;
import static org.peaktrade.app.ClusterProcesses.hostedBy;
import static org.peaktrade.app.ClusterProcesses.json;
import static org.peaktrade.app.ClusterProcesses.managementStatus;
import static org.peaktrade.app.ClusterProcesses.startSession;





import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.KillSwitchFixtures;
import org.peaktrade.actors.fixtures.LocalCassandra;
import org.peaktrade.app.fixtures.FakeKubernetesApi;
import org.peaktrade.app.fixtures.NodeProcess;

/**
 * Cluster Bootstrap with Kubernetes API discovery as the pods of k8s/ run it: three node processes from the runnable
 * jar load config/kubernetes.conf (the production profile, on a real Cassandra) and find each other only through a
 * local server that answers the Kubernetes pods API over HTTPS with the ServiceAccount token. The pods are told
 * apart by their management port, as pods are by their IP. No seed node is configured anywhere.
 */
class KubernetesBootstrapIT {
  private static final String NAMESPACE = "peak-trade";
  private static final String FORMED = ClusterProcesses.FORMED_A_CLUSTER;

  @RegisterExtension
  static final LocalCassandra CASSANDRA = LocalCassandra.withSchema();

  @TempDir
  Path dir;

  @Test
  void threePodsFormOneClusterThroughTheKubernetesApiAndAKillOnOneBlocksAll() throws Exception {
    try (FakeKubernetesApi api = FakeKubernetesApi.start(dir.resolve("serviceaccount"), NAMESPACE, "sa-token-1")) {
      List<Integer> management = List.of(freePort(), freePort(), freePort());
      List<Integer> remoting = List.of(freePort(), freePort(), freePort());
      for (int i = 0; i < 3; i++) {
        api.addPod(new FakeKubernetesApi.Pod("peak-trade-7d9f-" + i, Map.of("app", "peak-trade"), "127.0.0.1",
            Map.of("http", 8080, "management", management.get(i), "remoting", remoting.get(i))));
      }
      // Another application's pod in the namespace: not selected by app=peak-trade, never contacted.
      api.addPod(new FakeKubernetesApi.Pod("cassandra-0", Map.of("app", "cassandra"), "127.0.0.2",
          Map.of("management", management.get(0))));

      List<NodeProcess> nodes = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          nodes.add(launch(api, i, management.get(i), remoting.get(i), api.namespaceFile()));
        }
        for (NodeProcess node : nodes) {
          node.awaitReady();
        }

        List<Integer> formedBy = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          NodeProcess node = nodes.get(i);
          String banner = "cluster:       member pekko://peak-trade@127.0.0.1:" + remoting.get(i)
              + ", joined through Cluster Bootstrap (kubernetes-api discovery of service 'peak-trade', 3 contact "
              + "points required)";
          // The API answers as soon as it is bound; the start banner is printed right after.
          eventually(() -> node.log().contains(banner));
          String log = node.log();
          if (log.contains(FORMED)) {
            formedBy.add(i);
          }
        }
        // Exactly one pod formed the cluster: the lowest contact point (same IP, lowest management port).
        int lowest = management.indexOf(management.stream().min(Integer::compare).orElseThrow());
        assertThat(formedBy).containsExactly(lowest);

        assertThat(api.requests()).isNotEmpty().allSatisfy(request -> {
          assertThat(request.path()).isEqualTo("/api/v1/namespaces/peak-trade/pods");
          assertThat(request.query()).isEqualTo("labelSelector=app%3Dpeak-trade");
          assertThat(request.authorization()).isEqualTo("Bearer sa-token-1");
          assertThat(request.status()).isEqualTo(200);
        });

        for (int i = 0; i < 6; i++) {
          startSession(nodes.get(i % 3), "c" + i);
        }
        eventually(() -> hostedBy(nodes).size() == 3);

        assertThat(nodes.get(0).post("/trigger", "{\"reason\":\"drill\"}").statusCode()).isEqualTo(200);
        for (NodeProcess node : nodes) {
          assertThat(json(node.get("")).get("state").asText()).isEqualTo("KILLED");
        }
        for (int port : management) {
          eventually(() -> managementStatus(port, "/ready") == 200);
        }
      } finally {
        for (NodeProcess node : nodes) {
          node.close();
        }
      }
    }
  }

  @Test
  void aPodTheApiRefusesToListPodsForIsNotReadyAndStopsNamingHowItTriedToJoin() throws Exception {
    try (FakeKubernetesApi api = FakeKubernetesApi.start(dir.resolve("serviceaccount"), NAMESPACE, "sa-token-2")) {
      int management = freePort();
      api.addPod(new FakeKubernetesApi.Pod("peak-trade-0", Map.of("app", "peak-trade"), "127.0.0.1",
          Map.of("management", management)));
      // The pod thinks it is in another namespace, where its ServiceAccount may not list pods (RBAC).
      Path elsewhere = Files.writeString(dir.resolve("namespace-elsewhere"), "trading");
      try (NodeProcess node = launch(api, 0, management, freePort(), elsewhere)) {
        eventually(() -> node.log().contains("health endpoints on"));
        assertThat(managementStatus(management, "/ready")).as("ready before joining").isEqualTo(500);
        assertThat(managementStatus(management, "/alive")).isEqualTo(200);

        Optional<Integer> exit = node.awaitExit(Duration.ofSeconds(90));
        assertThat(exit).as("the node gives up after peaktrade.cluster.join-timeout").isPresent();
        assertThat(exit.get()).isNotZero();
        String log = node.log();
        assertThat(log).contains("Forbidden to communicate with Kubernetes API server; check RBAC settings");
        assertThat(log).contains("did not join the cluster within PT20S (peaktrade.cluster.join-timeout); joined "
            + "through Cluster Bootstrap (kubernetes-api discovery of service 'peak-trade'");
        assertThat(api.requests()).isNotEmpty()
            .allSatisfy(request -> assertThat(request.status()).isEqualTo(403));
      }
    }
  }

  /** A node process as pod {@code index}: the Kubernetes profile first, then the test's settings. */
  private NodeProcess launch(FakeKubernetesApi api, int index, int managementPort, int remotePort,
      Path namespaceFile) throws Exception {
    Path tokens = NodeFixtures.configWithTokens(Files.createDirectories(dir.resolve("pod" + index)),
        KillSwitchFixtures.HASH, "0s");
    Path serviceAccount = Files.writeString(dir.resolve("pod" + index).resolve("pod-test.conf"), String.join("\n",
        "pekko.discovery.kubernetes-api {",
        "  api-ca-path = \"" + api.caFile() + "\"",
        "  api-token-path = \"" + api.tokenFile() + "\"",
        "  pod-namespace-path = \"" + namespaceFile + "\"",
        "}",
        "pekko.cluster.split-brain-resolver.stable-after = 5s",
        "pekko.coordinated-shutdown.exit-jvm = off",
        "peaktrade.cluster.join-timeout = 20s",
        "peaktrade.market-data.replay.speed = 300",
        ""));
    Map<String, String> environment = new HashMap<>(Map.of(
        "PEAKTRADE_POD_IP", "127.0.0.1",
        "KUBERNETES_SERVICE_HOST", "127.0.0.1",
        "KUBERNETES_SERVICE_PORT", String.valueOf(api.port()),
        "PEAKTRADE_CASSANDRA_CONTACT_POINT", CASSANDRA.contactPoint()));
    Path profile = LocalCassandra.repositoryRoot().resolve("config/kubernetes.conf");
    return NodeProcess.launch(dir.resolve("pod" + index + ".log"), environment,
        "--config", profile.toString(), "--config", tokens.toString(), "--config", serviceAccount.toString(),
        "--data-dir", dir.resolve("pod" + index).resolve("data").toString(),
        "--management-port", String.valueOf(managementPort), "--remote-port", String.valueOf(remotePort));
  }

}
