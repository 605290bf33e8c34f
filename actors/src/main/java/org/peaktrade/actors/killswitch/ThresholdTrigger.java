package org.peaktrade.actors.killswitch;

import java.time.Instant;
import java.util.Objects;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.peaktrade.engine.killswitch.ThresholdBreach;
import org.peaktrade.engine.killswitch.ThresholdEvaluator;
import org.peaktrade.engine.killswitch.ThresholdMetric;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * Kills a switch when a metric breaches a configured threshold (drawdown from peak, daily loss). Receives metric
 * samples from whoever computes them (portfolio, sessions), evaluates them with the engine's
 * {@link ThresholdEvaluator} and fires {@link KillSwitchService#trigger} with kind THRESHOLD once per breach; the
 * rule re-arms when the metric recovers. A trigger that could not be delivered (the ask failed) is re-armed, so the
 * next breaching sample tries again.
 */
public final class ThresholdTrigger extends AbstractBehavior<ThresholdTrigger.Command> {

  public sealed interface Command {}

  /** One observation of {@code metric} for {@code scope}, as of {@code at}. */
  public record MetricSample(KillSwitchScope scope, ThresholdMetric metric, double value, Instant at)
      implements Command {
    public MetricSample {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(at, "at");
    }
  }

  private record TriggerAnswered(ThresholdBreach breach, KillSwitchReply reply, Throwable failure)
      implements Command {}

  private final ThresholdEvaluator evaluator;
  private final KillSwitchService service;

  public static Behavior<Command> create(ThresholdSettings settings, KillSwitchService service) {
    return Behaviors.setup(ctx -> new ThresholdTrigger(ctx, settings, service));
  }

  private ThresholdTrigger(ActorContext<Command> ctx, ThresholdSettings settings, KillSwitchService service) {
    super(ctx);
    this.evaluator = new ThresholdEvaluator(settings.rules());
    this.service = service;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(MetricSample.class, this::onSample)
        .onMessage(TriggerAnswered.class, this::onAnswered)
        .build();
  }

  private Behavior<Command> onSample(MetricSample sample) {
    for (ThresholdBreach breach : evaluator.onSample(sample.scope(), sample.metric(), sample.value(), sample.at())) {
      getContext().getLog().warn("threshold breached on {}: {}", breach.scope(), breach.reason());
      getContext().pipeToSelf(
          service.trigger(breach.scope(), TriggerKind.THRESHOLD, breach.identity(), breach.reason(),
              breach.metadata()),
          (reply, failure) -> new TriggerAnswered(breach, reply, failure));
    }
    return this;
  }

  private Behavior<Command> onAnswered(TriggerAnswered answered) {
    if (answered.failure() != null) {
      getContext().getLog().error("threshold trigger on {} not delivered, re-armed: {}", answered.breach().scope(),
          answered.failure().toString());
      evaluator.rearm(answered.breach());
    } else if (!answered.reply().accepted()) {
      getContext().getLog().warn("threshold trigger on {} refused: {} {}", answered.breach().scope(),
          answered.reply().refusal(), answered.reply().detail());
    }
    return this;
  }
}
