package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.actors.killswitch.KillTriggerStats;
import org.peaktrade.actors.killswitch.TriggerSource;
import org.peaktrade.actors.marketdata.FeedStats;
import org.peaktrade.actors.risk.RiskEvent;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.actors.session.SessionService;
import org.peaktrade.engine.marketdata.BarValidator.Reason;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

/**
 * The node's metrics for Prometheus ({@code GET /metrics}; every metric is listed in docs/observability.md): JVM and
 * process metrics, and domain metrics — per kill-switch scope its state (0 ACTIVE, 1 RECOVERING, 2 KILLED) and the
 * events in its journal; per feed the validation counts, the replay file's skipped rows, whether the feed failed and,
 * per symbol, the lag of the newest accepted bar behind the node's clock; risk violations by check and severity;
 * automatic kill-trigger attempts, failures and pending triggers by source; polled from the sessions facade, sessions
 * by mode and status, their orders by status and the bars each has processed (on a cluster member: every session of
 * the cluster, wherever it runs); and on a cluster member the members by status, as it sees them.
 *
 * <p>Label policy: a per-scope or per-session series exists only for the global scope and for live sessions (RUNNING
 * or PAUSED in the latest poll). A status of any other scope is not labelled, and the series of a session that
 * stopped (or disappeared) are removed at the next poll, so the number of series is bounded by the sessions that run
 * now, not by every scope anyone ever named.
 */
final class NodeMetrics {
  static final String SESSION_POLL_INTERVAL = "peaktrade.metrics.session-poll-interval";
  /** Pekko's member statuses (a removed member has left the state), each a series of the cluster members gauge. */
  static final List<String> MEMBER_STATUSES = List.of("Joining", "WeaklyUp", "Up", "Leaving", "Exiting", "Down",
      "PreparingForShutdown", "ReadyForShutdown");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Clock clock;
  private final Duration sessionPollInterval;
  private final Map<String, Integer> killSwitchStates = new ConcurrentHashMap<>();
  private final Map<String, Long> killSwitchEvents = new ConcurrentHashMap<>();
  private final Map<String, List<Meter>> killSwitchMeters = new HashMap<>();
  private Set<String> labelledScopes = Set.of(KillSwitchScope.GLOBAL.value());
  private final Map<String, FeedStats> feeds = new ConcurrentHashMap<>();
  private final Set<String> feedLagSeries = ConcurrentHashMap.newKeySet();
  private final Map<RiskCheck, Map<RiskSeverity, Counter>> riskViolations = new EnumMap<>(RiskCheck.class);

  NodeMetrics(Clock clock, Duration sessionPollInterval) {
    this.clock = clock;
    this.sessionPollInterval = sessionPollInterval;
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    for (RiskCheck check : RiskCheck.values()) {
      Map<RiskSeverity, Counter> bySeverity = new EnumMap<>(RiskSeverity.class);
      for (RiskSeverity severity : new RiskSeverity[] {RiskSeverity.WARNING, RiskSeverity.BREACH}) {
        bySeverity.put(severity, Counter.builder("peaktrade.risk.violations").tag("check", check.name())
            .tag("severity", severity.name()).description("pre-trade risk violations (an order can have several)")
            .register(registry));
      }
      riskViolations.put(check, bySeverity);
    }
  }

  /** Throws {@link NodeConfigException} naming the key when a metrics setting is missing or invalid. */
  static NodeMetrics fromConfig(Config config, Clock clock) {
    try {
      Duration interval = config.getDuration(SESSION_POLL_INTERVAL);
      if (interval.isNegative() || interval.isZero()) {
        throw new ConfigException.BadValue(SESSION_POLL_INTERVAL, "must be positive: " + interval);
      }
      return new NodeMetrics(clock, interval);
    } catch (ConfigException e) {
      throw new NodeConfigException(e.getMessage(), e);
    }
  }

  /**
   * Reads the node's automatic kill-trigger deliveries: attempts and failed attempts (counters) and triggers not yet
   * recorded by their switch (gauge), each by {@code source}.
   */
  void watchKillTriggers(KillTriggerStats stats) {
    for (TriggerSource source : TriggerSource.values()) {
      FunctionCounter.builder("peaktrade.kill.switch.trigger.attempts", stats, s -> s.attempts(source))
          .tag("source", source.tag()).description("automatic kill-trigger delivery attempts, retries included")
          .register(registry);
      FunctionCounter.builder("peaktrade.kill.switch.trigger.failures", stats, s -> s.failures(source))
          .tag("source", source.tag()).description("automatic kill-trigger attempts that failed or timed out")
          .register(registry);
      Gauge.builder("peaktrade.kill.switch.triggers.pending", stats, s -> s.pending(source))
          .tag("source", source.tag()).description("automatic kill triggers not yet recorded by their switch")
          .register(registry);
    }
  }

  /** Follows every kill-switch status published on the node. */
  void watchKillSwitches(Source<KillSwitchStatus, NotUsed> statuses, Materializer materializer) {
    statuses.runForeach(this::record, materializer);
  }

