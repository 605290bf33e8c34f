package org.peaktrade.app.node;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.peaktrade.actors.session.SessionService;
import org.peaktrade.protocol.OrderStatus;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionStatus;
import org.peaktrade.protocol.session.SessionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session metrics polled through the {@link SessionService} facade, so the sessions themselves carry no metrics
 * code: sessions by mode and status, the orders of all sessions by status (stopped sessions included, their history
 * stays), and the bars each live session (RUNNING or PAUSED) has processed: a session's series is removed once it
 * stopped, so series are bounded by the sessions that run. On a cluster member the facade lists every session of the
 * cluster, so every member reports them all, not only those it runs ({@code GET /api/v1/cluster} counts per
 * member). Each poll hands the ids of the live sessions to
 * {@code liveSessions} (the kill-switch series follow the same policy). Every mode/status and order-status series
 * exists from the start at 0. A poll that fails keeps the previous values and is counted; one poll at a time.
 */
final class SessionMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(SessionMetrics.class);

  private final MeterRegistry registry;
  private final SessionService sessions;
  private final AtomicReference<Counts> latest = new AtomicReference<>(Counts.none());
  private final Map<String, Long> barsProcessed = new ConcurrentHashMap<>();
  private final Map<String, Meter> barsProcessedMeters = new ConcurrentHashMap<>();
  private final Consumer<Set<String>> liveSessions;
  private final Counter pollFailures;
  private final AtomicBoolean polling = new AtomicBoolean();

  /** One poll's counts. */
  private record Counts(Map<SessionMode, Map<SessionStatus, Integer>> sessions, Map<OrderStatus, Integer> orders) {
    static Counts none() {
      return new Counts(Map.of(), Map.of());
    }

    int sessions(SessionMode mode, SessionStatus status) {
      return sessions.getOrDefault(mode, Map.of()).getOrDefault(status, 0);
    }
  }

  SessionMetrics(MeterRegistry registry, SessionService sessions, Consumer<Set<String>> liveSessions) {
    this.registry = registry;
    this.sessions = sessions;
    this.liveSessions = liveSessions;
    for (SessionMode mode : SessionMode.values()) {
      for (SessionStatus status : SessionStatus.values()) {
        Gauge.builder("peaktrade.sessions", latest, counts -> counts.get().sessions(mode, status))
            .tag("mode", mode.name()).tag("status", status.name())
            .description("sessions this node knows, stopped ones included; on a cluster member every session of the "
                + "cluster, not only those it runs")
            .register(registry);
      }
    }
    for (OrderStatus status : OrderStatus.values()) {
      Gauge.builder("peaktrade.orders", latest, counts -> counts.get().orders().getOrDefault(status, 0))
          .tag("status", status.name())
          .description("orders of the sessions this node knows (on a cluster member: of the whole cluster), by status")
          .register(registry);
    }
    pollFailures = Counter.builder("peaktrade.session.metrics.poll.failures")
        .description("polls of the sessions that failed; the session metrics keep their previous values")
        .register(registry);
  }

  /** Starts a poll unless the previous one is still running. */
  void pollUnlessBusy() {
    if (polling.compareAndSet(false, true)) {
      poll().whenComplete((done, error) -> polling.set(false));
    }
  }

  /**
   * One poll: every session's view, which counts its orders by status; completes normally even when the poll fails.
   * No order list is read: a session's orders live in its journal, not in its memory.
   */
  CompletionStage<Void> poll() {
    return sessions.list().thenAccept(this::update).handle((done, error) -> {
      if (error != null) {
        pollFailures.increment();
        LOG.warn("session metrics not updated: {}", error.toString());
      }
      return null;
    });
  }

  private void update(List<SessionView> views) {
    Map<SessionMode, Map<SessionStatus, Integer>> bySessionState = new EnumMap<>(SessionMode.class);
    Set<String> live = new HashSet<>();
    for (SessionView view : views) {
      bySessionState.computeIfAbsent(view.spec().mode(), mode -> new EnumMap<>(SessionStatus.class))
          .merge(view.status(), 1, Integer::sum);
      String id = view.spec().id();
      if (view.status() == SessionStatus.STOPPED) {
        continue;
      }
      live.add(id);
      if (barsProcessed.put(id, view.barsSeen()) == null) {
        barsProcessedMeters.put(id, FunctionCounter.builder("peaktrade.session.bars.processed", barsProcessed,
                bars -> bars.getOrDefault(id, 0L))
            .tag("session", id)
            .description("bars the session has processed (restored from its journal), wherever in the cluster it runs")
            .register(registry));
      }
    }
    for (String ended : Set.copyOf(barsProcessedMeters.keySet())) {
      if (!live.contains(ended)) {
        registry.remove(barsProcessedMeters.remove(ended));
        barsProcessed.remove(ended);
      }
    }
    liveSessions.accept(Set.copyOf(live));
    Map<OrderStatus, Integer> byOrderStatus = new EnumMap<>(OrderStatus.class);
    views.forEach(view -> view.orders().forEach((status, count) -> byOrderStatus.merge(status, count, Integer::sum)));
    latest.set(new Counts(bySessionState, byOrderStatus));
  }
}
