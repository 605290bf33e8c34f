package org.peaktrade.actors.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.peaktrade.actors.risk.RiskGate;
import org.peaktrade.actors.session.TradingSession.Command;
import org.peaktrade.actors.session.TradingSession.ExecutorAnswered;
import org.peaktrade.actors.session.TradingSession.OldOrdersCanceled;
import org.peaktrade.actors.session.TradingSession.OrderResolved;
import org.peaktrade.actors.session.TradingSession.RiskAnswered;
import org.peaktrade.actors.session.TradingSession.StopCancelsAnswered;
import org.peaktrade.actors.session.TradingSession.StrategyAnswered;
import org.peaktrade.actors.session.TradingSession.StrategyTerminated;
import org.peaktrade.actors.session.TradingSession.VenueAnswered;
import org.peaktrade.actors.session.TradingSession.VenueReported;
import org.peaktrade.actors.watchdog.BudgetedSupervisor;
import org.peaktrade.engine.execution.BarFillModel;
import org.peaktrade.engine.execution.ParticipationLimit;
import org.peaktrade.engine.session.PaperVenue;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.session.SessionView;

/**
 * The children of a {@link TradingSession} and how it talks to them: the {@link PaperExecutor} (which registers with
 * the node's kill-switch gate), the {@link RiskGate}, and the {@link StrategyRunner} under a
 * {@link BudgetedSupervisor}, watched so that its end arrives as {@link StrategyTerminated}. Every recovery spawns a
 * new generation (names end in {@code -<generation>}) so that the end of an earlier runner is told apart. Each ask
 * turns its answer, or its failure, into one of the session's own commands; the session decides what they mean.
 */
final class SessionChildren {
  private final ActorContext<Command> context;
  private final SessionPlan plan;
  private final SessionDependencies deps;
  private final Duration askTimeout;
  private final ActorRef<StrategyRunner.Reply> strategyReplies;
  private final ActorRef<PaperExecutor.VenueEvents> venueReports;
  private int generation;
  private ActorRef<PaperExecutor.Command> executor;
  private ActorRef<RiskGate.Command> riskGate;
  private ActorRef<StrategyRunner.Command> strategy;
  private boolean strategyCold;

  SessionChildren(ActorContext<Command> context, SessionPlan plan, SessionDependencies deps) {
    this.context = context;
    this.plan = plan;
    this.deps = deps;
    this.askTimeout = deps.settings().askTimeout();
    this.strategyReplies = context.messageAdapter(StrategyRunner.Reply.class, StrategyAnswered::new);
    this.venueReports = context.messageAdapter(PaperExecutor.VenueEvents.class, VenueReported::new);
  }

  /** A new incarnation begins: the end of a strategy runner spawned before no longer counts. */
  void nextGeneration() {
    generation++;
  }

  /** Spawns this generation's children; no strategy runner once the strategy was stopped for good. */
  void spawn(SessionState state) {
    PaperVenue venue = new PaperVenue(new BarFillModel(plan.fees(), plan.slippage(), plan.instrument()),
        ParticipationLimit.NONE);
    executor = context.spawn(PaperExecutor.create(venue, deps.clock(), plan.id(), deps.killSwitchGate(),
        deps.gateView(), venueReports), "executor-" + generation);
    riskGate = context.spawn(RiskGate.create(plan.id(), plan.risk(), deps.clock(), deps.riskListener()),
        "risk-gate-" + generation);
    strategyCold = true;
    strategy = null;
    if (!state.strategyStopped()) {
      strategy = context.spawn(BudgetedSupervisor.create("strategy:" + plan.id(),
          StrategyRunner.create(plan.strategies()), deps.settings().strategyRestartBudget(),
          KillSwitchScope.session(plan.id()), deps.watchdog()), "strategy-" + generation);
      context.watchWith(strategy, new StrategyTerminated(generation));
    }
  }

  /** Hands the resting orders of a recovered session to the new executor. */
  void restore(List<Order> resting) {
    executor.tell(new PaperExecutor.Restore(resting));
  }

