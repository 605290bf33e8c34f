package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.app.ClusterProcesses.eventually;
import static org.peaktrade.app.ClusterProcesses.freePort;
import static org.peaktrade.app.ClusterProcesses.json;
import static org.peaktrade.app.ClusterProcesses.startSession;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.KillSwitchFixtures;
import org.peaktrade.actors.fixtures.LocalCassandra;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.app.fixtures.NodeProcess;
import org.peaktrade.http.fixtures.TestTokens;

/**
 * Two clusters on one keyspace, as a member that formed a cluster of its own would make them: cluster A (one
 * `peak-trade node --cluster` process) runs a session and has killed the global switch; cluster B, another process
 * whose contact points name only itself, starts on the same Cassandra keyspace. The one-writer fence
 * ({@code CassandraLease}) keeps B from starting anything that writes: B's shards and singletons wait for leases A
 * holds, B cannot un-kill the switch, A trades on, and no journal in the keyspace gets a second writer (no sequence
 * number twice). When A is killed with SIGKILL its leases expire and B takes over the session, still with one writer.
 */
class SecondClusterIT {
  private static final String SESSION = "fenced-1";

  @RegisterExtension
  static final LocalCassandra CASSANDRA = LocalCassandra.withSchema();

  @TempDir
  Path dir;

  @Test
  void aSecondClusterOnTheSameKeyspaceWritesNothingAndCannotUnKillTheSwitch() throws Exception {
    try (NodeProcess a = launch("a")) {
      a.awaitReady();
      startSession(a, SESSION);
      assertThat(a.post("/trigger", "{\"reason\":\"drill: two clusters\"}").statusCode()).isEqualTo(200);
      eventually(() -> barsSeen(a) > 3);

      try (NodeProcess b = launch("b")) {
        eventually(() -> b.log().contains("is held by another owner"));
        b.awaitListening();
        long barsOnA = barsSeen(a);

        HttpResponse<String> recovery = b.post("/recovery", "{\"approvalCode\":\"" + KillSwitchFixtures.CODE
            + "\"}", TestTokens.BOB);
        assertThat(recovery.statusCode()).as("B cannot start the global switch: " + recovery.body())
            .isNotEqualTo(200);
        eventually(() -> barsSeen(a) > barsOnA + 5);

        assertThat(b.log()).doesNotContain("session " + SESSION + " trading");
        assertThat(json(a.get("")).get("state").asText()).isEqualTo("KILLED");
        assertThat(duplicateSequenceNumbers()).as("journal rows written twice").isEmpty();

        assertThat(a.killDashNine()).isEqualTo(128 + 9);
        Polling.until("B takes the session over once A's leases expired", ClusterProcesses.WAIT,
            () -> b.log().contains("session " + SESSION + " trading"));
        eventually(() -> json(b.get("")).get("state").asText().equals("KILLED"));
        assertThat(duplicateSequenceNumbers()).as("journal rows written twice").isEmpty();
      }
    }
  }

  private static long barsSeen(NodeProcess node) throws Exception {
    HttpResponse<String> answer = node.getFromRoot("/api/v1/sessions/" + SESSION);
    return answer.statusCode() == 200 ? json(answer).get("barsSeen").asLong() : -1;
  }

  /** Every (persistence id, sequence number) that has more than one row in the journal. */
  private static List<String> duplicateSequenceNumbers() {
    Map<String, Integer> rows = new HashMap<>();
    try (CqlSession cql = CASSANDRA.connect()) {
      for (Row row : cql.execute("SELECT persistence_id, sequence_nr FROM peaktrade.messages")) {
        rows.merge(row.getString("persistence_id") + "#" + row.getLong("sequence_nr"), 1, Integer::sum);
      }
    }
    assertThat(rows).as("the journal has rows at all").isNotEmpty();
    return rows.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey).toList();
  }

  /** A one-member cluster whose only contact point is itself, on the shared keyspace. */
  private NodeProcess launch(String name) throws Exception {
    Path home = Files.createDirectories(dir.resolve(name));
    Path tokens = NodeFixtures.configWithTokens(home, KillSwitchFixtures.HASH, "0s");
    Path test = Files.writeString(home.resolve("cluster-test.conf"), String.join("\n",
        "peaktrade.cluster.join-timeout = 90s",
        "peaktrade.market-data.replay.speed = 300",
        ""));
    Path profile = LocalCassandra.repositoryRoot().resolve("config/persistence-cassandra.conf");
    int management = freePort();
    List<String> args = new ArrayList<>(List.of("--config", tokens.toString(), "--config", profile.toString(),
        "--config", test.toString(), "--cluster", "--contact-point", "127.0.0.1:" + management,
        "--remote-port", String.valueOf(freePort()), "--management-port", String.valueOf(management),
        "--data-dir", home.resolve("data").toString()));
    return NodeProcess.launch(dir.resolve(name + ".log"),
        Map.of("PEAKTRADE_CASSANDRA_CONTACT_POINT", CASSANDRA.contactPoint()), args.toArray(String[]::new));
  }
}
