package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.app.node.PrometheusText.value;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.peaktrade.http.fixtures.RecordingSessionService;
import org.peaktrade.http.fixtures.SessionSamples;

class SessionMetricsTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final RecordingSessionService sessions = new RecordingSessionService();
  private final List<Set<String>> liveSessions = new CopyOnWriteArrayList<>();
  private final SessionMetrics metrics = new SessionMetrics(registry, sessions, liveSessions::add);

  @Test
  void everySessionAndOrderSeriesStartsAtZero() {
    String text = registry.scrape();

    assertThat(value(text, "peaktrade_sessions\\{mode=\"LIVE\",status=\"STOPPED\"}")).isZero();
    assertThat(value(text, "peaktrade_orders\\{status=\"PARTIALLY_FILLED\"}")).isZero();
    assertThat(value(text, "peaktrade_session_metrics_poll_failures_total")).isZero();
  }

  @Test
  void aPollCountsSessionsByModeAndStatusTheirOrdersByStatusAndTheBarsEachProcessed() {
    sessions.holding(SessionSamples.trading("paper-1")).holding(SessionSamples.paused("paper-2"))
        .holding(SessionSamples.stopped(SessionSamples.trading("paper-3")));

    metrics.poll().toCompletableFuture().join();
    String text = registry.scrape();

    assertThat(value(text, "peaktrade_sessions\\{mode=\"PAPER\",status=\"RUNNING\"}")).isEqualTo(1.0);
    assertThat(value(text, "peaktrade_sessions\\{mode=\"PAPER\",status=\"PAUSED\"}")).isEqualTo(1.0);
    assertThat(value(text, "peaktrade_sessions\\{mode=\"PAPER\",status=\"STOPPED\"}")).isEqualTo(1.0);
    assertThat(value(text, "peaktrade_sessions\\{mode=\"LIVE\",status=\"RUNNING\"}")).isZero();
    assertThat(value(text, "peaktrade_orders\\{status=\"FILLED\"}")).isEqualTo(3.0);
    assertThat(value(text, "peaktrade_orders\\{status=\"ACCEPTED\"}")).isEqualTo(3.0);
    assertThat(value(text, "peaktrade_orders\\{status=\"REJECTED\"}")).isZero();
    assertThat(value(text, "peaktrade_session_bars_processed_total\\{session=\"paper-2\"}")).isEqualTo(42.0);
  }

  @Test
  void removesTheSeriesOfASessionThatStoppedAndReportsOnlyLiveSessions() {
    sessions.holding(SessionSamples.trading("paper-1")).holding(SessionSamples.paused("paper-2"));
    metrics.poll().toCompletableFuture().join();
    sessions.stop("paper-1");

    metrics.poll().toCompletableFuture().join();
    String text = registry.scrape();

    assertThat(text).doesNotContain("session=\"paper-1\"");
    assertThat(value(text, "peaktrade_session_bars_processed_total\\{session=\"paper-2\"}")).isEqualTo(42.0);
    assertThat(liveSessions).containsExactly(Set.of("paper-1", "paper-2"), Set.of("paper-2"));
  }

  @Test
  void aFailedPollKeepsTheLastCountsAndIsCounted() {
    sessions.holding(SessionSamples.trading("paper-1"));
    metrics.poll().toCompletableFuture().join();
    sessions.failure = new TimeoutException("the session registry did not answer");

    metrics.poll().toCompletableFuture().join();
    String text = registry.scrape();

    assertThat(value(text, "peaktrade_sessions\\{mode=\"PAPER\",status=\"RUNNING\"}")).isEqualTo(1.0);
    assertThat(value(text, "peaktrade_orders\\{status=\"FILLED\"}")).isEqualTo(1.0);
    assertThat(value(text, "peaktrade_session_metrics_poll_failures_total")).isEqualTo(1.0);
  }
}
