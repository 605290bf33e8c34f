package org.peaktrade.actors.killswitch;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.peaktrade.engine.killswitch.ApprovalVerdict;
import org.peaktrade.engine.killswitch.ApproverGuardRecord;
import org.peaktrade.engine.killswitch.KillSwitchRecord;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.protocol.killswitch.HealthCheckResult;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The node's {@link KillSwitchService}: the kill-switch entities (one {@link KillSwitchRegistry} on this node, or
 * cluster sharding: see {@link KillSwitchEntities}), the {@code kill-switch-status} topic (cluster-wide when the
 * actor system runs the cluster provider: every node's topic of that name reaches every subscriber), health checks before completing a recovery, and the journal read back through
 * Pekko Persistence Query as the audit trail. Start it once per ActorSystem, after the journal is prepared
 * ({@link EmbeddedJournal#createSchemaIfMissing}). The global switch is started at once so its status reaches the
 * gates without waiting for a command.
 */
public final class KillSwitchRuntime implements KillSwitchService {
  /** The topic name every gate subscribes to, with {@code Topic.create(KillSwitchStatus.class, STATUS_TOPIC)}. */
  public static final String STATUS_TOPIC = "kill-switch-status";

  private final ActorSystem<?> system;
  private final KillSwitchSettings settings;
  private final List<HealthCheck> checks;
  private final KillSwitchEntities entities;
  private final ActorRef<Topic.Command<KillSwitchStatus>> statusTopic;
  private final CurrentEventsByPersistenceIdQuery readJournal;

  private KillSwitchRuntime(ActorSystem<?> system, KillSwitchSettings settings, List<HealthCheck> checks,
      KillSwitchEntities entities, ActorRef<Topic.Command<KillSwitchStatus>> statusTopic,
      CurrentEventsByPersistenceIdQuery readJournal) {
    this.system = system;
    this.settings = settings;
    this.checks = checks;
    this.entities = entities;
    this.statusTopic = statusTopic;
    this.readJournal = readJournal;
  }

  /** The single-node runtime: the entities live in a registry on this node. */
  public static KillSwitchRuntime start(ActorSystem<?> system, KillSwitchSettings settings, Clock clock,
      Ticker ticker, List<HealthCheck> checks) {
    return start(system, settings, clock, ticker, checks, KillSwitchEntities.local());
  }

  /**
   * The runtime with its entities in {@code home} (e.g. cluster sharding). {@code clock} stamps the journal's
   * events; cooldowns run on the monotonic {@code ticker} ({@link Ticker#SYSTEM} in production).
   */
  public static KillSwitchRuntime start(ActorSystem<?> system, KillSwitchSettings settings, Clock clock,
      Ticker ticker, List<HealthCheck> checks, KillSwitchEntities.Home home) {
    CurrentEventsByPersistenceIdQuery readJournal = PersistenceQuery.get(system).getReadJournalFor(
        CurrentEventsByPersistenceIdQuery.class,
        PersistenceSettings.fromConfig(system.settings().config()).readJournal());
    ActorRef<Topic.Command<KillSwitchStatus>> topic = system.systemActorOf(
        Topic.create(KillSwitchStatus.class, STATUS_TOPIC), "kill-switch-status-topic", KillSwitch.DISPATCHER_SELECTOR);
    KillSwitchEntities entities = home.start(system, settings, clock, ticker, topic);
    KillSwitchRuntime runtime =
        new KillSwitchRuntime(system, settings, List.copyOf(checks), entities, topic, readJournal);
    runtime.status(KillSwitchScope.GLOBAL);
    return runtime;
  }

  /** This node's instance of the status topic; gates may subscribe here or spawn their own topic of that name. */
  public ActorRef<Topic.Command<KillSwitchStatus>> statusTopic() {
    return statusTopic;
  }

  @Override
  public CompletionStage<KillSwitchReply> trigger(KillSwitchScope scope, TriggerKind kind, String identity,
      String reason, Map<String, String> metadata) {
    return ask(scope, replyTo -> new KillSwitch.Trigger(kind, identity, reason, metadata, replyTo));
  }

  /**
   * Asks the approver's {@link ApproverGuard} to check the code (unless no guard is needed: a blank approver, a
   * missing code, codes not required), then the switch to decide with the guard's verdict. The guard counts wrong
   * codes whatever the switch's state, so probing ACTIVE scopes costs attempts too.
   */
  @Override
  public CompletionStage<KillSwitchReply> requestRecovery(KillSwitchScope scope, String approver,
      char[] approvalCode) {
    CompletionStage<ApprovalVerdict> verdict = ApprovalVerdict.withoutGuard(approver, approvalCode, settings.policy())
        .<CompletionStage<ApprovalVerdict>>map(CompletableFuture::completedFuture)
        .orElseGet(() -> entities.askGuard(ApproverGuardRecord.key(approver),
            replyTo -> new ApproverGuard.Verify(scope, approver, approvalCode, replyTo), settings.askTimeout()));
    return verdict.thenCompose(
        checked -> ask(scope, replyTo -> new KillSwitch.RequestRecovery(approver, checked, replyTo)));
  }

  @Override
  public CompletionStage<KillSwitchReply> completeRecovery(KillSwitchScope scope, String identity) {
    return runHealthChecks().thenCompose(
        results -> ask(scope, replyTo -> new KillSwitch.CompleteRecovery(identity, results, replyTo)));
  }

  @Override
  public CompletionStage<KillSwitchStatus> status(KillSwitchScope scope) {
    return ask(scope, KillSwitch.GetStatus::new);
  }

  /** One tell per scope to its entity, which answers {@code replyTo} itself: no ask per scope. */
  @Override
  public void requestStatuses(Collection<KillSwitchScope> scopes, ActorRef<KillSwitchStatus> replyTo) {
    KillSwitch.GetStatus getStatus = new KillSwitch.GetStatus(replyTo);
    scopes.forEach(scope -> entities.tell(scope, getStatus));
  }

  @Override
  public CompletionStage<List<RecordedEvent>> events(KillSwitchScope scope, long afterSequence, int limit) {
    if (afterSequence < 0 || limit < 1) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "afterSequence must be >= 0 and limit >= 1: " + afterSequence + ", " + limit));
    }
    return readJournal
        .currentEventsByPersistenceId(KillSwitch.persistenceId(scope).id(), afterSequence + 1, Long.MAX_VALUE)
        .take(limit)
        .map(envelope -> new RecordedEvent(envelope.sequenceNr(), (KillSwitchEvent) envelope.event()))
        .runWith(Sink.seq(), system);
  }

  @Override
  public CompletionStage<Optional<KillSwitchStatus>> statusFromJournal(KillSwitchScope scope) {
    return readJournal
        .currentEventsByPersistenceId(KillSwitch.persistenceId(scope).id(), 1, Long.MAX_VALUE)
        .runFold(KillSwitchRecord.initial(), (record, envelope) -> record.apply((KillSwitchEvent) envelope.event()),
            system)
        .thenApply(record -> Optional.of(JournalStatus.of(scope, record)));
  }

  /** Every check runs concurrently; an exception or no answer within the timeout is a failed result. */
  CompletionStage<List<HealthCheckResult>> runHealthChecks() {
    return HealthCheckRunner.runAll(checks, settings.healthCheckTimeout());
  }

  private <T> CompletionStage<T> ask(KillSwitchScope scope, Function<ActorRef<T>, KillSwitch.Command> command) {
    return entities.ask(scope, command, settings.askTimeout());
  }
}
