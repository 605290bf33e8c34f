package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The kill switch on the real embedded journal (H2 file): state, cooldown and lock-out survive a restart of the
 * whole actor system on the same data directory, and the audit trail is read back from the journal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillSwitchRestartIT {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final String CODE = "open sesame 42";
  private static final String HASH = ApprovalCodeHash.create(CODE.toCharArray(), 10_000, new SecureRandom()).encoded();

  @TempDir
  Path dataDir;

  private Config config(String name) {
    return ConfigFactory.parseMap(Map.of("peaktrade.data-dir", dataDir.resolve(name).toString(),
            "peaktrade.kill-switch.approval-code-hash", HASH, "peaktrade.kill-switch.max-failed-attempts", 2))
        .withValue("peaktrade.kill-switch.two-person-rule", ConfigValueFactory.fromAnyRef(true))
        .withFallback(ConfigFactory.load()).resolve();
  }

  /** One node lifetime on the given data directory. */
  private final class Node implements AutoCloseable {
    final ActorTestKit testKit;
    final KillSwitchRuntime killSwitch;

    Node(String dir, AdvanceableClock clock) {
      Config config = EmbeddedJournal.configure(config(dir));
      EmbeddedJournal.prepare(config);
      testKit = ActorTestKit.create("node", config);
      killSwitch = KillSwitchRuntime.start(testKit.system(), KillSwitchSettings.fromConfig(testKit.system().settings()
          .config()), clock, List.of());
    }

    @Override
    public void close() {
      testKit.shutdownTestKit();
    }
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void recoveringWithItsCooldownSurvivesARestartAndCompletesAfterwards() throws Exception {
    AdvanceableClock clock = new AdvanceableClock(T0);
    KillSwitchStatus before;
    try (Node first = new Node("recovering", clock)) {
      await(first.killSwitch.trigger(KillSwitchScope.GLOBAL, TriggerKind.MANUAL, "ops", "test", Map.of()));
      clock.advance(Duration.ofSeconds(20));
      KillSwitchReply requested = await(first.killSwitch.requestRecovery(KillSwitchScope.GLOBAL, "alice",
          CODE.toCharArray()));
      assertThat(requested.accepted()).isTrue();
      before = await(first.killSwitch.status(KillSwitchScope.GLOBAL));
    }
    clock.advance(Duration.ofSeconds(100));

    try (Node second = new Node("recovering", clock)) {
      KillSwitchStatus after = await(second.killSwitch.status(KillSwitchScope.GLOBAL));
      assertThat(after).isEqualTo(before);
      assertThat(after.state()).isEqualTo(KillSwitchState.RECOVERING);
      assertThat(after.cooldownEndsAt()).isEqualTo(T0.plusSeconds(320));

      KillSwitchReply early = await(second.killSwitch.completeRecovery(KillSwitchScope.GLOBAL, "bob"));
      assertThat(early.refusal()).isEqualTo(RefusalReason.COOLDOWN_NOT_OVER);
      assertThat(early.detail()).contains("200 s remaining");

      clock.advance(Duration.ofSeconds(200));
      KillSwitchReply done = await(second.killSwitch.completeRecovery(KillSwitchScope.GLOBAL, "bob"));
      assertThat(done.accepted()).as(done.detail()).isTrue();
      assertThat(done.status().state()).isEqualTo(KillSwitchState.ACTIVE);

      List<KillSwitchService.RecordedEvent> trail = await(second.killSwitch.events(KillSwitchScope.GLOBAL, 0, 100));
      assertThat(trail).extracting(KillSwitchService.RecordedEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
      assertThat(trail).extracting(e -> e.event().getClass().getSimpleName())
          .containsExactly("Triggered", "RecoveryRequested", "CommandRefused", "RecoveryCompleted");
    }
  }

  @Test
  void aLockoutAndTheKillOfASessionSurviveARestart() throws Exception {
    AdvanceableClock clock = new AdvanceableClock(T0);
    KillSwitchScope session = KillSwitchScope.session("alpha");
    try (Node first = new Node("lockout", clock)) {
      await(first.killSwitch.trigger(session, TriggerKind.THRESHOLD, "risk:max_daily_loss", "loss 5%", Map.of()));
      await(first.killSwitch.requestRecovery(session, "mallory", "guess guess".toCharArray()));
      KillSwitchReply locked = await(first.killSwitch.requestRecovery(session, "mallory", "guess again".toCharArray()));
      assertThat(locked.detail()).contains("locked out until");
    }

    try (Node second = new Node("lockout", clock)) {
      assertThat(await(second.killSwitch.status(session)).state()).isEqualTo(KillSwitchState.KILLED);
      assertThat(await(second.killSwitch.status(KillSwitchScope.GLOBAL)).state()).isEqualTo(KillSwitchState.ACTIVE);
      KillSwitchReply refused = await(second.killSwitch.requestRecovery(session, "alice", CODE.toCharArray()));
      assertThat(refused.refusal()).isEqualTo(RefusalReason.LOCKED_OUT);
      List<KillSwitchService.RecordedEvent> trail = await(second.killSwitch.events(session, 1, 100));
      assertThat(trail.get(0).event()).isInstanceOf(KillSwitchEvent.ApprovalCodeRejected.class);
      assertThat(trail).hasSize(3);
    }
  }
}