  void offerBar(Bar bar) {
    context.ask(PaperExecutor.VenueEvents.class, executor, askTimeout,
        replyTo -> new PaperExecutor.OfferBar(bar, replyTo),
        (answer, failure) -> new VenueAnswered(bar, answer == null ? List.of() : answer.events(), failure));
  }

  /**
   * Shows {@code bar} to the strategy, after the retained bars when the runner is fresh; with no runner left, the
   * session is answered at once that the strategy is stopped.
   */
  void decide(Bar bar, SessionState state) {
    if (strategy == null) {
      answerStrategyStopped(bar);
      return;
    }
    strategy.tell(new StrategyRunner.Decide(bar, strategyCold ? state.warmUpBars() : List.of(), strategyReplies));
    strategyCold = false;
  }

  /** Answers the session, in place of the runner, that the strategy is stopped and has no decision on {@code bar}. */
  void answerStrategyStopped(Bar bar) {
    context.getSelf().tell(new StrategyAnswered(new StrategyRunner.Failed(bar, "the strategy is stopped")));
  }

  /** The runner failed on {@code bar} and restarts empty, so the next decision warms it up (logged). */
  void strategyFailed(Bar bar, String error) {
    if (strategy != null) {
      strategyCold = true;
      context.getLog().warn("session {}: the strategy failed on the bar of {}: {}", plan.id(), bar.openTime(),
          error);
    }
  }

  /** The runner of {@code ofGeneration} ended for good; false when it was one of an earlier incarnation. */
  boolean strategyTerminated(int ofGeneration) {
    if (ofGeneration != generation) {
      return false;
    }
    strategy = null;
    return true;
  }

  /** Logs that the runner exhausted its restart budget and returns the reason the session records. */
  String strategyBudgetExhausted() {
    String reason = "the strategy exhausted its restart budget ("
        + deps.settings().strategyRestartBudget().maxRestarts() + " restarts) and was stopped";
    context.getLog().error("session {}: {}; no new orders", plan.id(), reason);
    return reason;
  }

  void cancelOldTarget(Bar bar, Direction target) {
    context.ask(PaperExecutor.VenueEvents.class, executor, askTimeout,
        replyTo -> new PaperExecutor.CancelAll("target changed to " + target, replyTo),
        (canceled, failure) -> new OldOrdersCanceled(bar, canceled == null ? List.of() : canceled.events(),
            failure));
  }

  void cancelOnStop(String reason, ActorRef<SessionView> replyTo) {
    context.ask(PaperExecutor.VenueEvents.class, executor, askTimeout,
        askReplyTo -> new PaperExecutor.CancelAll("session stopped: " + reason, askReplyTo),
        (answer, failure) -> new StopCancelsAnswered(reason, answer == null ? List.of() : answer.events(),
            failure, replyTo));
  }

  /** Tells the risk gate the price of {@code bar} and the account marked at it, before its first check. */
  void informRisk(Bar bar, SessionState state) {
    riskGate.tell(new RiskGate.PriceUpdated(plan.symbol(), bar.close(), deps.clock().instant()));
    riskGate.tell(new RiskGate.AccountUpdated(Map.of(plan.symbol(), state.position()), state.equityAt(bar.close())));
  }

  void checkRisk(Order order) {
    context.ask(RiskDecision.class, riskGate, askTimeout, replyTo -> new RiskGate.Check(order, replyTo),
        (decision, failure) -> new RiskAnswered(order, decision, failure));
  }

  void submit(Order order) {
    context.ask(OrderEvent.class, executor, askTimeout, replyTo -> new PaperExecutor.Submit(order, replyTo),
        (event, failure) -> new ExecutorAnswered(order, event, failure));
  }

  /** Asks the executor what became of the UNKNOWN order {@code orderId}; {@code attempt} counts from 1. */
  void queryOrder(ClientOrderId orderId, int attempt) {
    context.ask(PaperExecutor.OrderFound.class, executor, askTimeout,
        replyTo -> new PaperExecutor.QueryOrder(orderId, replyTo),
        (found, failure) -> new OrderResolved(orderId, attempt, found, failure));
  }
}
