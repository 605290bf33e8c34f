package org.peaktrade.actors.watchdog;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.peaktrade.actors.killswitch.HealthCheck;
import org.peaktrade.engine.watchdog.SourceFreshness;
import org.peaktrade.engine.watchdog.SourceKind;
import org.peaktrade.protocol.killswitch.HealthCheckResult;

/**
 * Recovery health check "market data fresh": passes only if at least one market-data source is registered with the
 * {@link Watchdog} and every one heartbeated within its timeout. Fails closed when none is registered or the
 * watchdog does not answer within {@code askTimeout}.
 */
public final class MarketDataFreshCheck implements HealthCheck {
  public static final String NAME = "market-data-fresh";

  private final ActorRef<Watchdog.Command> watchdog;
  private final Duration askTimeout;
  private final Scheduler scheduler;

  public MarketDataFreshCheck(ActorRef<Watchdog.Command> watchdog, Duration askTimeout, Scheduler scheduler) {
    this.watchdog = watchdog;
    this.askTimeout = askTimeout;
    this.scheduler = scheduler;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletionStage<HealthCheckResult> run() {
    return AskPattern.<Watchdog.Command, Watchdog.Freshness>ask(watchdog, Watchdog.GetFreshness::new, askTimeout,
            scheduler)
        .handle((freshness, failure) -> failure != null
            ? new HealthCheckResult(NAME, false, "watchdog did not answer: " + failure)
            : judge(freshness.sources()));
  }

  static HealthCheckResult judge(List<SourceFreshness> sources) {
    List<SourceFreshness> marketData =
        sources.stream().filter(s -> s.kind() == SourceKind.MARKET_DATA).collect(Collectors.toList());
    if (marketData.isEmpty()) {
      return new HealthCheckResult(NAME, false, "no market-data source registered with the watchdog");
    }
    List<String> stale = marketData.stream().filter(s -> !s.fresh())
        .map(s -> s.source() + " last seen " + s.age() + " ago (timeout " + s.timeout() + ")")
        .collect(Collectors.toList());
    return stale.isEmpty()
        ? new HealthCheckResult(NAME, true, marketData.size() + " market-data source(s) fresh")
        : new HealthCheckResult(NAME, false, "stale: " + String.join("; ", stale));
  }
}
