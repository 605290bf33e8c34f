package org.peaktrade.app.node;

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
      LOG.info("demo sessions ready: {}", specs.stream().map(SessionSpec::id).toList());
    }
    return List.copyOf(views);
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
