package org.peaktrade.app.node;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.actors.marketdata.FeedStats;
import org.peaktrade.engine.marketdata.BarValidator.Reason;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

/**
 * The node's metrics for Prometheus ({@code GET /metrics}): JVM and process metrics, and domain metrics — the state
 * of every kill-switch scope seen on this node (0 ACTIVE, 1 RECOVERING, 2 KILLED), and the validation counts of the
 * market-data feed (bars accepted, gaps, rejections by reason).
 */
final class NodeMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, Integer> killSwitchStates = new ConcurrentHashMap<>();

  NodeMetrics() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Follows every kill-switch status published on the node. */
  void watchKillSwitches(Source<KillSwitchStatus, NotUsed> statuses, Materializer materializer) {
    statuses.runForeach(status -> {
      String scope = status.scope().value();
      if (killSwitchStates.put(scope, code(status.state())) == null) {
        Gauge.builder("peaktrade.kill.switch.state", killSwitchStates, states -> states.getOrDefault(scope, -1))
            .description("0 ACTIVE, 1 RECOVERING, 2 KILLED").tag("scope", scope).register(registry);
      }
    }, materializer);
  }

  void watchFeed(String feed, FeedStats stats) {
    FunctionCounter.builder("peaktrade.feed.bars.accepted", stats, FeedStats::accepted).tag("feed", feed)
        .description("bars that passed validation").register(registry);
    FunctionCounter.builder("peaktrade.feed.gaps", stats, FeedStats::gaps).tag("feed", feed)
        .description("holes between consecutive accepted bars").register(registry);
    for (Reason reason : Reason.values()) {
      FunctionCounter.builder("peaktrade.feed.bars.rejected", stats, s -> s.rejected(reason)).tag("feed", feed)
          .tag("reason", reason.name()).description("bars rejected by validation").register(registry);
    }
  }

  String scrape() {
    return registry.scrape();
  }

  private static int code(KillSwitchState state) {
    return switch (state) {
      case ACTIVE -> 0;
      case RECOVERING -> 1;
      case KILLED -> 2;
    };
  }
}
