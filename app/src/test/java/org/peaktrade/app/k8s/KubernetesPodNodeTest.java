package org.peaktrade.app.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.cluster.ClusterProfile;
import org.peaktrade.actors.killswitch.EmbeddedJournal;
import org.peaktrade.app.node.Node;
import org.peaktrade.app.node.NodeConfig;

/**
 * The config a pod of the node StatefulSet loads (k8s/ and config/kubernetes.conf, see {@link NodePod}) puts each
 * pod at its stable DNS name with the seed nodes the manifests promise, and a node started on pod 0's config forms
 * the cluster as the first seed and serves the probes and the Secret's token. No Kubernetes and no cluster DNS:
 * nothing needs the names to resolve.
 */
class KubernetesPodNodeTest {

  private static final Path REPO = repositoryRoot();
  private static final String DOMAIN = ".peak-trade-cluster.peak-trade.svc.cluster.local";
  private static final List<String> SEEDS = List.of("pekko://peak-trade@peak-trade-0" + DOMAIN + ":25520",
      "pekko://peak-trade@peak-trade-1" + DOMAIN + ":25520", "pekko://peak-trade@peak-trade-2" + DOMAIN + ":25520");

  @TempDir
  Path scratch;

  private final Manifests manifests = Manifests.load(REPO.resolve("k8s"));
  private final Dockerfile dockerfile = Dockerfile.parse(read(REPO.resolve("Dockerfile")));
  private final PodSecrets secrets = new PodSecrets();

  private NodePod pod(int ordinal) {
    return NodePod.of(REPO, manifests, dockerfile, secrets, ordinal, scratch);
  }

  @Test
  void eachPodAdvertisesItsStableDnsNameAndAllShareTheFirstThreeAsSeeds() {
    for (int ordinal = 0; ordinal < 3; ordinal++) {
      NodePod pod = pod(ordinal);
      Config config = pod.config();

      assertThat(pod.environment()).containsEntry("PEAKTRADE_CLUSTER_HOSTNAME", "peak-trade-" + ordinal + DOMAIN);
      assertThat(config.getString(ClusterProfile.HOSTNAME)).isEqualTo("peak-trade-" + ordinal + DOMAIN);
      assertThat(config.getInt(ClusterProfile.PORT)).isEqualTo(25520);
      assertThat(config.getString("pekko.remote.artery.bind.hostname")).isEqualTo("0.0.0.0");
      assertThat(config.getStringList(ClusterProfile.SEED_NODES)).isEqualTo(SEEDS);
      assertThat(config.getBoolean(ClusterProfile.ENABLED)).isTrue();
      assertThat(config.getString("pekko.actor.provider")).isEqualTo("cluster");
      assertThat(config.getString("pekko.cluster.split-brain-resolver.active-strategy")).isEqualTo("keep-majority");
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
  void aPodWithoutItsDnsNameDoesNotStartOnTheLoopbackAddress() {
    List<Path> files = pod(0).configFiles();

    assertThatThrownBy(() -> NodeConfig.load(files, Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(ConfigException.UnresolvedSubstitution.class)
        .hasMessageContaining("PEAKTRADE_CLUSTER_HOSTNAME");
  }

  @Test
  void aNodeOnPodZerosConfigFormsTheClusterAtItsDnsNameAndServesProbesAndTheSecretsToken() throws Exception {
    Config node = ConfigFactory.parseString("""
            # The test's replacements: free ports, so tests run side by side; a JVM that survives the node's stop.
            peaktrade.http.port = 0
            pekko.management.http.port = 0
            pekko.remote.artery.bind.port = 0
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
            pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
            # The journal: a named in-memory H2 instead of Cassandra (every member would share Cassandra).
            peaktrade.persistence.read-journal = "jdbc-read-journal"
            pekko-persistence-jdbc.shared-databases.slick.db.url = "jdbc:h2:mem:k8s-pod-0;DB_CLOSE_DELAY=-1"
            """)
        .withValue("peaktrade.data-dir", ConfigValueFactory.fromAnyRef(scratch.resolve("data").toString()))
        // The image's working directory /opt/peak-trade holds data/demo/ (Dockerfile COPY); here it is the repository.
        .withValue("peaktrade.market-data.replay.file", ConfigValueFactory.fromAnyRef(
            REPO.resolve(pod(0).config().getString("peaktrade.market-data.replay.file")).toString()))
        .withFallback(EmbeddedJournal.config().withoutPath("pekko-persistence-jdbc.shared-databases.slick.db.url"))
        .withFallback(pod(0).config())
        .resolve();

    Node started = Node.start(node, Clock.systemUTC());
    try {
      assertThat(started.cluster()).startsWith("member " + SEEDS.get(0) + ", seed nodes " + SEEDS);

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      URI management = URI.create("http://127.0.0.1:" + started.managementUrl().getPort());
      assertThat(awaitStatus(http, management.resolve("/ready"), 200)).isEqualTo(200);
      assertThat(get(http, management.resolve("/alive"), null).statusCode()).isEqualTo(200);

      // Listening on 0.0.0.0, the node names its URL by loopback.
      assertThat(started.url().getHost()).isEqualTo("127.0.0.1");
      URI whoami = started.url().resolve("/api/v1/auth/whoami");
      HttpResponse<String> withToken = get(http, whoami, secrets.token());
      assertThat(withToken.statusCode()).isEqualTo(200);
      assertThat(withToken.body()).contains("\"" + PodSecrets.TOKEN_NAME + "\"");
      assertThat(get(http, whoami, null).statusCode()).isEqualTo(401);
      assertThat(started.adminTokenFile()).isEmpty();
      assertThat(started.approvalCodeFile()).isEmpty();
    } finally {
      started.stop();
      started.awaitTermination();
    }
  }

  /** Polls until {@code uri} answers {@code expected} or 30 s have passed; returns the last status. */
  private static int awaitStatus(HttpClient http, URI uri, int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int status = get(http, uri, null).statusCode();
    while (status != expected && System.nanoTime() < deadline) {
      Thread.sleep(200);
      status = get(http, uri, null).statusCode();
    }
    return status;
  }

  private static HttpResponse<String> get(HttpClient http, URI uri, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("k8s")) && Files.isRegularFile(dir.resolve("Dockerfile"))) {
        return dir;
      }
    }
    throw new IllegalStateException("k8s/ and Dockerfile not found above " + Path.of("").toAbsolutePath());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
