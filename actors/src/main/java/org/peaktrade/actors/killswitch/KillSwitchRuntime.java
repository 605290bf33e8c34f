package org.peaktrade.actors.killswitch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.peaktrade.protocol.killswitch.HealthCheckResult;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The kill switch on one node: the registry of entities, the status topic, the journal probe, and the
 * {@link KillSwitchService} facade over them. Every call is an ask with the configured timeout, so a caller sees a
 * failed stage (never a silent success) when the entity or journal cannot answer. Recovery completion first runs
 * every health check — the journal write check always, plus those given — each bounded by its timeout, a failure
 * or timeout counting as failed.
 */
public final class KillSwitchRuntime implements KillSwitchService {
  public static final String STATUS_TOPIC = "kill-switch-status";

  private final ActorSystem<?> system;
  private final KillSwitchSettings settings;
  private final ActorRef<KillSwitchRegistry.Command> registry;
  private final ActorRef<Topic.Command<KillSwitchStatus>> topic;
  private final List<HealthCheck> healthChecks;

  private KillSwitchRuntime(ActorSystem<?> system, KillSwitchSettings settings,
      ActorRef<KillSwitchRegistry.Command> registry, ActorRef<Topic.Command<KillSwitchStatus>> topic,
      List<HealthCheck> healthChecks) {
    this.system = system;
    this.settings = settings;
    this.registry = registry;
    this.topic = topic;
    this.healthChecks = healthChecks;
  }

  /** Starts the kill switch on this node; {@code checks} are added to the built-in journal write check. */
  public static KillSwitchRuntime start(ActorSystem<?> system, KillSwitchSettings settings, Clock clock,
      List<HealthCheck> checks) {
    ActorRef<Topic.Command<KillSwitchStatus>> topic = system.systemActorOf(
        Topic.create(KillSwitchStatus.class, STATUS_TOPIC), "kill-switch-status-topic", Props.empty());
    ActorRef<KillSwitchRegistry.Command> registry = system.systemActorOf(
        KillSwitchRegistry.create(settings, clock, topic), "kill-switches", Props.empty());
    ActorRef<JournalProbe.Probe> probe = system.systemActorOf(
        JournalProbe.create(system.address().toString().replaceAll("[^A-Za-z0-9]", "-"), clock), "journal-probe",
        Props.empty());
    List<HealthCheck> all = new ArrayList<>();
    all.add(new JournalWritableCheck(probe, system, settings.healthCheckTimeout()));
    all.addAll(checks);
    return new KillSwitchRuntime(system, settings, registry, topic, Collections.unmodifiableList(all));
  }

  /** Where entities publish every new status; gates subscribe here. */
  public ActorRef<Topic.Command<KillSwitchStatus>> statusTopic() {
    return topic;
  }

  public List<HealthCheck> healthChecks() {
    return healthChecks;
  }

  @Override
  public CompletionStage<KillSwitchReply> trigger(KillSwitchScope scope, TriggerKind kind, String identity,
      String reason, Map<String, String> metadata) {
    return ask(scope, replyTo -> new KillSwitch.Trigger(kind, identity, reason,
        metadata == null ? Map.of() : Map.copyOf(metadata), replyTo));
  }

  @Override
  public CompletionStage<KillSwitchReply> requestRecovery(KillSwitchScope scope, String approver, char[] approvalCode) {
    return ask(scope, replyTo -> new KillSwitch.RequestRecovery(approver, approvalCode, replyTo));
  }

  @Override
  public CompletionStage<KillSwitchReply> completeRecovery(KillSwitchScope scope, String identity) {
    return runHealthChecks().thenCompose(results ->
        ask(scope, replyTo -> new KillSwitch.CompleteRecovery(identity, results, replyTo)));
  }

  @Override
  public CompletionStage<KillSwitchStatus> status(KillSwitchScope scope) {
    return AskPattern.ask(registry,
        replyTo -> new KillSwitchRegistry.Forward(scope, new KillSwitch.GetStatus(replyTo)),
        settings.askTimeout(), system.scheduler());
  }

  @Override
  public CompletionStage<List<RecordedEvent>> events(KillSwitchScope scope, long afterSequence, int limit) {
    CurrentEventsByPersistenceIdQuery journal = PersistenceQuery.get(system)
        .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, settings.readJournalPluginId());
    return journal.currentEventsByPersistenceId(KillSwitch.persistenceId(scope).id(), afterSequence + 1, Long.MAX_VALUE)
        .take(limit)
        .map(KillSwitchRuntime::recorded)
        .runWith(Sink.seq(), system);
  }

  private static RecordedEvent recorded(EventEnvelope envelope) {
    return new RecordedEvent(envelope.sequenceNr(), (KillSwitchEvent) envelope.event());
  }

  /** Runs every check concurrently; each is cut off at its timeout and then counts as failed. */
  CompletionStage<List<HealthCheckResult>> runHealthChecks() {
    List<CompletableFuture<HealthCheckResult>> running = new ArrayList<>();
    Duration timeout = settings.healthCheckTimeout();
    for (HealthCheck check : healthChecks) {
      CompletableFuture<HealthCheckResult> result;
      try {
        result = check.run().toCompletableFuture();
      } catch (RuntimeException e) {
        result = CompletableFuture.failedFuture(e);
      }
      running.add(result
          .completeOnTimeout(new HealthCheckResult(check.name(), false, "no answer within " + timeout.toMillis() + " ms"),
              timeout.toMillis(), TimeUnit.MILLISECONDS)
          .exceptionally(e -> new HealthCheckResult(check.name(), false, "failed: " + e)));
    }
    return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
        .thenApply(done -> running.stream().map(CompletableFuture::join).toList());
  }

  private CompletionStage<KillSwitchReply> ask(KillSwitchScope scope,
      java.util.function.Function<ActorRef<KillSwitchReply>, KillSwitch.Command> command) {
    return AskPattern.ask(registry, replyTo -> new KillSwitchRegistry.Forward(scope, command.apply(replyTo)),
        settings.askTimeout(), system.scheduler());
  }
}
