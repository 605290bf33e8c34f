package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.HASH;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.T0;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.code;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.actors.fixtures.ManualTicker;
import org.peaktrade.actors.killswitch.KillSwitchService.RecordedEvent;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.ApprovalCodeRejected;
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
 * The embedded profile for real: pekko-persistence-jdbc on a SQLite file in a temp directory, one ActorSystem after
 * another on the same files, as a node restart would see it. Each node gets a fresh {@link ManualTicker}, as a new
 * process gets a new {@code System.nanoTime} origin; the wall clock carries on across them.
 */
class KillSwitchRestartIT {
  @TempDir
  Path dataDir;

  /** Starts a node on {@code dataDir} the way the app does (schema first), runs {@code body}, then terminates it. */
  private <T> T onNode(AdvanceableClock clock, ManualTicker ticker, Function<KillSwitchRuntime, T> body)
      throws Exception {
    Config config = ConfigFactory.load(ConfigFactory.empty()
        .withValue("peaktrade.data-dir", ConfigValueFactory.fromAnyRef(dataDir.toAbsolutePath().toString()))
        .withValue("peaktrade.kill-switch.approval-code-hash", ConfigValueFactory.fromAnyRef(HASH))
        .withFallback(EmbeddedJournal.config()));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "peaktrade", config);
    try {
      await(EmbeddedJournal.createSchemaIfMissing(system));
      KillSwitchSettings settings = KillSwitchSettings.fromConfig(system.settings().config());
      KillSwitchRuntime runtime = KillSwitchRuntime.start(system, settings, clock, ticker,
          List.of(JournalWritableCheck.start(system, settings.healthCheckTimeout())));
      return body.apply(runtime);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRecoveryRequestedBeforeARestartKeepsItsCooldownAndCompletesAfterIt() throws Exception {
    AdvanceableClock clock = new AdvanceableClock(T0);
    ManualTicker restartedTicker = new ManualTicker();
    KillSwitchStatus before = onNode(clock, new ManualTicker(), runtime -> {
      await(runtime.trigger(KillSwitchScope.GLOBAL, TriggerKind.MANUAL, "alice", "market halt", Map.of()));
      return await(runtime.requestRecovery(KillSwitchScope.GLOBAL, "bob", code())).status();
    });
    assertThat(before.state()).isEqualTo(KillSwitchState.RECOVERING);
    assertThat(Files.exists(dataDir.resolve("journal/peaktrade.db"))).isTrue();

    clock.advance(Duration.ofSeconds(100));
    List<RecordedEvent> trail = onNode(clock, restartedTicker, runtime -> {
      KillSwitchStatus after = await(runtime.status(KillSwitchScope.GLOBAL));
      assertThat(after).usingRecursiveComparison().ignoringFields("cooldownRemaining").isEqualTo(before);
      assertThat(after.cooldownRemaining()).isEqualTo(Duration.ofSeconds(200));
      KillSwitchReply early = await(runtime.completeRecovery(KillSwitchScope.GLOBAL, "carol"));
      assertThat(early.refusal()).isEqualTo(RefusalReason.COOLDOWN_NOT_OVER);
      assertThat(early.detail()).endsWith("(200 s remaining)");

      clock.advance(Duration.ofSeconds(200));
      restartedTicker.advance(Duration.ofSeconds(200));
      KillSwitchReply completed = await(runtime.completeRecovery(KillSwitchScope.GLOBAL, "carol"));
      assertThat(completed.accepted()).as(completed.detail()).isTrue();
      assertThat(completed.status().state()).isEqualTo(KillSwitchState.ACTIVE);
      return await(runtime.events(KillSwitchScope.GLOBAL, 0, 100));
    });

    Instant requested = T0;
    assertThat(trail).containsExactly(
        new RecordedEvent(1, new Triggered(TriggerKind.MANUAL, "alice", "market halt", Map.of(), T0)),
        new RecordedEvent(2, new RecoveryRequested("bob", requested, requested.plusSeconds(300))),
        new RecordedEvent(3, new CommandRefused("complete-recovery", "carol", RefusalReason.COOLDOWN_NOT_OVER,
            "cooldown ends at 2026-03-02T10:05:00Z (200 s remaining)", T0.plusSeconds(100))),
        new RecordedEvent(4, new RecoveryCompleted("carol", T0.plusSeconds(300))));
  }

  @Test
  void aRestartAtOrPastTheCooldownsWallClockEndRunsTheFullCooldownAgainOnTheTicker() throws Exception {
    AdvanceableClock clock = new AdvanceableClock(T0);
    ManualTicker restartedTicker = new ManualTicker();
    onNode(clock, new ManualTicker(), runtime -> {
      await(runtime.trigger(KillSwitchScope.GLOBAL, TriggerKind.MANUAL, "alice", "market halt", Map.of()));
      return await(runtime.requestRecovery(KillSwitchScope.GLOBAL, "bob", code()));
    });

    clock.advance(Duration.ofHours(1));
    List<KillSwitchReply> replies = onNode(clock, restartedTicker, runtime -> {
      KillSwitchStatus after = await(runtime.status(KillSwitchScope.GLOBAL));
      assertThat(after.cooldownRemaining()).isEqualTo(Duration.ofSeconds(300));
      assertThat(after.cooldownEndsAt()).isEqualTo(T0.plus(Duration.ofHours(1)).plusSeconds(300));
      KillSwitchReply atOnce = await(runtime.completeRecovery(KillSwitchScope.GLOBAL, "carol"));
      restartedTicker.advance(Duration.ofSeconds(299));
      KillSwitchReply aSecondShort = await(runtime.completeRecovery(KillSwitchScope.GLOBAL, "carol"));
      restartedTicker.advance(Duration.ofSeconds(1));
      return List.of(atOnce, aSecondShort, await(runtime.completeRecovery(KillSwitchScope.GLOBAL, "carol")));
    });

    assertThat(replies.get(0).detail()).endsWith("(300 s remaining)");
    assertThat(replies.get(1).detail()).endsWith("(1 s remaining)");
    assertThat(replies.get(2).accepted()).as(replies.get(2).detail()).isTrue();
  }

  @Test
  void anApproversLockoutAcrossScopesSurvivesARestart() throws Exception {
    AdvanceableClock clock = new AdvanceableClock(T0);
    List<KillSwitchScope> scopes = List.of(KillSwitchScope.session("bf-0"), KillSwitchScope.session("bf-1"),
        KillSwitchScope.session("bf-2"), KillSwitchScope.session("bf-3"), KillSwitchScope.session("bf-4"),
        KillSwitchScope.session("bf-5"));
    ApprovalCodeRejected fifth = onNode(clock, new ManualTicker(), runtime -> {
      for (KillSwitchScope scope : scopes) {
        await(runtime.trigger(scope, TriggerKind.WATCHDOG, "watchdog", "heartbeat missing", Map.of()));
      }
      for (int i = 0; i < 5; i++) {
        await(runtime.requestRecovery(scopes.get(i), "mallory", "guess".toCharArray()));
      }
      return (ApprovalCodeRejected) await(runtime.events(scopes.get(4), 1, 1)).get(0).event();
    });
    assertThat(fifth.lockedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(15)));

    clock.advance(Duration.ofMinutes(5));
    List<KillSwitchReply> afterRestart = onNode(clock, new ManualTicker(), runtime -> List.of(
        await(runtime.requestRecovery(scopes.get(5), "mallory", code())),
        await(runtime.requestRecovery(scopes.get(5), "bob", "guess".toCharArray()))));

    assertThat(afterRestart.get(0).refusal()).isEqualTo(RefusalReason.LOCKED_OUT);
    assertThat(afterRestart.get(0).detail()).contains("600 s remaining");
    assertThat(afterRestart.get(0).status().state()).isEqualTo(KillSwitchState.KILLED);
    assertThat(afterRestart.get(1).refusal()).isEqualTo(RefusalReason.BAD_APPROVAL_CODE);

    clock.advance(Duration.ofMinutes(10));
    KillSwitchReply accepted =
        onNode(clock, new ManualTicker(), runtime -> await(runtime.requestRecovery(scopes.get(5), "mallory",
            code())));
    assertThat(accepted.accepted()).isTrue();
  }

  @Test
  void theAuditTrailReadsEveryEventBackFromTheJournalAcrossRestarts() throws Exception {
    AdvanceableClock clock = new AdvanceableClock(T0);
    KillSwitchScope scope = KillSwitchScope.session("shadow-7");
    onNode(clock, new ManualTicker(), runtime -> await(runtime.trigger(scope, TriggerKind.THRESHOLD, "risk-gate",
        "daily loss",
        Map.of("limit", "500", "observed", "612.40"))));
    onNode(clock, new ManualTicker(),
        runtime -> await(runtime.trigger(scope, TriggerKind.EXTERNAL, "webhook", "ops", Map.of())));

    List<KillSwitchEvent> events = onNode(clock, new ManualTicker(), runtime -> await(runtime.events(scope, 0, 10))
        .stream()
        .map(RecordedEvent::event).toList());

    assertThat(events).containsExactly(
        new Triggered(TriggerKind.THRESHOLD, "risk-gate", "daily loss", Map.of("limit", "500", "observed", "612.40"),
            T0),
        new KillSwitchEvent.TriggerRepeated(TriggerKind.EXTERNAL, "webhook", "ops", Map.of(), T0));
  }
}
