package org.peaktrade.app.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.cluster.ClusterProfile;
import org.peaktrade.actors.killswitch.EmbeddedJournal;
import org.peaktrade.app.fixtures.FakeKubernetesApi;
import org.peaktrade.app.node.Node;
import org.peaktrade.app.node.NodeConfig;

/**
 * The config a pod of the node Deployment loads (k8s/ and config/kubernetes.conf, see {@link NodePod}) puts each pod
 * at its own IP and has it find the others through Cluster Bootstrap with Kubernetes API discovery, and a node
 * started on it serves Cluster Bootstrap's endpoint at that address but never forms a cluster on its own: not even
 * with one required contact point, when it cannot reach the Kubernetes API. No Kubernetes here: Kubernetes API
 * discovery takes the API server's address from the process environment (KUBERNETES_SERVICE_HOST/_PORT), which a
 * test cannot give the JVM it runs in; KubernetesBootstrapIT forms a cluster of node processes through a local
 * stand-in of the API.
 */
class KubernetesPodNodeTest {

  private static final Path REPO = Repository.ROOT;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DISCOVERY = "pekko.management.cluster.bootstrap.contact-point-discovery";
  private static final String KUBERNETES_API = "pekko.discovery.kubernetes-api";
  private static final String SERVICE_ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount/";

  @TempDir
  Path scratch;

  private final Manifests manifests = Manifests.load(REPO.resolve("k8s"));
  private final Dockerfile dockerfile = Dockerfile.parse(Repository.read(REPO.resolve("Dockerfile")));
  private final PodSecrets secrets = new PodSecrets();

  private NodePod pod(int index) {
    return NodePod.of(REPO, manifests, dockerfile, secrets, index, scratch);
  }

  /** Sets a variable in the Deployment's container, as an operator would in the manifest. */
  private void deploymentEnv(String name, String value) {
    ((ArrayNode) NodePod.container(manifests.one("Deployment", NodePod.NODES)).path("env")).addObject()
        .put("name", name).put("value", value);
  }

  @Test
  void eachPodAdvertisesItsOwnIpAndFindsTheOthersThroughTheKubernetesApi() {
    for (int index = 0; index < 3; index++) {
      NodePod pod = pod(index);
      Config config = pod.config();

      assertThat(pod.environment()).containsEntry("PEAKTRADE_POD_IP", "10.244." + index + ".10");
      assertThat(config.getString(ClusterProfile.HOSTNAME)).isEqualTo(pod.ip());
      assertThat(config.getString("pekko.management.http.hostname")).isEqualTo(pod.ip());
      assertThat(config.getInt(ClusterProfile.PORT)).isEqualTo(25520);
      assertThat(config.getString("pekko.remote.artery.bind.hostname")).isEqualTo("0.0.0.0");
      assertThat(config.getString("pekko.management.http.bind-hostname")).isEqualTo("0.0.0.0");
      assertThat(config.getBoolean(ClusterProfile.ENABLED)).isTrue();
      assertThat(config.getString(ClusterProfile.JOIN)).isEqualTo("bootstrap");
      assertThat(config.getStringList(ClusterProfile.SEED_NODES)).isEmpty();
      assertThat(config.getString("pekko.actor.provider")).isEqualTo("cluster");
      assertThat(config.getString("pekko.cluster.split-brain-resolver.active-strategy")).isEqualTo("keep-majority");

      assertThat(config.getString(DISCOVERY + ".discovery-method")).isEqualTo("kubernetes-api");
      assertThat(config.getString(DISCOVERY + ".service-name")).isEqualTo("peak-trade");
      assertThat(config.getString(DISCOVERY + ".port-name")).isEqualTo("management");
      assertThat(config.getInt(DISCOVERY + ".required-contact-point-nr")).isEqualTo(3);
      assertThat(String.format(config.getString(KUBERNETES_API + ".pod-label-selector"), "peak-trade"))
          .isEqualTo("app=peak-trade");
      assertThat(config.getBoolean(KUBERNETES_API + ".use-raw-ip")).isTrue();
      assertThat(config.getString(KUBERNETES_API + ".container-name")).isEqualTo("node");
      assertThat(config.getString(KUBERNETES_API + ".api-token-path")).startsWith(SERVICE_ACCOUNT);
      assertThat(config.getString(KUBERNETES_API + ".api-ca-path")).startsWith(SERVICE_ACCOUNT);
      assertThat(config.getString(KUBERNETES_API + ".pod-namespace-path")).startsWith(SERVICE_ACCOUNT);
      assertThat(pod.environment()).containsKeys(config.getString(KUBERNETES_API + ".api-service-host-env-name"),
          config.getString(KUBERNETES_API + ".api-service-port-env-name"));

      assertThat(config.getInt("peaktrade.http.port")).isEqualTo(8080);
      assertThat(config.getInt("pekko.management.http.port")).isEqualTo(8558);
      assertThat(config.getString("pekko.management.health-checks.readiness-path")).isEqualTo("ready");
      assertThat(config.getString("pekko.management.health-checks.liveness-path")).isEqualTo("alive");
      assertThat(config.getString("peaktrade.kill-switch.approval-code-hash"))
          .isEqualTo(secrets.value(PodSecrets.APPROVAL, PodSecrets.APPROVAL_KEY).orElseThrow());
      assertThat(config.getString("peaktrade.data-dir")).isEqualTo("/var/lib/peak-trade");
    }
  }

