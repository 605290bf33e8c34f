package org.peaktrade.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterSettingsTest {

  private static Config with(String hocon) {
    return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve();
  }

  @Test
  void byDefaultANodeRunsAloneAndAMemberWouldJoinThroughSeedNodes() {
    ClusterSettings settings = ClusterSettings.fromConfig(ConfigFactory.defaultReference());

    assertThat(settings).isEqualTo(new ClusterSettings(false, ClusterSettings.Join.SEED_NODES,
        Duration.ofSeconds(60), new ClusterViewSettings(Duration.ofSeconds(3)),
        new WriterLeaseSettings("peaktrade", "pekko.persistence.cassandra", false, Duration.ofSeconds(9),
            Duration.ofSeconds(3), Duration.ofSeconds(5))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "join = contact-points                         | peaktrade.cluster.join",
      "join-timeout = 0s                             | peaktrade.cluster.join-timeout",
      "stats-timeout = 0s                            | peaktrade.cluster.stats-timeout",
      "writer-lease.keyspace = \"\"                  | peaktrade.cluster.writer-lease.keyspace",
      "writer-lease.heartbeat-timeout = 0s           | peaktrade.cluster.writer-lease.heartbeat-timeout",
      "writer-lease.lease-operation-timeout = -1s    | peaktrade.cluster.writer-lease.lease-operation-timeout"})
  void aBadValueFailsNamingItsKeyWhetherOrNotClusterModeIsOn(String setting, String path) {
    assertThatThrownBy(() -> ClusterSettings.fromConfig(with("peaktrade.cluster." + setting)))
        .hasMessageContaining(path);
  }

  @Test
  void aWriterLeaseRenewedLessOftenThanThreeTimesPerTimeoutFailsAtStartNotWhenAShardFirstTakesIt() {
    assertThatThrownBy(() -> ClusterSettings.fromConfig(with("peaktrade.cluster.writer-lease.heartbeat-interval = 4s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("peaktrade.cluster.writer-lease: heartbeat-interval (PT4S) must be at most a third of "
            + "heartbeat-timeout (PT9S)");
  }
}
