package org.peaktrade.actors.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.Patterns;
import org.peaktrade.actors.killswitch.KillSwitchGate;
import org.peaktrade.actors.killswitch.OpenOrderCanceller;
import org.peaktrade.actors.risk.RiskGate;
import org.peaktrade.actors.session.TradingSession.Command;
import org.peaktrade.actors.session.TradingSession.Killed;
import org.peaktrade.actors.session.TradingSession.RiskAnswered;
import org.peaktrade.actors.session.TradingSession.StrategyAnswered;
import org.peaktrade.actors.session.TradingSession.StrategyTerminated;
import org.peaktrade.actors.session.TradingSession.WarmUpRead;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.engine.risk.RiskInputs;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * The children of a {@link TradingSession} and how it talks to them: the {@link RiskGate}, and the
 * {@link StrategyRunner}, restarted with backoff on a failure within {@code strategy-restart-budget} and watched so
 * that its end (the budget exhausted) arrives as {@link StrategyTerminated} and is reported to the {@link Watchdog}
 * as {@code strategy:<id>} (no supervising actor of its own: one actor less per session); and the session's
 * registration with the node's {@link KillSwitchGate}, which cancels its resting orders when a switch covering it is
 * killed. Every recovery spawns a new generation (names end in
 * {@code -<generation>}) so that the end of an earlier runner is told apart. Each question's answer, or its
 * failure, becomes one of the session's own commands; the session decides what they mean.
 */
final class SessionChildren {
  private static final String STRATEGY_CHILD = "strategy:";
  private static final Duration WARM_UP_RETRY = Duration.ofSeconds(1);
  /** The timer that answers a risk check the gate left unanswered for {@code ask-timeout}. */
  private static final Object RISK_TIMEOUT = "risk-timeout";
  private final ActorContext<Command> context;
  private final SessionPlan plan;
  private final SessionDependencies deps;
  private final Duration askTimeout;
  private final ActorRef<StrategyRunner.Reply> strategyReplies;
  private final ActorRef<RiskGate.Checked> riskReplies;
  private final TimerScheduler<Command> timers;
  private int generation;
  private ActorRef<RiskGate.Command> riskGate;
  private ActorRef<StrategyRunner.Command> strategy;
  private boolean strategyCold;
  /** Counts warm-up reads: the answer of one that a later one replaced is ignored. */
  private int warmUpReads;

  SessionChildren(ActorContext<Command> context, TimerScheduler<Command> timers, SessionPlan plan,
      SessionDependencies deps) {
    this.context = context;
    this.timers = timers;
    this.plan = plan;
    this.deps = deps;
    this.askTimeout = deps.settings().askTimeout();
    this.strategyReplies = context.messageAdapter(StrategyRunner.Reply.class, StrategyAnswered::new);
    this.riskReplies = context.messageAdapter(RiskGate.Checked.class, checked -> new RiskAnswered(checked.order(),
        checked.decision(), null));
  }

  /** A new incarnation begins: the end of a strategy runner spawned before no longer counts. */
  void nextGeneration() {
    generation++;
  }

  /**
   * Spawns this generation's children (no strategy runner once the strategy was stopped for good) and registers the
   * session with the kill-switch gate; the gate watches the registration and forgets it when the session stops.
   */
  void spawn(SessionState state) {
    riskGate = context.spawn(RiskGate.create(plan.id(), plan.risk(), deps.clock(), deps.riskListener()),
        "risk-gate-" + generation);
    strategyCold = true;
    strategy = null;
    if (!state.strategyStopped()) {
      strategy = context.spawn(Behaviors.supervise(StrategyRunner.create(plan.strategies()))
          .onFailure(deps.settings().strategyRestartBudget().strategy()), "strategy-" + generation);
      context.watchWith(strategy, new StrategyTerminated(generation));
    }
    deps.killSwitchGate().tell(new KillSwitchGate.Register(plan.id(),
        context.messageAdapter(OpenOrderCanceller.Command.class, Killed::new)));
  }

  /**
   * Shows {@code bars} to the strategy; its answer arrives as {@link StrategyAnswered}. A fresh runner is first shown
   * its warm-up: the bars the feed published before the first of {@code bars}, from the session's first bar
   * ({@code firstBarOpen}, null: none processed yet, no warm-up) on, at most {@code recovery-bars} of them, without
   * those the strategy failed on ({@code failed}) — the very bars an uninterrupted strategy saw, read from the node's
   * candle store ({@code BarFeed.published}) as {@link WarmUpRead} before the question goes. With no runner left the
   * answer is at once that the strategy is stopped, returned here.
   */
  Optional<StrategyRunner.Reply> decide(List<Bar> bars, Instant firstBarOpen, Set<Instant> failed) {
    if (strategy == null) {
      return Optional.of(stopped(bars.get(0)));
    }
    if (!strategyCold || firstBarOpen == null || !firstBarOpen.isBefore(bars.get(0).openTime())) {
      ask(bars, List.of());
      return Optional.empty();
    }
    readWarmUp(new WarmUp(++warmUpReads, bars, firstBarOpen, Set.copyOf(failed)), Duration.ZERO);
    return Optional.empty();
  }

