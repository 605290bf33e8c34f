package org.peaktrade.actors.killswitch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * Delivers automatic kill triggers and retries each until its switch has recorded it. Every triggering actor (risk
 * breach forwarder, threshold trigger, exchange connectivity monitor, watchdog) spawns one as a child and tells it
 * {@link Deliver} instead of calling {@link KillSwitchService#trigger} itself.
 *
 * <p>Recorded means the switch answered: accepted, or refused (a repeated trigger while KILLED, an invalid one), since
 * the entity persists every trigger and every refusal before it answers. A failed or timed-out attempt is retried
 * after an exponential, capped, jittered backoff ({@link TriggerRetrySettings}), logged at WARN with its attempt
 * count, and never given up on. A retry of a trigger whose earlier write landed although its answer was lost is
 * recorded again and changes nothing (a repeated trigger while KILLED). A trigger equal to one still pending (same
 * source, scope, kind, identity, reason and metadata) is the same kill asked again and is not queued twice; one
 * that differs in anything is delivered on its own. Counts go to the node's
 * {@link KillTriggerStats}. HTTP callers are not served here: they get their own answer (503 on failure).
 *
 * <p>Talks to: {@link KillSwitchService}.
 */
public final class KillTriggerDelivery extends AbstractBehavior<KillTriggerDelivery.Command> {

  public sealed interface Command {}

  /** Deliver this trigger until it is recorded. */
  public record Deliver(TriggerSource source, KillSwitchScope scope, TriggerKind kind, String identity,
      String reason, Map<String, String> metadata) implements Command {
    public Deliver {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(kind, "kind");
      metadata = Map.copyOf(metadata);
    }
  }

  private record Attempt(Deliver trigger) implements Command {}

  private record Answered(Deliver trigger, KillSwitchReply reply, Throwable failure) implements Command {}


  private final KillSwitchService service;
  private final TriggerRetrySettings settings;
  private final KillTriggerStats stats;
  private final TimerScheduler<Command> timers;
  /** Every trigger not recorded yet, with the attempts made so far. */
  private final Map<Deliver, Integer> pending = new HashMap<>();

  /** With the settings of the system's config and the node's stats. */
  public static Behavior<Command> create(KillSwitchService service) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new KillTriggerDelivery(ctx, timers, service,
        TriggerRetrySettings.fromConfig(ctx.getSystem().settings().config()), KillTriggerStats.get(ctx.getSystem()))));
  }

  private KillTriggerDelivery(ActorContext<Command> ctx, TimerScheduler<Command> timers, KillSwitchService service,
      TriggerRetrySettings settings, KillTriggerStats stats) {
    super(ctx);
    this.timers = timers;
    this.service = service;
    this.settings = settings;
    this.stats = stats;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Deliver.class, this::onDeliver)
        .onMessage(Attempt.class, attempt -> attempt(attempt.trigger()))
        .onMessage(Answered.class, this::onAnswered)
        .onSignal(PostStop.class, stop -> onStopped())
        .build();
  }

  private Behavior<Command> onDeliver(Deliver trigger) {
    if (pending.containsKey(trigger)) {
      getContext().getLog().info("kill trigger {} on {} already pending, not queued again", trigger.identity(),
          trigger.scope().value());
      return this;
    }
    pending.put(trigger, 0);
    stats.pendingAdded(trigger.source());
    return attempt(trigger);
  }

  private Behavior<Command> attempt(Deliver trigger) {
    Integer made = pending.computeIfPresent(trigger, (t, attempts) -> attempts + 1);
    if (made == null) {
      return this;
    }
    stats.attempted(trigger.source());
    getContext().pipeToSelf(call(trigger).toCompletableFuture()
            .orTimeout(settings.attemptTimeout().toMillis(), TimeUnit.MILLISECONDS),
        (reply, failure) -> new Answered(trigger, reply, failure));
    return this;
  }

  /**
   * Stopping (its owner stopped, or the node shuts down) releases what was registered: every trigger still pending
   * leaves the pending gauge, and each one is logged at ERROR, since it was never recorded.
   */
  private Behavior<Command> onStopped() {
    pending.forEach((t, attempts) -> {
      getContext().getLog().error("kill trigger {} ({}) on {} abandoned unrecorded after {} attempt(s): its owner "
          + "stopped", t.identity(), t.source().tag(), t.scope().value(), attempts);
      stats.abandoned(t.source());
    });
    pending.clear();
    return this;
  }

  /** The service's answer; a service that throws instead of failing its stage failed this attempt all the same. */
  private CompletionStage<KillSwitchReply> call(Deliver t) {
    try {
      return service.trigger(t.scope(), t.kind(), t.identity(), t.reason(), t.metadata());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The timer is set before the failure is counted, so whoever sees the count sees the retry scheduled. */
  private Behavior<Command> onAnswered(Answered answered) {
    Deliver t = answered.trigger();
    Integer attempts = pending.get(t);
    if (attempts == null) {
      return this;
    }
    if (answered.failure() != null) {
      Duration delay = settings.backoff().delay(attempts, ThreadLocalRandom.current().nextDouble());
      getContext().getLog().warn("kill trigger {} ({}) on {} not recorded after attempt {}: {}; retrying in {}",
          t.identity(), t.source().tag(), t.scope().value(), attempts, answered.failure().toString(), delay);
      timers.startSingleTimer(t, new Attempt(t), delay);
      stats.failed(t.source());
      return this;
    }
    pending.remove(t);
    stats.recorded(t.source());
    KillSwitchReply reply = answered.reply();
    if (reply.accepted()) {
      getContext().getLog().info("kill trigger {} on {} recorded after {} attempt(s): {}", t.identity(),
          t.scope().value(), attempts, reply.detail());
    } else {
      getContext().getLog().warn("kill trigger {} on {} recorded as refused after {} attempt(s): {} {}",
          t.identity(), t.scope().value(), attempts, reply.refusal(), reply.detail());
    }
    return this;
  }
}
