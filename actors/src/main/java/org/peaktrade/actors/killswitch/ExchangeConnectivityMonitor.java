package org.peaktrade.actors.killswitch;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.peaktrade.engine.watchdog.ConsecutiveFailures;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * An external trigger: probes the exchange on a timer and kills the configured scope (kind EXTERNAL) after N failed
 * checks in a row. A success resets the count, so each outage fires once. At most one probe is in flight; one still
 * unanswered when the next check is due counts as failed and its late answer is ignored. Its
 * {@link KillTriggerDelivery} child delivers the trigger and retries it until the switch records it.
 */
public final class ExchangeConnectivityMonitor extends AbstractBehavior<ExchangeConnectivityMonitor.Command> {

  public sealed interface Command {}

  private enum Check implements Command {
    INSTANCE
  }

  private record ProbeAnswered(long probe, boolean reachable, String detail) implements Command {}

  private final ConnectivitySettings settings;
  private final ConnectivityProbe probe;
  private final ActorRef<KillTriggerDelivery.Command> delivery;
  private final ConsecutiveFailures failures;
  private long probesStarted;
  private boolean probeInFlight;
  private String lastError = "";

  public static Behavior<Command> create(ConnectivitySettings settings, ConnectivityProbe probe,
      KillSwitchService service) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new ExchangeConnectivityMonitor(ctx, timers, settings, probe, service)));
  }

  private ExchangeConnectivityMonitor(ActorContext<Command> ctx, TimerScheduler<Command> timers,
      ConnectivitySettings settings, ConnectivityProbe probe, KillSwitchService service) {
    super(ctx);
    this.settings = settings;
    this.probe = probe;
    this.delivery = ctx.spawn(KillTriggerDelivery.create(service), "kill-trigger-delivery");
    this.failures = new ConsecutiveFailures(settings.failuresToTrigger());
    timers.startTimerWithFixedDelay(Check.INSTANCE, settings.checkInterval());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessageEquals(Check.INSTANCE, this::onCheck)
        .onMessage(ProbeAnswered.class, this::onProbeAnswered)
        .build();
  }

  private Behavior<Command> onCheck() {
    if (probeInFlight) {
      record(false, "no answer within " + settings.checkInterval());
    }
    long id = ++probesStarted;
    probeInFlight = true;
    getContext().pipeToSelf(startProbe(), (reachable, failure) -> failure != null
        ? new ProbeAnswered(id, false, failure.toString())
        : new ProbeAnswered(id, Boolean.TRUE.equals(reachable), Boolean.TRUE.equals(reachable) ? "" : "unreachable"));
    return this;
  }

  private CompletionStage<Boolean> startProbe() {
    try {
      return probe.check();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Behavior<Command> onProbeAnswered(ProbeAnswered answered) {
    if (answered.probe() != probesStarted || !probeInFlight) {
      return this;
    }
    probeInFlight = false;
    record(answered.reachable(), answered.detail());
    return this;
  }

  private void record(boolean reachable, String detail) {
    if (!reachable) {
      lastError = detail;
    }
    if (failures.record(reachable)) {
      trigger();
    }
  }

  private void trigger() {
    int inARow = failures.failuresInARow();
    String reason = "exchange " + probe.exchange() + " unreachable for " + inARow + " consecutive checks";
    getContext().getLog().error("{}, killing {}", reason, settings.scope());
    delivery.tell(new KillTriggerDelivery.Deliver(TriggerSource.EXCHANGE_CONNECTIVITY, settings.scope(),
        TriggerKind.EXTERNAL, "external:exchange-connectivity:" + probe.exchange(), reason,
        Map.of("exchange", probe.exchange(), "consecutiveFailures", Integer.toString(inARow), "lastError",
            lastError)));
  }
}
