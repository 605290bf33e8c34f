package org.peaktrade.actors.killswitch;

import java.time.Instant;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.peaktrade.engine.killswitch.ThresholdBreach;
import org.peaktrade.engine.killswitch.ThresholdEvaluator;
import org.peaktrade.engine.killswitch.ThresholdMetric;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * Kills a switch when a metric breaches a configured threshold (drawdown from peak, daily loss). Receives metric
 * samples from whoever computes them (portfolio, sessions), evaluates them with the engine's
 * {@link ThresholdEvaluator} and fires a trigger with kind THRESHOLD once per breach; the rule re-arms when the
 * metric recovers. Its {@link KillTriggerDelivery} child delivers each trigger and retries it until the switch
 * records it.
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

  private final ThresholdEvaluator evaluator;
  private final ActorRef<KillTriggerDelivery.Command> delivery;

  public static Behavior<Command> create(ThresholdSettings settings, KillSwitchService service) {
    return Behaviors.setup(ctx -> new ThresholdTrigger(ctx, settings, service));
  }

  private ThresholdTrigger(ActorContext<Command> ctx, ThresholdSettings settings, KillSwitchService service) {
    super(ctx);
    this.evaluator = new ThresholdEvaluator(settings.rules());
    this.delivery = ctx.spawn(KillTriggerDelivery.create(service), "kill-trigger-delivery");
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(MetricSample.class, this::onSample)
        .build();
  }

  private Behavior<Command> onSample(MetricSample sample) {
    for (ThresholdBreach breach : evaluator.onSample(sample.scope(), sample.metric(), sample.value(), sample.at())) {
      getContext().getLog().warn("threshold breached on {}: {}", breach.scope(), breach.reason());
      delivery.tell(new KillTriggerDelivery.Deliver(TriggerSource.THRESHOLD, breach.scope(), TriggerKind.THRESHOLD,
          breach.identity(), breach.reason(), breach.metadata()));
    }
    return this;
  }
}
