package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.KillSwitchFixtures;
import org.peaktrade.actors.fixtures.LocalCassandra;
import org.peaktrade.app.fixtures.NodeProcess;
import org.peaktrade.http.ApiJson;

/**
 * The production-like setup of docs/deployment.md end to end: the runnable jar started as
 * {@code node --config <node config> --config config/persistence-cassandra.conf} with the contact point from
 * {@code PEAKTRADE_CASSANDRA_CONTACT_POINT}, on a real Cassandra whose tables come from schema.cql; killed with
 * SIGKILL and started again.
 */
class NodeOnCassandraIT {
  @RegisterExtension
  static final LocalCassandra CASSANDRA = LocalCassandra.withSchema();

  @TempDir
  Path dir;

  @Test
  void a_killed_switch_and_its_audit_trail_survive_kill_9_of_a_node_on_cassandra() throws Exception {
    Path config = NodeFixtures.configWithTokens(dir, KillSwitchFixtures.HASH, "300s");
    Path profile = LocalCassandra.repositoryRoot().resolve("config/persistence-cassandra.conf");
    Path dataDir = dir.resolve("data");
    Map<String, String> environment = Map.of("PEAKTRADE_CASSANDRA_CONTACT_POINT", CASSANDRA.contactPoint());
    String[] args = {"--data-dir", dataDir.toString(), "--config", config.toString(), "--config", profile.toString()};

    JsonNode before;
    JsonNode eventsBefore;
    try (NodeProcess node = NodeProcess.start(dir.resolve("first.log"), environment, args)) {
      assertThat(node.log()).contains("journal:       Cassandra " + CASSANDRA.contactPoint() + ", keyspace peaktrade");
      HttpResponse<String> triggered = node.post("/trigger", "{\"identity\":\"alice\",\"reason\":\"db drill\"}");
      assertThat(triggered.statusCode()).as(triggered.body()).isEqualTo(200);
      before = json(node.get(""));
      eventsBefore = json(node.get("/events?limit=100")).get("events");
      assertThat(node.killDashNine()).as("killed by SIGKILL").isEqualTo(128 + 9);
    }

    try (NodeProcess node = NodeProcess.start(dir.resolve("second.log"), environment, args)) {
      JsonNode after = json(node.get(""));
      assertThat(after.get("state").asText()).isEqualTo("KILLED");
      assertThat(after).isEqualTo(before);
      assertThat(json(node.get("/events?limit=100")).get("events")).isEqualTo(eventsBefore);
    }
    assertThat(eventsBefore).hasSize(1);
    assertThat(eventsBefore.get(0).get("event").get("reason").asText()).isEqualTo("db drill");
    assertThat(Files.exists(dataDir.resolve("journal"))).as("no embedded H2 journal").isFalse();
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ApiJson.MAPPER.readTree(response.body());
  }
}
