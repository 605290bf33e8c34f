package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.app.ClusterProcesses.eventually;
import static org.peaktrade.app.ClusterProcesses.freePort;
import static org.peaktrade.app.ClusterProcesses.hostedBy;
import static org.peaktrade.app.ClusterProcesses.json;
import static org.peaktrade.app.ClusterProcesses.startSession;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.KillSwitchFixtures;
import org.peaktrade.actors.fixtures.LocalCassandra;
import org.peaktrade.app.fixtures.NodeProcess;
import org.peaktrade.http.ApiJson;
import org.peaktrade.http.fixtures.TestTokens;

/**
 * Three `peak-trade node --cluster` OS processes from the runnable jar on one real Cassandra (the documented local
 * cluster): sessions started through one node spread over all three; a kill-switch trigger on one node reaches the
 * others; one member is killed with SIGKILL and the sessions it ran resume on the other two from the journal, with
 * every order acknowledged before the kill and no order id twice; the session list answers 200 throughout, showing
 * the moving sessions as their last views, marked unreachable.
 */
class ClusterProcessesIT {
  private static final int SESSIONS = 6;

  @RegisterExtension
  static final LocalCassandra CASSANDRA = LocalCassandra.withSchema();

  @TempDir
  Path dir;

  @Test
  void sessionsOfAKilledMemberResumeOnTheOthersWithEveryAcknowledgedOrder() throws Exception {
    Path config = NodeFixtures.configWithTokens(dir, KillSwitchFixtures.HASH, "0s");
    Path cluster = Files.writeString(dir.resolve("cluster-test.conf"), String.join("\n",
        "pekko.cluster.split-brain-resolver.stable-after = 5s",
        "peaktrade.market-data.replay.speed = 300",
        ""));
    Path profile = LocalCassandra.repositoryRoot().resolve("config/persistence-cassandra.conf");
    Map<String, String> environment = Map.of("PEAKTRADE_CASSANDRA_CONTACT_POINT", CASSANDRA.contactPoint());
    List<Integer> ports = List.of(freePort(), freePort(), freePort());
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        nodes.add(NodeProcess.start(dir.resolve("node" + i + ".log"), environment,
            "--data-dir", dir.resolve("data" + i).toString(), "--config", config.toString(),
            "--config", profile.toString(), "--config", cluster.toString(), "--cluster",
            "--seed", "127.0.0.1:" + ports.get(0), "--remote-port", String.valueOf(ports.get(i))));
      }
      for (int i = 0; i < SESSIONS; i++) {
        startSession(nodes.get(i % 3), "c" + i);
      }
      eventually(() -> hostedBy(nodes).size() == 3);

      HttpResponse<String> killed = nodes.get(1).post("/trigger", "{\"reason\":\"drill\"}");
      assertThat(killed.statusCode()).as(killed.body()).isEqualTo(200);
      for (NodeProcess node : nodes) {
        assertThat(json(node.get("")).get("state").asText()).isEqualTo("KILLED");
      }
      String code = KillSwitchFixtures.CODE;
      assertThat(nodes.get(2).post("/recovery", "{\"approvalCode\":\"" + code + "\"}", TestTokens.BOB)
          .statusCode()).isEqualTo(200);
      eventually(() -> nodes.get(0).post("/recovery/complete", "{}", TestTokens.CAROL).statusCode() == 200);

      NodeProcess victim = nodes.get(2);
      List<String> victimSessions = hostedBy(nodes).get(2);
      assertThat(victimSessions).isNotEmpty();
      eventually(() -> victimSessions.stream().allMatch(id -> orders(nodes.get(0), id).size() > 0));
      Map<String, List<JsonNode>> acknowledged = new HashMap<>();
      Map<String, Long> barsBefore = new HashMap<>();
      for (String id : victimSessions) {
        acknowledged.put(id, orders(nodes.get(0), id));
        barsBefore.put(id, json(nodes.get(0).getFromRoot("/api/v1/sessions/" + id)).get("barsSeen").asLong());
      }

      assertThat(victim.killDashNine()).as("killed by SIGKILL").isEqualTo(128 + 9);

      // While the victim's sessions move, the session list keeps answering: the last views this node saw of them,
      // marked unreachable, until they answer again from a survivor.
      List<Integer> listAnswers = new ArrayList<>();
      Set<String> seenUnreachable = new TreeSet<>();
      eventually(() -> {
        HttpResponse<String> list;
        try {
          list = nodes.get(0).getFromRoot("/api/v1/sessions");
        } catch (java.io.IOException noAnswer) {
          listAnswers.add(-1);
          return false;
        }
        listAnswers.add(list.statusCode());
        if (list.statusCode() == 200) {
          for (JsonNode view : ApiJson.MAPPER.readTree(list.body()).get("sessions")) {
            if (!view.get("reachable").asBoolean()) {
              seenUnreachable.add(view.get("spec").get("id").asText());
            }
          }
        }
        return victimSessions.stream().allMatch(id -> resumedOnSurvivor(nodes, id));
      });
      assertThat(listAnswers).as("the session list during the failover").isNotEmpty().containsOnly(200);
      assertThat(victimSessions).containsAll(seenUnreachable);
      assertThat(seenUnreachable).as("the moving sessions were shown as their last views").isNotEmpty();
      for (String id : victimSessions) {
        eventually(() -> json(nodes.get(1).getFromRoot("/api/v1/sessions/" + id)).get("barsSeen").asLong()
            > barsBefore.get(id) + 20);
        List<JsonNode> after = orders(nodes.get(1), id);
        List<String> ids = after.stream().map(order -> order.get("order").get("id").asText()).toList();
        for (int i = 0; i < ids.size(); i++) {
          assertThat(ids.get(i)).isEqualTo(id + "-" + (i + 1));
        }
        List<JsonNode> before = acknowledged.get(id);
        for (int i = 0; i < before.size(); i++) {
          assertThat(after.get(i).get("order")).isEqualTo(before.get(i).get("order"));
        }
      }
    } finally {
      for (NodeProcess node : nodes) {
        node.close();
      }
    }
  }

  private static boolean resumedOnSurvivor(List<NodeProcess> nodes, String id) {
    try {
      return nodes.get(0).log().contains("session " + id + " trading")
          || nodes.get(1).log().contains("session " + id + " trading");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<JsonNode> orders(NodeProcess node, String id) {
    try {
      List<JsonNode> orders = new ArrayList<>();
      json(node.getFromRoot("/api/v1/sessions/" + id + "/orders")).get("orders").forEach(orders::add);
      return orders;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
