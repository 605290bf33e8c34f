package org.peaktrade.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.cluster.InJvmClusterNode.await;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.code;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.data.MarketDataFiles;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * Two cluster nodes in one JVM on a shared journal (as {@link InJvmClusterIT}, without sessions): an approver's wrong
 * approval codes sent through both nodes' runtimes, each to other scopes, count toward one limit, because the
 * sharded {@code approver-guard} entity of that approver runs once in the cluster. With a guard per node, three
 * wrong codes on one node and two on the other would never reach the limit of five.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApproverGuardClusterIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  static Path dataDir;

  private final List<InJvmClusterNode> nodes = new ArrayList<>();

  @BeforeAll
  void startTwoNodes() throws Exception {
    List<Bar> bars = MarketDataFiles.load(Bars.demoData().resolve("btc-perp-1m-2022-01.csv"), LoadOptions.defaults())
        .bars().subList(0, 2);
    List<Integer> ports = InJvmClusterNode.freePorts(2);
    String database = "guard-cluster-" + System.nanoTime();
    for (int port : ports) {
      nodes.add(InJvmClusterNode.start(database, dataDir, port, ports.get(0), bars, Duration.ofSeconds(1)));
    }
    for (InJvmClusterNode node : nodes) {
      Polling.until("two members up on port " + node.port, WAIT, node::upMembers, up -> up == 2);
    }
  }

  @AfterAll
  void stopNodes() throws Exception {
    for (InJvmClusterNode node : nodes) {
      node.close();
    }
  }

  @Test
  void wrongCodesSpreadOverTwoNodesAndFiveScopesCountTowardOneApproversLimit() throws Exception {
    List<KillSwitchScope> scopes = List.of(KillSwitchScope.session("guard-0"), KillSwitchScope.session("guard-1"),
        KillSwitchScope.session("guard-2"), KillSwitchScope.session("guard-3"), KillSwitchScope.session("guard-4"),
        KillSwitchScope.session("guard-5"));
    for (KillSwitchScope scope : scopes) {
      await(nodes.get(0).killSwitch.trigger(scope, TriggerKind.MANUAL, "ops@example.com", "guard test", Map.of()));
    }

    List<RefusalReason> wrongCodes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      InJvmClusterNode via = nodes.get(i < 3 ? 0 : 1);
      wrongCodes.add(await(via.killSwitch.requestRecovery(scopes.get(i), "Mallory", "guess".toCharArray()))
          .refusal());
    }
    KillSwitchReply rightCodeOnTheFirstNode =
        await(nodes.get(0).killSwitch.requestRecovery(scopes.get(5), "mallory", code()));
    KillSwitchReply rightCodeOnTheSecondNode =
        await(nodes.get(1).killSwitch.requestRecovery(scopes.get(5), " MALLORY ", code()));

    assertThat(wrongCodes).containsOnly(RefusalReason.BAD_APPROVAL_CODE).hasSize(5);
    assertThat(rightCodeOnTheFirstNode.refusal()).isEqualTo(RefusalReason.LOCKED_OUT);
    assertThat(rightCodeOnTheSecondNode.refusal()).isEqualTo(RefusalReason.LOCKED_OUT);
    assertThat(rightCodeOnTheSecondNode.lockedUntil()).isEqualTo(rightCodeOnTheFirstNode.lockedUntil());
    assertThat(nodes.stream().mapToInt(node -> hostedGuards(node).contains("mallory") ? 1 : 0).sum()).isEqualTo(1);
  }

  /** The approver keys whose guards run on {@code node} now. */
  private static Set<String> hostedGuards(InJvmClusterNode node) {
    ShardRegion.CurrentShardRegionState state = await(AskPattern.ask(
        ClusterSharding.get(node.system).shardState(),
        replyTo -> new GetShardRegionState(ShardedKillSwitches.GUARD_TYPE_KEY, replyTo), InJvmClusterNode.AWAIT,
        node.system.scheduler()));
    return state.getShards().stream().flatMap(shard -> shard.getEntityIds().stream()).collect(Collectors.toSet());
  }
}
