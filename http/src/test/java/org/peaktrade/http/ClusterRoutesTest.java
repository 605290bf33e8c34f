package org.peaktrade.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.cluster.ClusterViewBuilder;
import org.peaktrade.http.ServedApi.Reply;
import org.peaktrade.http.fixtures.ClusterViewSamples;
import org.peaktrade.http.fixtures.RecordingSessionService;
import org.peaktrade.http.fixtures.TestTokens;

/** {@code GET /api/v1/cluster} over real HTTP behind the token gate, with a recording double for the cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterRoutesTest {

  private ActorSystem<Void> system;

  @BeforeAll
  void startSystem() {
    system = ActorSystem.create(Behaviors.empty(), "cluster-routes-test",
        ConfigFactory.parseString("pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING")
            .withFallback(ConfigFactory.load()));
  }

  @AfterAll
  void stopSystem() {
    system.terminate();
  }

  private ServedApi served() {
    return ServedApi.start(system, new RecordingSessionService());
  }

  @Test
  void answersAViewerWithEveryMemberAndItsSessions() throws Exception {
    Reply reply = served().as(TestTokens.VIC).get(ClusterRoutes.PATH);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.json()).isEqualTo(ApiJson.MAPPER.readTree("""
        {"mode":"cluster","self":"pekko://peak-trade@127.0.0.1:25520","leader":"pekko://peak-trade@127.0.0.1:25520",
         "members":[
          {"address":"pekko://peak-trade@127.0.0.1:25520","status":"Up","roles":["dc-default"],"reachable":true,
           "upNumber":1,"shards":34,"sessions":12},
          {"address":"pekko://peak-trade@127.0.0.1:25521","status":"Up","roles":["dc-default"],"reachable":true,
           "upNumber":2,"shards":33,"sessions":13},
          {"address":"pekko://peak-trade@127.0.0.1:25522","status":"Up","roles":["dc-default"],"reachable":true,
           "upNumber":3,"shards":33,"sessions":11}],
         "unreachable":[],"sessionsTotal":36,"shardStatsComplete":true}"""));
  }

  @Test
  void duringAFailoverShowsWhatAnsweredAndNamesWhatDidNot() throws Exception {
    ServedApi api = served().as(TestTokens.VIC);
    api.cluster.answer = ClusterViewSamples.duringAFailover();

    Reply reply = api.get(ClusterRoutes.PATH);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("shardStatsComplete").asBoolean()).isFalse();
    assertThat(reply.json().get("unreachable")).containsExactly(reply.json().at("/members/2/address"));
    assertThat(reply.json().at("/members/2/reachable").asBoolean()).isFalse();
    assertThat(reply.json().at("/members/2/sessions").isNull()).isTrue();
    assertThat(reply.json().at("/members/2/shards").isNull()).isTrue();
    assertThat(reply.json().at("/failedRegions/0").asText()).isEqualTo(ClusterViewSamples.duringAFailover()
        .members().get(1).address());
  }

  @Test
  void aSingleNodeSaysSoAndHasNoLeader() throws Exception {
    ServedApi api = served().as(TestTokens.VIC);
    api.cluster.answer = ClusterViewBuilder.singleNode("pekko://peak-trade", Optional.of(3));

    Reply reply = api.get(ClusterRoutes.PATH);

    assertThat(reply.json().get("mode").asText()).isEqualTo("single-node");
    assertThat(reply.json().get("leader").isNull()).isTrue();
    assertThat(reply.json().has("failedRegions")).isFalse();
  }

  @Test
  void refusesACallerWithoutATokenWithoutAskingTheCluster() throws Exception {
    ServedApi api = served();

    Reply reply = api.get(ClusterRoutes.PATH);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.isProblem()).isTrue();
    assertThat(api.cluster.calls).hasValue(0);
  }

  @Test
  void aFailingClusterViewIsA503Problem() throws Exception {
    ServedApi api = served().as(TestTokens.VIC);
    api.cluster.failure = new IllegalStateException("no cluster");

    Reply reply = api.get(ClusterRoutes.PATH);

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.json().get("type").asText()).isEqualTo("urn:peaktrade:problem:unavailable");
  }

  @Test
  void onlyGetIsServed() throws Exception {
    Reply reply = served().as(TestTokens.ROOT).postJson(ClusterRoutes.PATH, "{}");

    assertThat(reply.status()).isEqualTo(405);
  }
}