  /** A fresh runner's warm-up being read: the question it goes before. */
  record WarmUp(int read, List<Bar> bars, Instant firstBarOpen, Set<Instant> failed) {}

  private void readWarmUp(WarmUp warmUp, Duration after) {
    Bar first = warmUp.bars().get(0);
    long span = deps.settings().recoveryBars() + 1L;
    context.pipeToSelf(Patterns.after(after, context.getSystem().classicSystem().scheduler(),
            context.getExecutionContext(), () -> plan.feed().published().spanBefore(warmUp.firstBarOpen(),
                first.openTime(), first.interval(), span)),
        (read, failure) -> new WarmUpRead(warmUp, read, failure));
  }

  /**
   * The warm-up was read: the question goes with it. One that could not be read is read again every second (the
   * strategy decides nothing meanwhile rather than decide on a history an uninterrupted run did not have).
   */
  void warmUpRead(WarmUpRead read) {
    if (read.warmUp().read() != warmUpReads || strategy == null) {
      return;
    }
    if (read.failure() != null) {
      context.getLog().warn("session {}: reading the strategy's warm-up bars failed ({}); trying again in {}",
          plan.id(), read.failure().toString(), WARM_UP_RETRY);
      readWarmUp(read.warmUp(), WARM_UP_RETRY);
      return;
    }
    List<Bar> shown = read.bars().stream().filter(bar -> !read.warmUp().failed().contains(bar.openTime())).toList();
    int keep = deps.settings().recoveryBars();
    ask(read.warmUp().bars(), shown.size() <= keep ? shown : shown.subList(shown.size() - keep, shown.size()));
  }

  private void ask(List<Bar> bars, List<Bar> warmUp) {
    strategy.tell(new StrategyRunner.Decide(bars, warmUp, strategyReplies));
    strategyCold = false;
  }

  private static StrategyRunner.Failed stopped(Bar first) {
    return new StrategyRunner.Failed(first, List.of(), "the strategy is stopped");
  }

  /** Answers the session, in place of the runner, that the strategy is stopped: no decision from {@code first} on. */
  void answerStrategyStopped(Bar first) {
    context.getSelf().tell(new StrategyAnswered(stopped(first)));
  }

  /** The runner failed on {@code bar} and restarts empty, so the next decision warms it up (logged). */
  void strategyFailed(Bar bar, String error) {
    if (strategy != null) {
      strategyCold = true;
      context.getLog().warn("session {}: the strategy failed on the bar of {}: {}", plan.id(), bar.openTime(),
          error);
    }
  }

  /**
   * The runner of {@code ofGeneration} ended for good: tells the watchdog its restart budget is exhausted. False, and
   * nothing told, when it was one of an earlier incarnation.
   */
  boolean strategyTerminated(int ofGeneration) {
    if (ofGeneration != generation) {
      return false;
    }
    strategy = null;
    // The runner never stops by itself: its end while the session runs is its restart budget exhausted.
    deps.watchdog().tell(new Watchdog.RestartBudgetExhausted(STRATEGY_CHILD + plan.id(),
        KillSwitchScope.session(plan.id())));
    return true;
  }

  /** Logs that the runner exhausted its restart budget and returns the reason the session records. */
  String strategyBudgetExhausted() {
    String reason = "the strategy exhausted its restart budget ("
        + deps.settings().strategyRestartBudget().maxRestarts() + " restarts) and was stopped";
    context.getLog().error("session {}: {}; no new orders", plan.id(), reason);
    return reason;
  }

  /**
   * Asks the risk gate about {@code order}, placed on {@code bar}, with the core's account ({@code inputs}): the
   * answer comes through a message adapter as {@link RiskAnswered}, or, after {@code ask-timeout}, a timeout in its
   * place (no ask: a temporary actor and a future per order cost more than the check; docs/benchmarks.md).
   */
  void checkRisk(Order order, RiskInputs inputs) {
    timers.startSingleTimer(RISK_TIMEOUT, new RiskAnswered(order, null,
        new NoAnswer("the risk gate did not answer about order " + order.id() + " within " + askTimeout)),
        askTimeout);
    riskGate.tell(new RiskGate.Check(order, inputs, riskReplies));
  }

  /** A risk check's timeout, made for every order asked about: without a stack trace, which says nothing here. */
  private static final class NoAnswer extends TimeoutException {
    private static final long serialVersionUID = 1L;

    NoAnswer(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /** The check in flight was answered (or timed out): its timeout no longer fires. */
  void riskAnswered() {
    timers.cancel(RISK_TIMEOUT);
  }
}
