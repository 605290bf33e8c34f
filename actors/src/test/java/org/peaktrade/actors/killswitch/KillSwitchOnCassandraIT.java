package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.T0;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.code;
import static org.peaktrade.actors.killswitch.CassandraKillSwitchNode.await;

import com.datastax.oss.driver.api.core.CqlSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.actors.fixtures.KillSwitchFixtures;
import org.peaktrade.actors.fixtures.LocalCassandra;
import org.peaktrade.actors.killswitch.KillSwitchService.RecordedEvent;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.CommandRefused;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryCompleted;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryRequested;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.Triggered;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The production profile for real: the kill switch on a real Cassandra whose tables were created from
 * {@code scripts/cassandra/schema.cql}, one ActorSystem after another, as node restarts would see it.
 */
class KillSwitchOnCassandraIT {
  @RegisterExtension
  static final LocalCassandra CASSANDRA = LocalCassandra.withSchema();

  @Test
  void aRecoveringSwitchKeepsItsCooldownAndAuditTrailInCassandraAcrossAFullRestart() throws Exception {
    AdvanceableClock clock = new AdvanceableClock(T0);
    KillSwitchStatus before;
    try (CassandraKillSwitchNode node = CassandraKillSwitchNode.start(CASSANDRA, clock)) {
      await(node.runtime.trigger(KillSwitchScope.GLOBAL, TriggerKind.MANUAL, "alice", "exchange halt", Map.of()));
      before = await(node.runtime.requestRecovery(KillSwitchScope.GLOBAL, "bob", code())).status();
    }
    assertThat(before.state()).isEqualTo(KillSwitchState.RECOVERING);

    clock.advance(Duration.ofSeconds(100));
    List<RecordedEvent> trail;
    try (CassandraKillSwitchNode node = CassandraKillSwitchNode.start(CASSANDRA, clock)) {
      KillSwitchStatus after = await(node.runtime.status(KillSwitchScope.GLOBAL));
      assertThat(after).usingRecursiveComparison().ignoringFields("cooldownRemaining").isEqualTo(before);
      assertThat(after.cooldownRemaining()).isEqualTo(Duration.ofSeconds(200));
      KillSwitchReply early = await(node.runtime.completeRecovery(KillSwitchScope.GLOBAL, "carol"));
      assertThat(early.refusal()).isEqualTo(RefusalReason.COOLDOWN_NOT_OVER);

      clock.advance(Duration.ofSeconds(200));
      KillSwitchReply completed = await(node.runtime.completeRecovery(KillSwitchScope.GLOBAL, "carol"));
      assertThat(completed.accepted()).as(completed.detail()).isTrue();
      trail = await(node.runtime.events(KillSwitchScope.GLOBAL, 0, 100));
    }

    assertThat(trail).containsExactly(
        new RecordedEvent(1, new Triggered(TriggerKind.MANUAL, "alice", "exchange halt", Map.of(), T0)),
        new RecordedEvent(2, new RecoveryRequested("bob", T0, T0.plusSeconds(300))),
        new RecordedEvent(3, new CommandRefused("complete-recovery", "carol", RefusalReason.COOLDOWN_NOT_OVER,
            "cooldown ends at 2026-03-02T10:05:00Z (200 s remaining)", T0.plusSeconds(100))),
        new RecordedEvent(4, new RecoveryCompleted("carol", T0.plusSeconds(300))));
    assertThat(journalRows(KillSwitch.persistenceId(KillSwitchScope.GLOBAL).id())).isEqualTo(4);
  }

  @Test
  void theDocumentedCqlCommandPrintsTheRowsOfASelect() throws Exception {
    AdvanceableClock clock = new AdvanceableClock(T0);
    KillSwitchScope scope = KillSwitchFixtures.freshScope();
    try (CassandraKillSwitchNode node = CassandraKillSwitchNode.start(CASSANDRA, clock)) {
      await(node.runtime.trigger(scope, TriggerKind.MANUAL, "alice", "cql drill", Map.of()));
    }
    String persistenceId = KillSwitch.persistenceId(scope).id();
    Path select = Files.createTempFile("select", ".cql");
    Files.writeString(select, "SELECT persistence_id, sequence_nr FROM peaktrade.messages "
        + "WHERE persistence_id = '" + persistenceId + "' AND partition_nr = 0;\n");

    String output = CASSANDRA.cql(select);

    assertThat(output).contains("persistence_id").contains("sequence_nr")
        .containsPattern("(?m)^\\s*" + Pattern.quote(persistenceId) + "\\s*\\|\\s*1\\s*$")
        .contains("(1 row)");
  }

  @Test
  void aSwitchRecoversFromACassandraSnapshotAndItsTrailStillHoldsEveryEvent() throws Exception {
    AdvanceableClock clock = new AdvanceableClock(T0);
    KillSwitchScope scope = KillSwitchFixtures.freshScope();
    String snapshotEvery = "peaktrade.kill-switch.snapshot-every = 3";
    KillSwitchStatus before = null;
    try (CassandraKillSwitchNode node = CassandraKillSwitchNode.start(CASSANDRA, clock, snapshotEvery)) {
      for (int i = 1; i <= 7; i++) {
        before = await(node.runtime.trigger(scope, TriggerKind.THRESHOLD, "risk-gate", "breach " + i, Map.of()))
            .status();
      }
    }
    assertThat(snapshotRows(KillSwitch.persistenceId(scope).id())).isPositive();

    try (CassandraKillSwitchNode node = CassandraKillSwitchNode.start(CASSANDRA, clock, snapshotEvery)) {
      assertThat(await(node.runtime.status(scope))).isEqualTo(before);
      List<RecordedEvent> trail = await(node.runtime.events(scope, 0, 100));
      assertThat(trail).extracting(RecordedEvent::sequence).containsExactlyElementsOf(
          LongStream.rangeClosed(1, 7).boxed().toList());
      assertThat(trail.get(0).event()).isEqualTo(
          new Triggered(TriggerKind.THRESHOLD, "risk-gate", "breach 1", Map.of(), T0));
    }
  }

  private static long journalRows(String persistenceId) {
    try (CqlSession session = CASSANDRA.connect()) {
      return session.execute("SELECT count(*) FROM peaktrade.messages WHERE persistence_id = ? AND partition_nr = 0",
          persistenceId).one().getLong(0);
    }
  }

  private static long snapshotRows(String persistenceId) {
    try (CqlSession session = CASSANDRA.connect()) {
      return session.execute("SELECT count(*) FROM peaktrade_snapshot.snapshots WHERE persistence_id = ?",
          persistenceId).one().getLong(0);
    }
  }
}
