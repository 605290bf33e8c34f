package org.peaktrade.app.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.peaktrade.actors.session.SessionRefusedException;
import org.peaktrade.actors.session.SessionService;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.session.SessionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the demo sessions of {@code peaktrade.node.demo-sessions} that the journal does not hold yet (a restarted
 * node has resumed them) and returns every demo session's view. Each ask goes through {@link StartupRetry}: members
 * started together ask while the shards still load their remembered entities, and a timed-out ask is asked again
 * instead of ending the start. A start that timed out may have registered the session, so it is retried as a whole,
 * lookup first. A refused demo session stops the node start with the reasons, unless another member started it in
 * the meantime.
 */
final class DemoSessionStart {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSessionStart.class);

  static final Duration POLL = Duration.ofMillis(50);
  static final Duration TRADING_WITHIN = Duration.ofSeconds(10);

  private final SessionService sessions;
  private final StartupRetry retry;

  DemoSessionStart(SessionService sessions, StartupRetry retry) {
    this.sessions = sessions;
    this.retry = retry;
  }

  List<SessionView> start(List<SessionSpec> specs) {
    List<SessionView> views = new ArrayList<>();
    for (SessionSpec spec : specs) {
      views.add(startOne(spec));
    }
    if (!specs.isEmpty()) {
      for (SessionSpec spec : specs) {
        awaitTrading(spec.id());
      }
      LOG.info("demo sessions ready: {}", specs.stream().map(SessionSpec::id).toList());
    }
    return List.copyOf(views);
  }

  /**
   * Waits (at most {@link #TRADING_WITHIN}) until the session has started trading, and so subscribed to its feed:
   * the node's replay begins once its sessions are started, and a demo session should see it from its first bar.
   */
  private void awaitTrading(String id) {
    boolean trading = retry.until(() -> sessions.get(id).thenApply(view -> view.map(v -> v.startedAt() != null)
        .orElse(false)), POLL, TRADING_WITHIN);
    if (!trading) {
      LOG.warn("demo session {} has not started trading within {}; the replay begins without waiting for it", id,
          TRADING_WITHIN);
    }
  }

  private SessionView startOne(SessionSpec spec) {
    try {
      return retry.call("starting demo session " + spec.id(), () -> sessions.get(spec.id())
          .thenCompose(existing -> existing.isPresent()
              ? CompletableFuture.completedFuture(existing.get())
              : sessions.start(spec)));
    } catch (SessionRefusedException e) {
      Optional<SessionView> startedMeanwhile =
          retry.call("looking up demo session " + spec.id(), () -> sessions.get(spec.id()));
      return startedMeanwhile.orElseThrow(() -> new NodeConfigException(DemoSessions.PATH + ": demo session '"
          + spec.id() + "' refused: " + e.getMessage(), e));
    }
  }
}