  /** Shows {@code status} when its scope is labelled (global, or a live session's); drops it otherwise. */
  synchronized void record(KillSwitchStatus status) {
    String scope = status.scope().value();
    if (!labelledScopes.contains(scope)) {
      return;
    }
    killSwitchEvents.merge(scope, status.revision(), Math::max);
    if (killSwitchStates.put(scope, code(status.state())) == null) {
      killSwitchMeters.put(scope, List.of(
          Gauge.builder("peaktrade.kill.switch.state", killSwitchStates, states -> states.getOrDefault(scope, -1))
              .description("0 ACTIVE, 1 RECOVERING, 2 KILLED").tag("scope", scope).register(registry),
          FunctionCounter.builder("peaktrade.kill.switch.events", killSwitchEvents,
                  events -> events.getOrDefault(scope, 0L)).tag("scope", scope)
              .description("events in the scope's journal (its revision): triggers, recoveries, refusals")
              .register(registry)));
    }
  }

  /**
   * The sessions that are live now: their switches get series (a newly live one's status is asked for through
   * {@code killSwitch}, as its entity may have published before the session was seen here); the switches of
   * sessions no longer live lose theirs.
   */
  synchronized void liveSessions(Set<String> sessionIds, KillSwitchService killSwitch) {
    Set<String> scopes = new HashSet<>();
    scopes.add(KillSwitchScope.GLOBAL.value());
    sessionIds.forEach(id -> scopes.add(KillSwitchScope.session(id).value()));
    for (String ended : labelledScopes) {
      if (!scopes.contains(ended)) {
        killSwitchMeters.getOrDefault(ended, List.of()).forEach(registry::remove);
        killSwitchMeters.remove(ended);
        killSwitchStates.remove(ended);
        killSwitchEvents.remove(ended);
      }
    }
    labelledScopes = Set.copyOf(scopes);
    for (String scope : scopes) {
      if (!killSwitchStates.containsKey(scope)) {
        killSwitch.status(new KillSwitchScope(scope)).thenAccept(this::record);
      }
    }
  }

  /** Counts the cluster's members by status at each scrape from {@code statuses}, a read of the local cluster state. */
  void watchClusterMembers(Supplier<List<String>> statuses) {
    for (String status : MEMBER_STATUSES) {
      Gauge.builder("peaktrade.cluster.members", statuses, all -> all.get().stream().filter(status::equals).count())
          .tag("status", status).description("members of the cluster by status, as this member sees them")
          .register(registry);
    }
  }

  void watchFeed(String feed, FeedStats stats) {
    feeds.put(feed, stats);
    FunctionCounter.builder("peaktrade.feed.bars.accepted", stats, FeedStats::accepted).tag("feed", feed)
        .description("bars that passed validation").register(registry);
    FunctionCounter.builder("peaktrade.feed.gaps", stats, FeedStats::gaps).tag("feed", feed)
        .description("holes between consecutive accepted bars").register(registry);
    for (Reason reason : Reason.values()) {
      FunctionCounter.builder("peaktrade.feed.bars.rejected", stats, s -> s.rejected(reason)).tag("feed", feed)
          .tag("reason", reason.name()).description("bars rejected by validation").register(registry);
    }
    FunctionCounter.builder("peaktrade.feed.rows.skipped", stats, FeedStats::skippedRows).tag("feed", feed)
        .description("bad rows of the replay file left out when it was checked at start").register(registry);
    FunctionCounter.builder("peaktrade.feed.bars.store.refused", stats, FeedStats::storeRefused).tag("feed", feed)
        .description("bars the candle store refused (they differ from the candles it keeps): not published")
        .register(registry);
    FunctionCounter.builder("peaktrade.feed.store.failures", stats, FeedStats::storeFailures).tag("feed", feed)
        .description("batches of bars the candle store did not take in time (published all the same)")
        .register(registry);
    Gauge.builder("peaktrade.feed.failed", stats, s -> s.failure().isPresent() ? 1 : 0).tag("feed", feed)
        .description("1 once the feed's stream has failed (it delivers no more bars), else 0").register(registry);
  }

  /**
   * Polls {@code sessions} every {@code peaktrade.metrics.session-poll-interval} while the system runs; each poll
   * also decides which kill-switch scopes are labelled ({@link #liveSessions}).
   */
  void watchSessions(SessionService sessions, KillSwitchService killSwitch, ActorSystem<?> system) {
    SessionMetrics metrics = new SessionMetrics(registry, sessions, live -> liveSessions(live, killSwitch));
    system.scheduler().scheduleWithFixedDelay(Duration.ZERO, sessionPollInterval, metrics::pollUnlessBusy,
        system.executionContext());
  }

  /** Counts the violations of a risk alert; a portfolio breach is also an alert, so it is counted once. */
  void count(RiskEvent event) {
    if (event instanceof RiskEvent.Alerted alerted) {
      for (RiskViolation violation : alerted.decision().violations()) {
        riskViolations.get(violation.check()).get(violation.severity()).increment();
      }
    }
  }

  String scrape() {
    registerNewFeedLags();
    return registry.scrape();
  }

  /** A symbol's lag series appears with its first accepted bar. */
  private void registerNewFeedLags() {
    feeds.forEach((feed, stats) -> stats.lastCloseTimes().keySet().forEach(symbol -> {
      if (feedLagSeries.add(feed + " " + symbol)) {
        Gauge.builder("peaktrade.feed.lag", stats, s -> lagSeconds(s.lastCloseTimes().get(symbol)))
            .baseUnit("seconds").tag("feed", feed).tag("symbol", symbol.value())
            .description("the node's clock minus the close time of the newest accepted bar").register(registry);
      }
    }));
  }

  private double lagSeconds(Instant close) {
    return (clock.millis() - close.toEpochMilli()) / 1000.0;
  }

  private static int code(KillSwitchState state) {
    return switch (state) {
      case ACTIVE -> 0;
      case RECOVERING -> 1;
      case KILLED -> 2;
    };
  }
}
