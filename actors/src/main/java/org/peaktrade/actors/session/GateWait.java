package org.peaktrade.actors.session;

import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.peaktrade.actors.killswitch.ExecutionGate;
import org.peaktrade.actors.session.TradingSession.BarsArrived;
import org.peaktrade.actors.session.TradingSession.Command;
import org.peaktrade.engine.killswitch.GateDecision;

/**
 * Holds a {@link TradingSession}'s first bars of an incarnation until the node's kill-switch view knows the session.
 * Just after the session registered (a node start, a restart, a move) the view has not heard about its switch: a bar
 * taken then would have every order it decides rejected as unknown, and a resumed session would decide differently
 * from one never interrupted. So the bars wait (the feed with them; about one gate refresh, asked every
 * {@link #RECHECK}), at most {@code patience} ({@code ask-timeout}): a kill switch that does not answer must not stop
 * the session's bars for good, and its orders are then rejected as unknown (fail closed). Once a bar was taken, a
 * view that goes stale blocks orders as before and bars keep coming. Used from the session's own thread only.
 */
final class GateWait {
  /** How often held bars ask the view again. */
  static final Duration RECHECK = Duration.ofMillis(100);

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final ExecutionGate view;
  private final String sessionId;
  private final Duration patience;
  private final Command recheck;
  private BarsArrived held;
  private long heldSinceNanos;
  private boolean taken;

  /** {@code recheck} is the session's command that makes it call {@link #release} again. */
  GateWait(ActorContext<Command> context, TimerScheduler<Command> timers, ExecutionGate view, String sessionId,
      Duration patience, Command recheck) {
    this.context = context;
    this.timers = timers;
    this.view = view;
    this.sessionId = sessionId;
    this.patience = patience;
    this.recheck = recheck;
  }

  /** Whether bars arriving now must wait: none was taken in this incarnation and the view does not know it. */
  boolean mustHold() {
    return !taken && unknown();
  }

  /** Holds {@code arrived} (the newest delivery replaces an older one held) and asks again after {@link #RECHECK}. */
  void hold(BarsArrived arrived) {
    if (held == null) {
      context.getLog().info("session {}: waiting for the kill-switch view to know the session before taking bars",
          sessionId);
      heldSinceNanos = System.nanoTime();
    }
    held = arrived;
    timers.startSingleTimer(recheck, RECHECK);
  }

  /** The held bars, once the view knows the session or they waited {@code patience}; otherwise asks again later. */
  Optional<BarsArrived> release() {
    if (held == null) {
      return Optional.empty();
    }
    boolean waitedEnough = System.nanoTime() - heldSinceNanos >= patience.toNanos();
    if (unknown() && !waitedEnough) {
      timers.startSingleTimer(recheck, RECHECK);
      return Optional.empty();
    }
    if (waitedEnough) {
      context.getLog().warn("session {}: the kill-switch view still does not know the session after {}; taking bars, "
          + "orders are rejected until it does", sessionId, patience);
    }
    BarsArrived released = held;
    held = null;
    return Optional.of(released);
  }

  /** Bars were taken: from now on none waits for the view in this incarnation. */
  void taken() {
    taken = true;
  }

  /** Forgets the held bars (the session stops; their feed is left). */
  void drop() {
    held = null;
  }

  /** A new incarnation: nothing held, nothing taken yet. */
  void reset() {
    held = null;
    taken = false;
  }

  private boolean unknown() {
    GateDecision gate = view.check(sessionId);
    return !gate.allowed() && gate.reason().equals("unknown");
  }
}
