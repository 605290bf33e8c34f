package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfigTest {
  @TempDir
  Path dir;

  private Config load(List<Path> files, ClusterOptions cluster) {
    return NodeConfig.load(files, Optional.of(dir.resolve("data")), Optional.empty(), Optional.empty(), cluster);
  }

  private static Path repositoryFile(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    throw new IllegalStateException("no " + name + " above the working directory");
  }

  @Test
  void withoutClusterOptionsTheNodeRunsAloneWithTheLocalProvider() {
    Config config = load(List.of(), ClusterOptions.NONE);

    assertThat(config.getBoolean("peaktrade.cluster.enabled")).isFalse();
    assertThat(config.getString("pekko.actor.provider")).isEqualTo("local");
    assertThat(ClusterWiring.fromConfig(config).enabled()).isFalse();
  }

  @Test
  void theClusterFlagLayersTheClusterProfileWithSeedsAndPort() {
    Config config = load(List.of(repositoryFile("config/persistence-cassandra.conf")), new ClusterOptions(true,
        List.of("127.0.0.1:25520", "127.0.0.1:25521"), Optional.of("10.0.0.7"), Optional.of(25522)));

    assertThat(config.getString("pekko.actor.provider")).isEqualTo("cluster");
    assertThat(config.getStringList("pekko.cluster.seed-nodes"))
        .containsExactly("pekko://peak-trade@127.0.0.1:25520", "pekko://peak-trade@127.0.0.1:25521");
    assertThat(config.getString("pekko.remote.artery.canonical.hostname")).isEqualTo("10.0.0.7");
    assertThat(config.getInt("pekko.remote.artery.canonical.port")).isEqualTo(25522);
    assertThat(config.getString("pekko.cluster.downing-provider-class"))
        .isEqualTo("org.apache.pekko.cluster.sbr.SplitBrainResolverProvider");
    assertThat(config.getString("pekko.cluster.split-brain-resolver.active-strategy")).isEqualTo("keep-majority");
    assertThat(config.getString("pekko.actor.serialization-bindings.\"org.peaktrade.protocol.CborSerializable\""))
        .isEqualTo("jackson-cbor");
    assertThat(ClusterWiring.fromConfig(config).enabled()).isTrue();
  }

  @Test
  void theClusterConfigFileJoinsThroughBootstrapOnTheThreeLocalContactPoints() {
    Config config = load(List.of(repositoryFile("config/persistence-cassandra.conf"),
        repositoryFile("config/cluster.conf")), ClusterOptions.NONE);

    assertThat(config.getString("pekko.actor.provider")).isEqualTo("cluster");
    assertThat(config.getStringList("pekko.cluster.seed-nodes")).isEmpty();
    assertThat(config.getInt("pekko.remote.artery.canonical.port")).isEqualTo(25520);
    assertThat(config.getString("peaktrade.cluster.join")).isEqualTo("bootstrap");
    assertThat(endpoints(config)).containsExactly("127.0.0.1:8558", "127.0.0.1:8559", "127.0.0.1:8560");
    assertThat(config.getInt(ClusterWiring.BOOTSTRAP_DISCOVERY + ".required-contact-point-nr")).isEqualTo(3);
    assertThat(config.getBoolean(ContactPoints.FILTER_ON_FALLBACK_PORT)).isFalse();
    assertThat(ClusterWiring.fromConfig(config).safetyWarnings()).isEmpty();
  }

  @Test
  void contactPointsStandForBootstrapOnConfigDiscoveryRequiringEveryOneOfThem() {
    Config config = load(List.of(repositoryFile("config/persistence-cassandra.conf")), new ClusterOptions(true,
        List.of(), Optional.empty(), Optional.empty(), List.of("127.0.0.1:8558", "127.0.0.1:8559", "localhost:8560")));

    assertThat(config.getString("peaktrade.cluster.join")).isEqualTo("bootstrap");
    assertThat(config.getString(ClusterWiring.BOOTSTRAP_DISCOVERY + ".discovery-method")).isEqualTo("config");
    assertThat(config.getString(ClusterWiring.BOOTSTRAP_DISCOVERY + ".service-name")).isEqualTo("peak-trade");
    assertThat(config.getInt(ClusterWiring.BOOTSTRAP_DISCOVERY + ".required-contact-point-nr")).isEqualTo(3);
    assertThat(endpoints(config)).containsExactly("127.0.0.1:8558", "127.0.0.1:8559", "localhost:8560");
    assertThat(config.getBoolean(ContactPoints.FILTER_ON_FALLBACK_PORT)).as("members differ by port").isFalse();
    ClusterWiring wiring = ClusterWiring.fromConfig(config);
    assertThat(wiring.joinsThroughBootstrap()).isTrue();
    assertThat(wiring.safetyWarnings()).isEmpty();
  }

  @Test
  void contactPointsWithoutThisMembersOwnManagementEndpointAreRefusedNamingIt() {
    Config config = load(List.of(repositoryFile("config/persistence-cassandra.conf")), new ClusterOptions(true,
        List.of(), Optional.empty(), Optional.empty(), List.of("127.0.0.1:8559", "127.0.0.1:8560")));

    assertThatThrownBy(() -> ClusterWiring.fromConfig(config)).isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("127.0.0.1:8558").hasMessageContaining("--management-port")
        .hasMessageContaining(ContactPoints.ENDPOINTS);
  }

  @Test
  void seedsAndContactPointsTogetherAreRefusedNamingBothOptions() {
    assertThatThrownBy(() -> new ClusterOptions(true, List.of("127.0.0.1:25520"), Optional.empty(),
        Optional.empty(), List.of("127.0.0.1:8558")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--seed and --contact-point");
    assertThatThrownBy(() -> new ClusterOptions(true, List.of(), Optional.empty(), Optional.empty(),
        List.of("8558")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--contact-point must be HOST:PORT");
  }

  @Test
  void aMemberJoiningThroughSeedNodesIsWarnedThatTheFirstSeedCanSplitTheCluster() {
    Config config = load(List.of(repositoryFile("config/persistence-cassandra.conf")), new ClusterOptions(true,
        List.of("127.0.0.1:25520"), Optional.empty(), Optional.empty()));

    assertThat(ClusterWiring.fromConfig(config).safetyWarnings()).singleElement()
        .satisfies(warning -> assertThat(warning.name()).isEqualTo("seed-nodes-can-split"))
        .satisfies(warning -> assertThat(warning.detail()).contains("--contact-point"));
    Config alone = load(List.of(), ClusterOptions.NONE);
    assertThat(ClusterWiring.fromConfig(alone).safetyWarnings()).isEmpty();
  }

  private static List<String> endpoints(Config config) {
    return config.getConfigList(ContactPoints.ENDPOINTS).stream()
        .map(endpoint -> endpoint.getString("host") + ":" + endpoint.getInt("port")).toList();
  }

  @Test
  void aClusterOnTheEmbeddedJournalUnderTheDataDirIsRefusedNamingTheFix() {
    Config config = load(List.of(), new ClusterOptions(true, List.of(), Optional.empty(), Optional.empty()));

    assertThatThrownBy(() -> ClusterWiring.fromConfig(config)).isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("peaktrade.cluster.enabled").hasMessageContaining("persistence-cassandra.conf");
  }

  @Test
  void aMalformedSeedIsRefusedNamingTheOption() {
    assertThatThrownBy(() -> new ClusterOptions(true, List.of("pekko://x"), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--seed must be HOST:PORT");
  }

  private Config clusterWith(String settings) throws Exception {
    Path file = Files.writeString(dir.resolve("join.conf"), settings);
    return load(List.of(repositoryFile("config/persistence-cassandra.conf"), file),
        new ClusterOptions(true, List.of(), Optional.empty(), Optional.empty()));
  }

  @Test
  void aMemberJoinsThroughTheSeedNodesUnlessBootstrapIsChosen() throws Exception {
    Config config = clusterWith("");

    assertThat(config.getString("peaktrade.cluster.join")).isEqualTo("seed-nodes");
    ClusterWiring wiring = ClusterWiring.fromConfig(config);
    assertThat(wiring.joinsThroughBootstrap()).isFalse();
    assertThat(wiring.systemConfig(config).getString(ClusterWiring.BOOTSTRAP_ROUTE)).isEmpty();
  }

  @Test
  void aBootstrapMemberServesTheBootstrapRouteAndNoOtherNodeDoes() throws Exception {
    Config config = clusterWith("""
        peaktrade.cluster.join = bootstrap
        pekko.management.cluster.bootstrap.contact-point-discovery.service-name = peak-trade
        """);

    ClusterWiring wiring = ClusterWiring.fromConfig(config);
    assertThat(wiring.joinsThroughBootstrap()).isTrue();
    assertThat(wiring.systemConfig(config).getString(ClusterWiring.BOOTSTRAP_ROUTE))
        .isEqualTo("org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap$");
    Config alone = load(List.of(), ClusterOptions.NONE);
    assertThat(ClusterWiring.fromConfig(alone).systemConfig(alone).getString(ClusterWiring.BOOTSTRAP_ROUTE)).isEmpty();
  }

  @Test
  void bootstrapWithSeedNodesIsRefusedNamingBothKeys() throws Exception {
    Config config = clusterWith("""
        peaktrade.cluster.join = bootstrap
        pekko.management.cluster.bootstrap.contact-point-discovery.service-name = peak-trade
        pekko.cluster.seed-nodes = ["pekko://peak-trade@127.0.0.1:25520"]
        """);

    assertThatThrownBy(() -> ClusterWiring.fromConfig(config)).isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("pekko.cluster.seed-nodes").hasMessageContaining("peaktrade.cluster.join = bootstrap");
  }

  @Test
  void bootstrapWithoutAServiceNameIsRefusedNamingTheKey() throws Exception {
    Config config = clusterWith("peaktrade.cluster.join = bootstrap\n");

    assertThatThrownBy(() -> ClusterWiring.fromConfig(config)).isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("contact-point-discovery.service-name");
  }

  @Test
  void anUnknownWayToJoinIsRefusedNamingTheChoices() throws Exception {
    Config config = clusterWith("peaktrade.cluster.join = multicast\n");

    assertThatThrownBy(() -> ClusterWiring.fromConfig(config)).isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("peaktrade.cluster.join").hasMessageContaining("seed-nodes or bootstrap")
        .hasMessageContaining("multicast");
  }
}
