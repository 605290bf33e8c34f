package org.peaktrade.actors.cluster;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.peaktrade.protocol.session.SessionStatus;
import org.peaktrade.protocol.session.SessionView;

/**
 * The last view of every session of the cluster, on every member: each {@link SessionEntity} publishes its view on
 * the {@code session-views} topic every {@code publish-interval}, and this node's board keeps the newest of each
 * session (with the views this node's own asks got). It is what a read answers with when a session's entity does not
 * answer in time (its shard is moving after a member crashed, or its member is slow): so the session list and a
 * session's status keep answering during a failover, on a member that never asked about those sessions before too.
 * A view older than the one held (fewer bars seen, or not STOPPED after a STOPPED one) is a late delivery, e.g. from
 * the member a session just left, and is ignored. Thread-safe: the receiving actor writes, request threads read.
 */
public final class SessionViewBoard {
  /** The topic's name: every {@link SessionEntity} publishes under it, every member's board subscribes to it. */
  public static final String TOPIC = "session-views";

  private final Map<String, SessionView> views = new ConcurrentHashMap<>();

  /** Keeps {@code view} unless the board holds a newer view of its session. */
  public void offer(SessionView view) {
    views.merge(view.spec().id(), view, (held, offered) -> isOlder(offered, held) ? held : offered);
  }

  public Optional<SessionView> get(String sessionId) {
    return Optional.ofNullable(views.get(sessionId));
  }

  public Collection<SessionView> all() {
    return List.copyOf(views.values());
  }

  /** Whether {@code offered} describes an earlier moment of its session than {@code held}. */
  static boolean isOlder(SessionView offered, SessionView held) {
    if (held.status() == SessionStatus.STOPPED && offered.status() != SessionStatus.STOPPED) {
      return true;
    }
    return offered.barsSeen() < held.barsSeen();
  }

  /** Subscribes a receiver that offers this board every view published on {@code topic}. */
  void subscribe(ActorSystem<?> system, ActorRef<Topic.Command<SessionView>> topic) {
    ActorRef<SessionView> receiver = system.systemActorOf(receiver(this), "session-view-board", Props.empty());
    topic.tell(Topic.subscribe(receiver));
  }

  private static Behavior<SessionView> receiver(SessionViewBoard board) {
    return Behaviors.receive(SessionView.class).onAnyMessage(view -> {
      board.offer(view);
      return Behaviors.same();
    }).build();
  }
}
