package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.POLICY;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.T0;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.code;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.freshScope;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.actors.killswitch.KillSwitchService.RecordedEvent;
import org.peaktrade.protocol.killswitch.HealthCheckResult;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

/** The service facade over the in-memory journal: asks, health checks, the status topic, the audit trail. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillSwitchRuntimeTest {
  private static final Duration CHECK_TIMEOUT = Duration.ofMillis(300);
  private static final Config CONFIG = ConfigFactory.parseString(
          "peaktrade.persistence.read-journal = \"pekko.persistence.testkit.query\"")
      .withFallback(PersistenceTestKitPlugin.config())
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load());

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final AdvanceableClock clock = new AdvanceableClock(T0);
  private final ScriptedCheck exchange = new ScriptedCheck("exchange");
  private final ScriptedCheck marketData = new ScriptedCheck("market-data");
  private final JournalWritableCheck journal = JournalWritableCheck.start(testKit.system(), Duration.ofSeconds(1));
  private final KillSwitchRuntime runtime = KillSwitchRuntime.start(testKit.system(),
      new KillSwitchSettings(POLICY, 100, Duration.ofSeconds(5), CHECK_TIMEOUT), clock,
      clock, List.of(journal, exchange, marketData));

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void healthy() {
    exchange.answer(() -> passed("exchange"));
    marketData.answer(() -> passed("market-data"));
  }

  /** A health check whose next answer each test chooses. */
  private static final class ScriptedCheck implements HealthCheck {
    private final String name;
    private volatile Supplier<CompletionStage<HealthCheckResult>> answer;

    ScriptedCheck(String name) {
      this.name = name;
    }

    void answer(Supplier<CompletionStage<HealthCheckResult>> next) {
      answer = next;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public CompletionStage<HealthCheckResult> run() {
      return answer.get();
    }
  }

  private static CompletionStage<HealthCheckResult> passed(String name) {
    return CompletableFuture.completedFuture(new HealthCheckResult(name, true, "ok"));
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private KillSwitchScope recoveringScope() throws Exception {
    KillSwitchScope scope = freshScope();
    await(runtime.trigger(scope, TriggerKind.MANUAL, "alice", "halt", Map.of()));
    assertThat(await(runtime.requestRecovery(scope, "bob", code())).accepted()).isTrue();
    clock.advance(Duration.ofSeconds(300));
    return scope;
  }

  @Test
  void theGlobalSwitchStartsActive() throws Exception {
    assertThat(await(runtime.status(KillSwitchScope.GLOBAL)).state()).isEqualTo(KillSwitchState.ACTIVE);
  }

  @Test
  void eachScopeIsItsOwnSwitch() throws Exception {
    KillSwitchScope killed = freshScope();
    KillSwitchScope untouched = freshScope();

    KillSwitchReply reply = await(runtime.trigger(killed, TriggerKind.THRESHOLD, "risk-gate", "daily loss",
        Map.of("limit", "500")));

    assertThat(reply.accepted()).isTrue();
    assertThat(await(runtime.status(killed)).state()).isEqualTo(KillSwitchState.KILLED);
    assertThat(await(runtime.status(untouched)).state()).isEqualTo(KillSwitchState.ACTIVE);
  }

  @Test
  void requestStatusesTellsEachScopesCurrentStatusToTheReplyTo() throws Exception {
    KillSwitchScope killed = freshScope();
    KillSwitchScope untouched = freshScope();
    await(runtime.trigger(killed, TriggerKind.MANUAL, "alice", "halt", Map.of()));
    TestProbe<KillSwitchStatus> gate = testKit.createTestProbe();

    runtime.requestStatuses(List.of(KillSwitchScope.GLOBAL, killed, untouched), gate.getRef());

    List<KillSwitchStatus> answers = gate.receiveSeveralMessages(3, Duration.ofSeconds(5));
    assertThat(answers).extracting(KillSwitchStatus::scope, KillSwitchStatus::state).containsExactlyInAnyOrder(
        tuple(KillSwitchScope.GLOBAL, KillSwitchState.ACTIVE),
        tuple(killed, KillSwitchState.KILLED),
        tuple(untouched, KillSwitchState.ACTIVE));
    gate.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void requestStatusesTellsEachEntityOnceAndAsksNone() {
    ActorTestKit ownKit = ActorTestKit.create(CONFIG);
    try {
      RecordingEntities entities = new RecordingEntities();
      KillSwitchRuntime recorded = KillSwitchRuntime.start(ownKit.system(),
          new KillSwitchSettings(POLICY, 100, Duration.ofSeconds(5), CHECK_TIMEOUT), clock, clock,
          List.of(), (system, settings, entityClock, ticker, statusTopic) -> entities);
      int asksAtStart = entities.asks.get();
      TestProbe<KillSwitchStatus> gate = ownKit.createTestProbe();
      KillSwitchScope first = freshScope();
      KillSwitchScope second = freshScope();

      recorded.requestStatuses(List.of(KillSwitchScope.GLOBAL, first, second), gate.getRef());

      assertThat(entities.tells).containsExactly(
          new Told(KillSwitchScope.GLOBAL, new KillSwitch.GetStatus(gate.getRef())),
          new Told(first, new KillSwitch.GetStatus(gate.getRef())),
          new Told(second, new KillSwitch.GetStatus(gate.getRef())));
      assertThat(entities.asks.get()).isEqualTo(asksAtStart);
    } finally {
      ownKit.shutdownTestKit();
    }
  }

  private record Told(KillSwitchScope scope, KillSwitch.Command command) {}

  /** Entities that record what they are told and count asks (never answered). */
  private static final class RecordingEntities implements KillSwitchEntities {
    final List<Told> tells = new CopyOnWriteArrayList<>();
    final AtomicInteger asks = new AtomicInteger();

    @Override
    public <T> CompletionStage<T> ask(KillSwitchScope scope, Function<ActorRef<T>, KillSwitch.Command> command,
        Duration timeout) {
      asks.incrementAndGet();
      return new CompletableFuture<>();
    }

    @Override
    public void tell(KillSwitchScope scope, KillSwitch.Command command) {
      tells.add(new Told(scope, command));
    }

    @Override
    public <T> CompletionStage<T> askGuard(String approverKey, Function<ActorRef<T>, ApproverGuard.Command> command,
        Duration timeout) {
      asks.incrementAndGet();
      return new CompletableFuture<>();
    }
  }

  @Test
  void statusChangesReachTopicSubscribers() throws Exception {
    TestProbe<KillSwitchStatus> gate = testKit.createTestProbe();
    runtime.statusTopic().tell(Topic.subscribe(gate.getRef()));
    KillSwitchScope scope = freshScope();

    KillSwitchReply reply = await(runtime.trigger(scope, TriggerKind.WATCHDOG, "watchdog", "stale feed", Map.of()));

    gate.fishForMessage(Duration.ofSeconds(5), status -> status.equals(reply.status())
        ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore());
  }

  @Test
  void theApprovalCodeIsClearedAfterTheRequest() throws Exception {
    KillSwitchScope scope = freshScope();
    await(runtime.trigger(scope, TriggerKind.MANUAL, "alice", "halt", Map.of()));
    char[] code = code();

    await(runtime.requestRecovery(scope, "bob", code));

    assertThat(code).containsOnly('\0');
  }

  @Test
  void recoveryCompletesWhenTheCooldownIsOverAndEveryCheckPasses() throws Exception {
    KillSwitchScope scope = recoveringScope();

    KillSwitchReply reply = await(runtime.completeRecovery(scope, "carol"));

    assertThat(reply.accepted()).isTrue();
    assertThat(reply.status().state()).isEqualTo(KillSwitchState.ACTIVE);
  }

  @Test
  void aFailingThrowingOrSilentCheckBlocksTheRecoveryAndIsNamed() throws Exception {
    KillSwitchScope scope = recoveringScope();
    exchange.answer(CompletableFuture::new);
    marketData.answer(() -> {
      throw new IllegalStateException("no feed");
    });

    KillSwitchReply reply = await(runtime.completeRecovery(scope, "carol"));

    assertThat(reply.refusal()).isEqualTo(RefusalReason.HEALTH_CHECK_FAILED);
    assertThat(reply.detail()).isEqualTo("health checks failed: exchange (no answer within 300 ms), "
        + "market-data (failed: IllegalStateException: no feed)");
    assertThat(reply.status().state()).isEqualTo(KillSwitchState.RECOVERING);
  }

  @Test
  void aCheckReportingFailureBlocksTheRecovery() throws Exception {
    KillSwitchScope scope = recoveringScope();
    marketData.answer(() -> CompletableFuture.completedFuture(
        new HealthCheckResult("market-data", false, "last trade 95 s ago")));

    KillSwitchReply reply = await(runtime.completeRecovery(scope, "carol"));

    assertThat(reply.detail()).isEqualTo("health checks failed: market-data (last trade 95 s ago)");
  }

  @Test
  void theStatusReadFromTheJournalIsTheEntitysStateAndRevisionAtEveryStep() throws Exception {
    KillSwitchScope scope = freshScope();
    assertThat(await(runtime.statusFromJournal(scope))).hasValueSatisfying(status -> {
      assertThat(status.state()).isEqualTo(KillSwitchState.ACTIVE);
      assertThat(status.revision()).isZero();
    });
    await(runtime.trigger(scope, TriggerKind.MANUAL, "alice", "halt", Map.of()));
    assertSameAsEntity(scope);
    await(runtime.requestRecovery(scope, "mallory", "guess".toCharArray()));
    assertSameAsEntity(scope);
    await(runtime.requestRecovery(scope, "bob", code()));
    assertSameAsEntity(scope);
    await(runtime.completeRecovery(scope, "carol"));
    assertSameAsEntity(scope);
  }

  private void assertSameAsEntity(KillSwitchScope scope) throws Exception {
    KillSwitchStatus entity = await(runtime.status(scope));
    KillSwitchStatus journal = await(runtime.statusFromJournal(scope)).orElseThrow();
    assertThat(journal).usingRecursiveComparison().comparingOnlyFields("scope", "state", "since", "revision",
        "triggerKind", "triggeredBy", "reason", "recoveryRequestedBy", "cooldownEndsAt").isEqualTo(entity);
  }

  @Test
  void theJournalIsTheAuditTrailAndCanBePaged() throws Exception {
    KillSwitchScope scope = freshScope();
    await(runtime.trigger(scope, TriggerKind.MANUAL, "alice", "halt", Map.of()));
    await(runtime.requestRecovery(scope, "mallory", "guess".toCharArray()));
    await(runtime.requestRecovery(scope, "bob", code()));
    await(runtime.completeRecovery(scope, "carol"));

    List<RecordedEvent> all = await(runtime.events(scope, 0, 100));
    List<RecordedEvent> page = await(runtime.events(scope, 1, 2));

    assertThat(all).extracting(RecordedEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
    assertThat(all).extracting(recorded -> (Object) recorded.event().getClass()).containsExactly(
        KillSwitchEvent.Triggered.class, KillSwitchEvent.ApprovalCodeRejected.class,
        KillSwitchEvent.RecoveryRequested.class, KillSwitchEvent.CommandRefused.class);
    assertThat(page).isEqualTo(all.subList(1, 3));
  }

  @Test
  void theJournalCheckPassesWhenAProbeEventIsPersisted() throws Exception {
    HealthCheckResult result = await(journal.run());

    assertThat(result.name()).isEqualTo("journal-writable");
    assertThat(result.passed()).isTrue();
  }

  @Test
  void theJournalCheckFailsWhenTheJournalRejectsTheWrite() throws Exception {
    KillSwitchScope scope = recoveringScope();
    PersistenceTestKit.create(testKit.system())
        .failNextPersisted("journal-health-probe|" + testKit.system().address());

    KillSwitchReply reply = await(runtime.completeRecovery(scope, "carol"));

    assertThat(reply.refusal()).isEqualTo(RefusalReason.HEALTH_CHECK_FAILED);
    assertThat(reply.detail()).startsWith("health checks failed: journal-writable (");
  }
}
