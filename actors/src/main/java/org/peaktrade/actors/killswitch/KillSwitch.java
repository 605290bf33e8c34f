package org.peaktrade.actors.killswitch;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.peaktrade.engine.killswitch.KillSwitchPolicy;
import org.peaktrade.engine.killswitch.KillSwitchRecord;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.killswitch.HealthCheckResult;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * One kill switch (global, or one session's), event-sourced: ACTIVE → KILLED → RECOVERING → ACTIVE. Every command
 * is answered, and every command that changes nothing because it is refused is still an event, so the journal is
 * the complete audit trail and the state survives restarts on any node. The decisions live in the engine's
 * {@link KillSwitchRecord}; this actor reads the injected clock, persists, publishes the new
 * {@link KillSwitchStatus} on the {@code kill-switch-status} topic for every node's gate, and runs a timer that
 * re-publishes the status when a cooldown ends. Talks to: the registry (commands), the topic (statuses).
 */
public final class KillSwitch
    extends EventSourcedBehaviorWithEnforcedReplies<KillSwitch.Command, KillSwitchEvent, KillSwitchRecord> {

  public static final String ENTITY_TYPE = "kill-switch";

  public sealed interface Command extends CborSerializable {}

  public record Trigger(TriggerKind kind, String identity, String reason, Map<String, String> metadata,
      ActorRef<KillSwitchReply> replyTo) implements Command {}

  /** The code is cleared right after it is checked; commands are never persisted. */
  public record RequestRecovery(String approver, char[] approvalCode, ActorRef<KillSwitchReply> replyTo)
      implements Command {}

  public record CompleteRecovery(String identity, List<HealthCheckResult> health, ActorRef<KillSwitchReply> replyTo)
      implements Command {
    public CompleteRecovery {
      health = List.copyOf(health);
    }
  }

  public record GetStatus(ActorRef<KillSwitchStatus> replyTo) implements Command {}

  /** The timer's message: the cooldown has ended, tell the gates. */
  record CooldownElapsed() implements Command {}

  private static final String COOLDOWN_TIMER = "cooldown";

  private final KillSwitchScope scope;
  private final KillSwitchPolicy policy;
  private final Clock clock;
  private final ActorRef<Topic.Command<KillSwitchStatus>> topic;
  private final TimerScheduler<Command> timers;
  private final int snapshotEvery;

  public static PersistenceId persistenceId(KillSwitchScope scope) {
    return PersistenceId.of(ENTITY_TYPE, scope.value());
  }

  public static Behavior<Command> create(KillSwitchScope scope, KillSwitchPolicy policy, Clock clock,
      ActorRef<Topic.Command<KillSwitchStatus>> topic, int snapshotEvery) {
    return Behaviors.withTimers(timers -> new KillSwitch(scope, policy, clock, topic, timers, snapshotEvery));
  }

  private KillSwitch(KillSwitchScope scope, KillSwitchPolicy policy, Clock clock,
      ActorRef<Topic.Command<KillSwitchStatus>> topic, TimerScheduler<Command> timers, int snapshotEvery) {
    // A journal write failure restarts the entity with backoff; it recovers its state from the journal.
    super(persistenceId(scope), SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    this.scope = scope;
    this.policy = policy;
    this.clock = clock;
    this.topic = topic;
    this.timers = timers;
    this.snapshotEvery = snapshotEvery;
  }

  @Override
  public KillSwitchRecord emptyState() {
    return KillSwitchRecord.initial(scope);
  }

  @Override
  public CommandHandlerWithReply<Command, KillSwitchEvent, KillSwitchRecord> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Trigger.class, this::onTrigger)
        .onCommand(RequestRecovery.class, this::onRequestRecovery)
        .onCommand(CompleteRecovery.class, this::onCompleteRecovery)
        .onCommand(GetStatus.class, (state, command) -> Effect().reply(command.replyTo(), state.status()))
        .onCommand(CooldownElapsed.class, (state, command) -> Effect().none().thenRun(this::publish).thenNoReply())
        .build();
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchRecord> onTrigger(KillSwitchRecord state, Trigger command) {
    KillSwitchEvent event =
        state.decideTrigger(command.kind(), command.identity(), command.reason(), command.metadata(), clock.instant());
    return persistAndReply(event, command.replyTo());
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchRecord> onRequestRecovery(KillSwitchRecord state,
      RequestRecovery command) {
    KillSwitchEvent event;
    try {
      event = state.decideRecoveryRequest(command.approver(), command.approvalCode(), policy, clock.instant());
    } finally {
      if (command.approvalCode() != null) {
        Arrays.fill(command.approvalCode(), '\0');
      }
    }
    return persistAndReply(event, command.replyTo());
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchRecord> onCompleteRecovery(KillSwitchRecord state,
      CompleteRecovery command) {
    KillSwitchEvent event =
        state.decideRecoveryCompletion(command.identity(), command.health(), policy, clock.instant());
    return persistAndReply(event, command.replyTo());
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchRecord> persistAndReply(KillSwitchEvent event,
      ActorRef<KillSwitchReply> replyTo) {
    return Effect().persist(event)
        .thenRun(this::afterChange)
        .thenReply(replyTo, state -> state.replyTo(event));
  }

  @Override
  public EventHandler<KillSwitchRecord, KillSwitchEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(KillSwitchRecord::apply);
  }

  @Override
  public SignalHandler<KillSwitchRecord> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), this::afterChange).build();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(snapshotEvery, 2);
  }

  /** Publishes the status and keeps the cooldown timer in step with the state. */
  private void afterChange(KillSwitchRecord state) {
    publish(state);
    if (state.state() == KillSwitchState.RECOVERING) {
      Duration left = Duration.between(clock.instant(), state.cooldownEndsAt());
      if (!left.isNegative() && !left.isZero()) {
        timers.startSingleTimer(COOLDOWN_TIMER, new CooldownElapsed(), left);
      }
    } else {
      timers.cancel(COOLDOWN_TIMER);
    }
  }

  private void publish(KillSwitchRecord state) {
    topic.tell(Topic.publish(state.status()));
  }
}