  @Test
  void aPodWithoutItsIpDoesNotStartOnTheLoopbackAddress() {
    List<Path> files = pod(0).configFiles();

    assertThatThrownBy(() -> NodeConfig.load(files, Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(ConfigException.UnresolvedSubstitution.class)
        .hasMessageContaining("PEAKTRADE_POD_IP");
  }

  @Test
  void theDeploymentsEnvironmentOverridesTheRequiredContactPoints() {
    deploymentEnv("PEAKTRADE_REQUIRED_CONTACT_POINTS", "1");

    assertThat(pod(0).config().getInt(DISCOVERY + ".required-contact-point-nr")).isEqualTo(1);
  }

  @Test
  void aNodeOnAPodsConfigServesClusterBootstrapAtItsIpButFormsNoClusterWithoutTheKubernetesApi() throws Exception {
    deploymentEnv("PEAKTRADE_REQUIRED_CONTACT_POINTS", "1");
    NodePod pod = pod(0);
    int managementPort = freePort();
    // The stand-in API writes what a pod's ServiceAccount mount holds (token, ca.crt, namespace).
    try (FakeKubernetesApi api = FakeKubernetesApi.start(scratch.resolve("serviceaccount"), "peak-trade", "t0k3n")) {
      Config node = ConfigFactory.parseString("""
              # The test's replacements: free ports, so tests run side by side; a JVM that survives the node's stop.
              peaktrade.http.port = 0
              pekko.remote.artery.bind.port = 0
              pekko.coordinated-shutdown.exit-jvm = off
              pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
              pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
              peaktrade.cluster.join-timeout = 8s
              # The journal: a SQLite file outside the data dir instead of Cassandra (every member would share
              # Cassandra; a cluster on the journal under the data dir is refused).
              peaktrade.persistence.read-journal = "jdbc-read-journal"
              # The pod's ServiceAccount mount; the API server's address comes from variables this JVM does not have.
              pekko.discovery.kubernetes-api.api-service-host-env-name = PEAKTRADE_TEST_NO_KUBERNETES_SERVICE_HOST
              pekko.discovery.kubernetes-api.api-service-port-env-name = PEAKTRADE_TEST_NO_KUBERNETES_SERVICE_PORT
              """)
          .withValue("pekko.management.http.port", ConfigValueFactory.fromAnyRef(managementPort))
          .withValue(KUBERNETES_API + ".api-ca-path", ConfigValueFactory.fromAnyRef(api.caFile().toString()))
          .withValue(KUBERNETES_API + ".api-token-path", ConfigValueFactory.fromAnyRef(api.tokenFile().toString()))
          .withValue(KUBERNETES_API + ".pod-namespace-path",
              ConfigValueFactory.fromAnyRef(api.namespaceFile().toString()))
          .withValue("peaktrade.data-dir", ConfigValueFactory.fromAnyRef(scratch.resolve("data").toString()))
          .withValue(EmbeddedJournal.URL, ConfigValueFactory.fromAnyRef(
              EmbeddedJournal.urlOf(scratch.resolve("shared-journal.db"))))
          // The image's working directory /opt/peak-trade holds data/demo/ (Dockerfile COPY); here, the repository.
          .withValue("peaktrade.market-data.replay.file", ConfigValueFactory.fromAnyRef(
              REPO.resolve(pod.config().getString("peaktrade.market-data.replay.file")).toString()))
          .withFallback(EmbeddedJournal.config())
          .withFallback(pod.config())
          .resolve();
      assertThat(System.getenv()).doesNotContainKeys("PEAKTRADE_TEST_NO_KUBERNETES_SERVICE_HOST",
          "PEAKTRADE_TEST_NO_KUBERNETES_SERVICE_PORT");

      CompletableFuture<Node> starting = CompletableFuture.supplyAsync(() -> Node.start(node, Clock.systemUTC()));
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      URI management = URI.create("http://127.0.0.1:" + managementPort);
      awaitAnswer(http, management.resolve("/alive"), starting);

      HttpResponse<String> seedNodes = get(http, management.resolve("/bootstrap/seed-nodes"));
      assertThat(seedNodes.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(seedNodes.body());
      assertThat(body.path("selfNode").asText()).isEqualTo("pekko://peak-trade@" + pod.ip() + ":25520");
      assertThat(body.path("seedNodes")).isEmpty();
      assertThat(get(http, management.resolve("/alive")).statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(http, management.resolve("/ready"));
      assertThat(ready.statusCode()).isEqualTo(500);

      try {
        Node started = starting.get(60, TimeUnit.SECONDS);
        started.stop();
        started.awaitTermination();
        fail("the node joined a cluster without the Kubernetes API: " + started.cluster());
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("did not join the cluster within PT8S (peaktrade.cluster.join-timeout); joined "
                + "through Cluster Bootstrap (kubernetes-api discovery of service 'peak-trade', 1 contact points "
                + "required), this node: pekko://peak-trade@" + pod.ip() + ":25520");
      }
      assertThat(api.requests()).as("the node had no address of the API").isEmpty();
    }
  }

  /** Polls until {@code uri} answers at all; fails with the node's start-up error if it gave up before. */
  private static void awaitAnswer(HttpClient http, URI uri, CompletableFuture<Node> starting) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (starting.isDone()) {
        fail("the node stopped starting before its management endpoints answered: " + starting.handle(
            (node, error) -> String.valueOf(error)).get());
      }
      try {
        get(http, uri);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    fail(uri + " did not answer within 60 s");
  }

  private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
