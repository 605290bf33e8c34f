package org.peaktrade.actors.killswitch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
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
import org.peaktrade.engine.killswitch.ApprovalVerdict;
import org.peaktrade.engine.killswitch.KillSwitchPolicy;
import org.peaktrade.engine.killswitch.KillSwitchRecord;
import org.peaktrade.engine.killswitch.KillSwitchReplies;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.killswitch.HealthCheckResult;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryRequested;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * One kill switch (global or per session) as an event-sourced entity, persistence id {@code kill-switch|<scope>}.
 * The decisions live in the engine's {@link KillSwitchRecord}; this actor reads the injected clock, persists the
 * decided event (every transition and every refusal: the journal is the audit trail), replies, and publishes the
 * new {@link KillSwitchStatus} to the {@code kill-switch-status} topic the gates subscribe to. The status is also
 * published after recovery (start or restart) and once more when a cooldown elapses. Created by
 * {@link KillSwitchRegistry}; callers use {@link KillSwitchService}.
 *
 * <p>The cooldown runs on the injected monotonic {@link Ticker}, not the clock: the command handler reads the ticker
 * when it persists a {@code RecoveryRequested} and keeps that reading here, outside the persisted state; whether the
 * cooldown is over, the status's remainder and the timer all come from the time elapsed on the ticker since. A
 * restarted entity (replay, another node) has no reading, so it anchors the cooldown on the ticker at the restart,
 * crediting only what {@link KillSwitchRecord.Recovering#cooldownElapsedAtRestart} allows.
 */
public final class KillSwitch
    extends EventSourcedBehaviorWithEnforcedReplies<KillSwitch.Command, KillSwitchEvent, KillSwitchRecord> {
  public static final String ENTITY_TYPE = "kill-switch";
  /**
   * The dispatcher the switches, their single-node registry, the status topic and the node's gate run on (config
   * path, sized in {@code reference.conf}): not the default one, where busy sessions would hold their answers back.
   */
  public static final String DISPATCHER = "peaktrade.kill-switch.dispatcher";
  public static final DispatcherSelector DISPATCHER_SELECTOR = DispatcherSelector.fromConfig(DISPATCHER);
  private static final Object COOLDOWN_TIMER = "cooldown";

  /** Everything the entity understands. */
  public sealed interface Command extends CborSerializable {}

  public record Trigger(TriggerKind kind, String identity, String reason, Map<String, String> metadata,
      ActorRef<KillSwitchReply> replyTo) implements Command {}

  /**
   * {@code verdict} is what the approver's {@link ApproverGuard} found about the code (the switch trusts it: only
   * {@link KillSwitchRuntime} sends this, after asking the guard).
   */
  public record RequestRecovery(String approver, ApprovalVerdict verdict, ActorRef<KillSwitchReply> replyTo)
      implements Command {
    public RequestRecovery {
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  /** {@code health} holds the results of every configured health check, run just before. */
  public record CompleteRecovery(String identity, List<HealthCheckResult> health, ActorRef<KillSwitchReply> replyTo)
      implements Command {
    public CompleteRecovery {
      health = List.copyOf(health);
    }
  }

  public record GetStatus(ActorRef<KillSwitchStatus> replyTo) implements Command {}

  /** The cooldown timer fired. */
  enum CooldownElapsed implements Command { INSTANCE }

  /**
   * Stops the entity after the commands before it (a write in flight completes first): idle passivation by
   * {@link KillSwitchRegistry} or sharding's stop message. The next command recovers it from the journal.
   */
  public enum Passivate implements Command { INSTANCE }

  private final KillSwitchScope scope;
  private final KillSwitchPolicy policy;
  private final int snapshotEvery;
  private final Clock clock;
  private final Ticker ticker;
  private final ActorRef<Topic.Command<KillSwitchStatus>> statusTopic;
  private final TimerScheduler<Command> timers;
  /** Where the latest cooldown counts from, read only while RECOVERING; never journaled. */
  private CooldownStart cooldownStart;

  /** A cooldown's start as a reading of the ticker, and as the wall time shown to people. */
  private record CooldownStart(long tick, Instant wall) {}

  private KillSwitch(KillSwitchScope scope, KillSwitchSettings settings, Clock clock, Ticker ticker,
      ActorRef<Topic.Command<KillSwitchStatus>> statusTopic, TimerScheduler<Command> timers) {
    super(persistenceId(scope),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    this.scope = scope;
    this.policy = settings.policy();
    this.snapshotEvery = settings.snapshotEvery();
    this.clock = clock;
    this.ticker = ticker;
    this.statusTopic = statusTopic;
    this.timers = timers;
  }

  /** {@code clock} stamps the events; {@code ticker} (monotonic) measures the cooldown. */
  public static Behavior<Command> create(KillSwitchScope scope, KillSwitchSettings settings, Clock clock,
      Ticker ticker, ActorRef<Topic.Command<KillSwitchStatus>> statusTopic) {
    return Behaviors.withTimers(timers -> new KillSwitch(scope, settings, clock, ticker, statusTopic, timers));
  }

  public static PersistenceId persistenceId(KillSwitchScope scope) {
    return PersistenceId.of(ENTITY_TYPE, scope.value());
  }

  @Override
  public KillSwitchRecord emptyState() {
    return KillSwitchRecord.initial();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(snapshotEvery, 2);
  }

  @Override
  public CommandHandlerWithReply<Command, KillSwitchEvent, KillSwitchRecord> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Trigger.class, this::onTrigger)
        .onCommand(RequestRecovery.class, this::onRequestRecovery)
        .onCommand(CompleteRecovery.class, this::onCompleteRecovery)
        .onCommand(GetStatus.class, this::onGetStatus)
        .onCommand(CooldownElapsed.class, this::onCooldownElapsed)
        .onCommand(Passivate.class, (state, passivate) -> Effect().stop().thenNoReply())
        .build();
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchRecord> onTrigger(KillSwitchRecord state, Trigger command) {
    return persistAndReply(state.trigger(command.kind(), command.identity(), command.reason(), command.metadata(),
        clock.instant()), command.replyTo());
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchRecord> onRequestRecovery(KillSwitchRecord state,
      RequestRecovery command) {
    long requestedAt = ticker.nanos();
    KillSwitchEvent event = state.requestRecovery(command.approver(), command.verdict(), policy, clock.instant());
    if (event instanceof RecoveryRequested requested) {
      CooldownStart start = new CooldownStart(requestedAt, requested.at());
      return Effect().persist(event).thenRun(next -> cooldownStart = start)
          .thenRun(this::publishAndScheduleCooldown).thenReply(command.replyTo(), next -> reply(event, next));
    }
    return persistAndReply(event, command.replyTo());
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchRecord> onCompleteRecovery(KillSwitchRecord state,
      CompleteRecovery command) {
    return persistAndReply(state.completeRecovery(command.identity(), command.health(), policy, cooldownElapsed(),
        clock.instant()), command.replyTo());
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchRecord> onGetStatus(KillSwitchRecord state, GetStatus command) {
    return Effect().reply(command.replyTo(), status(state));
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchRecord> onCooldownElapsed(KillSwitchRecord state,
      CooldownElapsed command) {
    return Effect().none().thenRun(this::publishAndScheduleCooldown).thenNoReply();
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchRecord> persistAndReply(KillSwitchEvent event,
      ActorRef<KillSwitchReply> replyTo) {
    return Effect().persist(event).thenRun(this::publishAndScheduleCooldown)
        .thenReply(replyTo, next -> reply(event, next));
  }

  private KillSwitchReply reply(KillSwitchEvent event, KillSwitchRecord next) {
    return KillSwitchReplies.reply(event, status(next));
  }

  private KillSwitchStatus status(KillSwitchRecord state) {
    return state.status(scope, cooldownElapsed(), cooldownStart == null ? clock.instant() : cooldownStart.wall());
  }

  /** Monotonic time since the running cooldown started; zero (the full cooldown ahead) when there is none. */
  private Duration cooldownElapsed() {
    return cooldownStart == null ? Duration.ZERO : Duration.ofNanos(ticker.nanos() - cooldownStart.tick());
  }

  /** Publishes the status and, while a cooldown is still running, arms the timer for its end. */
  private void publishAndScheduleCooldown(KillSwitchRecord state) {
    Duration remaining = state instanceof KillSwitchRecord.Recovering recovering
        ? recovering.cooldownRemaining(cooldownElapsed()) : Duration.ZERO;
    // The timer is armed before the status goes out, so whoever sees the status sees the timer already running.
    if (remaining.isZero()) {
      timers.cancel(COOLDOWN_TIMER);
    } else {
      timers.startSingleTimer(COOLDOWN_TIMER, CooldownElapsed.INSTANCE, remaining);
    }
    statusTopic.tell(Topic.publish(status(state)));
  }

  /** A replayed cooldown restarts on this incarnation's ticker, crediting only what the engine's rule allows. */
  private void onRecovered(KillSwitchRecord state) {
    if (state instanceof KillSwitchRecord.Recovering recovering) {
      Instant now = clock.instant();
      Duration credited = recovering.cooldownElapsedAtRestart(now);
      cooldownStart = new CooldownStart(ticker.nanos() - credited.toNanos(), now.minus(credited));
    }
    publishAndScheduleCooldown(state);
  }

  @Override
  public EventHandler<KillSwitchRecord, KillSwitchEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(KillSwitchRecord::apply);
  }

  @Override
  public SignalHandler<KillSwitchRecord> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), this::onRecovered).build();
  }
}
