package org.peaktrade.actors.session;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.japi.function.Procedure;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.peaktrade.actors.killswitch.KillSwitchGate;
import org.peaktrade.actors.risk.RiskGate;
import org.peaktrade.actors.watchdog.BudgetedSupervisor;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.engine.execution.ExecutionPipeline;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.session.EquityPoint;
import org.peaktrade.protocol.session.OrderView;
import org.peaktrade.protocol.session.PositionView;
import org.peaktrade.protocol.session.SessionView;

/**
 * One trading session as an event-sourced actor, persistence id {@code session|<id>}. Bars of its symbol arrive from
 * the node's feed with backpressure (each is acknowledged once fully processed, so none is dropped here), and each
 * new bar goes through the same steps, in the same order, as in {@code BacktestEngine}:
 * <ol>
 *   <li>the executor ({@link PaperExecutor}) offers it to the resting orders: fills and expiries are persisted and
 *       booked in the ledger;</li>
 *   <li>equity is marked at its close ({@link Event.BarProcessed});</li>
 *   <li>the strategy runner shows it to the strategy, which answers the position it wants;</li>
 *   <li>the engine's {@link ExecutionPipeline} turns a changed target into orders (ids {@code <id>-<sequence>},
 *       the sequence restored from the journal), and resting orders of the old target are canceled;</li>
 *   <li>each order is checked by the {@link RiskGate} child and then by the node's kill-switch view (unknown or
 *       stale blocks), and must find the session RUNNING;</li>
 *   <li>an order that passes goes to the executor, which reads the kill-switch view again as it takes the order; a
 *       blocked one is REJECTED with the violations or the gate's reason. A Submit the executor does not answer in
 *       time makes the order UNKNOWN (never REJECTED on a guess): the session asks the executor about it with
 *       backoff ({@link UnknownOrders}) and places no new order until it is resolved.</li>
 * </ol>
 * Every order event, decision and risk result is persisted, so a restarted session has the same orders, ledger and
 * next id. The strategy's own state is not persisted: the last {@code recovery-bars} bars are, and a fresh strategy
 * is shown them again (warm-up, no trading) before it decides on the next bar. A replay that starts over after a
 * restart is skipped up to the last bar processed.
 *
 * <p>The strategy runs under a {@link BudgetedSupervisor}: a failure is recorded for that bar and the runner is
 * restarted with backoff and warmed up again; a runner that exhausts its budget pauses the session for good and fires
 * the watchdog. The session heartbeats to the {@link Watchdog}; no bar for {@code stale-after-bars} intervals pauses
 * new orders until the next bar (and, when configured, escalates to the watchdog). Run-log lines are written after
 * their events are persisted ({@link SessionRunLog}). Talks to: its children (strategy runner, risk gate, executor),
 * the watchdog, the feed; the kill-switch gate through its executor.
 *
 * <p>This class is the table of commands and the order of the steps; its helpers (none of them an actor) do the rest:
 * {@link BarQueue} holds the bar in flight, {@link SessionSteps} works out the events of each step,
 * {@link SessionChildren} spawns and asks the children, {@link FeedLink} subscribes to the feed,
 * {@link SessionLiveness} keeps the heartbeat and stale timers, {@link RunLogEffects} persists with the run log.
 */
public final class TradingSession
    extends EventSourcedBehaviorWithEnforcedReplies<TradingSession.Command, TradingSession.Event, SessionState> {
  public static final String ENTITY_TYPE = "session";

  public sealed interface Command {}

  public record GetView(ActorRef<SessionView> replyTo) implements Command {}

  public record GetOrders(ActorRef<List<OrderView>> replyTo) implements Command {}

  public record GetFills(ActorRef<List<Fill>> replyTo) implements Command {}

  public record GetPositions(ActorRef<List<PositionView>> replyTo) implements Command {}

  public record GetEquity(ActorRef<List<EquityPoint>> replyTo) implements Command {}

  /** Stop trading for good: resting orders are canceled, the feed is left; the history stays queryable. */
  public record Stop(String reason, ActorRef<SessionView> replyTo) implements Command {}

  /** The acknowledgement the feed waits for before it sends the next bar. */
  public enum Ack { INSTANCE }

  record FeedStarted(ActorRef<Ack> ackTo) implements Command {}

  record BarArrived(ActorRef<Ack> ackTo, Bar bar) implements Command {}

  /** The feed completed ({@code failure} null) or failed. */
  record FeedEnded(Throwable failure) implements Command {}

  private record Begin() implements Command {}

  record VenueAnswered(Bar bar, List<OrderEvent> events, Throwable failure) implements Command {}

  record StrategyAnswered(StrategyRunner.Reply reply) implements Command {}

  record OldOrdersCanceled(Bar bar, List<OrderEvent> events, Throwable failure) implements Command {}

  record RiskAnswered(Order order, RiskDecision decision, Throwable failure) implements Command {}

  record ExecutorAnswered(Order order, OrderEvent event, Throwable failure) implements Command {}

  /** Ask the executor about the UNKNOWN order {@code orderId}, for the {@code attempt}-th time. */
  record ResolveOrder(ClientOrderId orderId, int attempt) implements Command {}

  record OrderResolved(ClientOrderId orderId, int attempt, PaperExecutor.OrderFound found, Throwable failure)
      implements Command {}

  record StopCancelsAnswered(String reason, List<OrderEvent> events, Throwable failure,
      ActorRef<SessionView> replyTo) implements Command {}

  record VenueReported(PaperExecutor.VenueEvents report) implements Command {}

  /** The strategy runner of {@code generation} stopped (one of an earlier incarnation is ignored). */
  record StrategyTerminated(int generation) implements Command {}

  enum Tick implements Command { HEARTBEAT, STALE }

  /** What happened to the session, in past tense; {@code at} is the session's clock when it was recorded. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Event.Started.class, name = "started"),
      @JsonSubTypes.Type(value = Event.BarProcessed.class, name = "bar-processed"),
      @JsonSubTypes.Type(value = Event.TargetDecided.class, name = "target-decided"),
      @JsonSubTypes.Type(value = Event.OrderUpdated.class, name = "order-updated"),
      @JsonSubTypes.Type(value = Event.RiskChecked.class, name = "risk-checked"),
      @JsonSubTypes.Type(value = Event.MarketDataWentStale.class, name = "market-data-went-stale"),
      @JsonSubTypes.Type(value = Event.MarketDataResumed.class, name = "market-data-resumed"),
      @JsonSubTypes.Type(value = Event.StrategyStopped.class, name = "strategy-stopped"),
      @JsonSubTypes.Type(value = Event.Stopped.class, name = "stopped")})
  public sealed interface Event extends CborSerializable {
    Instant at();

    record Started(Instant at) implements Event {}

    /** The bar was offered to the venue and the strategy; {@code strategyFailure} says why it had no answer. */
    record BarProcessed(Bar bar, Direction wanted, String strategyFailure, Instant at) implements Event {}

    /** The pipeline changed the effective target; {@code sequence} is the last order sequence number used. */
    record TargetDecided(Instant barClose, Direction wanted, Direction target, Price reference,
        List<ClientOrderId> orders, long sequence, Instant at) implements Event {}

    /** A lifecycle event of one of the session's orders, from the pipeline, the risk checks or the venue. */
    record OrderUpdated(OrderEvent change, Instant at) implements Event {}

    record RiskChecked(ClientOrderId orderId, RiskDecision decision, Instant at) implements Event {}

    record MarketDataWentStale(String reason, Instant at) implements Event {}

    record MarketDataResumed(Instant at) implements Event {}

    /** The strategy exhausted its restart budget: no more decisions. */
    record StrategyStopped(String reason, Instant at) implements Event {}

    record Stopped(String reason, Instant at) implements Event {}
  }

  private final ActorContext<Command> context;
  private final SessionPlan plan;
  private final SessionDependencies deps;
  private final SessionSettings settings;
  private final RunLogEffects runLogged;
  private final SessionChildren children;
  private final SessionSteps steps;
  private boolean stopping;
  private final FeedLink feed;
  private final SessionLiveness liveness;
  private final BarQueue bars;
  private final UnknownOrders unknownOrders;
  private final SessionState empty;

  private TradingSession(ActorContext<Command> context, TimerScheduler<Command> timers, SessionPlan plan,
      SessionDependencies deps) {
    super(persistenceId(plan.id()),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    this.context = context;
    this.plan = plan;
    this.deps = deps;
    this.settings = deps.settings();
    this.runLogged = new RunLogEffects(Effect(), context, plan.id(), SessionRunLog.of(plan.id(), settings),
        deps.clock(), () -> lastSequenceNumber(context));
    this.feed = new FeedLink(context, plan);
    this.bars = new BarQueue(context.getSelf());
    this.liveness = new SessionLiveness(context, timers, plan, deps);
    this.children = new SessionChildren(context, plan, deps);
    this.steps = new SessionSteps(plan, deps.clock(), deps.gateView());
    this.unknownOrders = new UnknownOrders(context, timers, plan.id(), settings.askTimeout());
    this.empty = freshState();
  }

  public static Behavior<Command> create(SessionPlan plan, SessionDependencies deps) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> new TradingSession(context, timers, plan, deps)));
  }

  public static PersistenceId persistenceId(String sessionId) {
    return PersistenceId.of(ENTITY_TYPE, sessionId);
  }

  /**
   * The state before any event. Pekko takes it once per behaviour and starts every recovery from that same object,
   * the recovery after a failed write (a restart of this actor) included, while {@link SessionState} is mutable: so
   * it is never applied to; the first event goes to a fresh copy ({@link #eventHandler}). Otherwise that recovery
   * would replay the journal on top of the events already applied and count bars, orders and fills twice.
   */
  @Override
  public SessionState emptyState() {
    return empty;
  }

  private SessionState freshState() {
    return new SessionState(plan.spec(), settings.recoveryBars(), settings.equityPoints());
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }

  @Override
  public SnapshotAdapter<SessionState> snapshotAdapter() {
    return new SessionSnapshotAdapter(plan.spec(), settings.recoveryBars(), settings.equityPoints());
  }

  @Override
  public CommandHandlerWithReply<Command, Event, SessionState> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(GetView.class, (state, c) -> Effect().reply(c.replyTo(), state.view(member())))
        .onCommand(GetOrders.class, (state, c) -> Effect().reply(c.replyTo(), state.orders()))
        .onCommand(GetFills.class, (state, c) -> Effect().reply(c.replyTo(), state.fills()))
        .onCommand(GetPositions.class, (state, c) -> Effect().reply(c.replyTo(), state.positions()))
        .onCommand(GetEquity.class, (state, c) -> Effect().reply(c.replyTo(), state.equity()))
        .onCommand(Stop.class, this::onStop)
        .onCommand(StopCancelsAnswered.class, this::onStopCancelsAnswered)
        .onCommand(Begin.class, this::onBegin)
        .onCommand(FeedStarted.class, this::onFeedStarted)
        .onCommand(BarArrived.class, this::onBarArrived)
        .onCommand(FeedEnded.class, this::onFeedEnded)
        .onCommand(VenueAnswered.class, this::onVenueAnswered)
        .onCommand(StrategyAnswered.class, this::onStrategyAnswered)
        .onCommand(OldOrdersCanceled.class, this::onOldOrdersCanceled)
        .onCommand(RiskAnswered.class, this::onRiskAnswered)
        .onCommand(ExecutorAnswered.class, this::onExecutorAnswered)
        .onCommand(ResolveOrder.class, this::onResolveOrder)
        .onCommand(OrderResolved.class, this::onOrderResolved)
        .onCommand(VenueReported.class, this::onVenueReported)
        .onCommand(StrategyTerminated.class, this::onStrategyTerminated)
        .onCommand(Tick.class, this::onTick)
        .build();
  }

  // ---- lifecycle

  private ReplyEffect<Event, SessionState> onBegin(SessionState state, Begin begin) {
    if (state.hasStarted()) {
      return Effect().noReply();
    }
    return persist(state, List.of(new Event.Started(now())), this::startTrading);
  }

  private void onRecovered(SessionState state) {
    runLogged.recovered(state, lastSequenceNumber(context));
    children.nextGeneration();
    stopping = false;
    bars.clear();
    if (!state.hasStarted()) {
      children.spawn(state);
      context.getSelf().tell(new Begin());
    } else if (!state.isStopped()) {
      children.spawn(state);
      children.restore(state.restingOrders());
      state.unknownOrders().forEach(unknownOrders::resolve);
      startTrading(state);
    }
  }

  private void startTrading(SessionState state) {
    List<ClientOrderId> unsubmitted = state.unsubmittedOrders();
    if (!unsubmitted.isEmpty()) {
      context.getSelf().tell(new VenueReported(new PaperExecutor.VenueEvents(steps.canceledOnRestart(unsubmitted))));
    }
    liveness.start(state.lastBar());
    feed.connect();
    context.getLog().info("session {} trading {} {} from a {} feed", plan.id(), plan.spec().mode(), plan.symbol(),
        plan.feed().source());
  }

  private ReplyEffect<Event, SessionState> onStop(SessionState state, Stop stop) {
    if (state.isStopped() || stopping) {
      return Effect().reply(stop.replyTo(), state.view(member()));
    }
    stopping = true;
    feed.disconnect();
    liveness.stop();
    children.cancelOnStop(stop.reason(), stop.replyTo());
    return Effect().noReply();
  }

  private ReplyEffect<Event, SessionState> onStopCancelsAnswered(SessionState state, StopCancelsAnswered answer) {
    if (answer.failure() != null) {
      context.getLog().error("session {}: the executor did not confirm the cancels on stop: {}", plan.id(),
          answer.failure().toString());
    }
    List<Event> events = steps.stopped(answer.events(), answer.reason());
    return runLogged.persist(state, events, state.status(),
        s -> deps.killSwitchGate().tell(new KillSwitchGate.Unregister(plan.id())))
        .thenReply(answer.replyTo(), stopped -> stopped.view(member()));
  }

  // ---- the per-bar steps

  private ReplyEffect<Event, SessionState> onFeedStarted(SessionState state, FeedStarted started) {
    started.ackTo().tell(Ack.INSTANCE);
    return Effect().noReply();
  }

  private ReplyEffect<Event, SessionState> onFeedEnded(SessionState state, FeedEnded ended) {
    feed.ended(ended.failure());
    return Effect().noReply();
  }

  private ReplyEffect<Event, SessionState> onBarArrived(SessionState state, BarArrived arrived) {
    if (bars.busy()) {
      bars.park(arrived);
      return Effect().noReply();
    }
    Bar bar = arrived.bar();
    if (state.isStopped() || !state.isNew(bar) || !bar.symbol().equals(plan.symbol())) {
      arrived.ackTo().tell(Ack.INSTANCE);
      return Effect().noReply();
    }
    bars.start(bar, arrived.ackTo());
    liveness.armStaleTimer(bar);
    List<Event> events = state.isStale() ? List.of(new Event.MarketDataResumed(now())) : List.of();
    return persist(state, events, s -> children.offerBar(bar));
  }

  private ReplyEffect<Event, SessionState> onVenueAnswered(SessionState state, VenueAnswered answer) {
    if (!bars.isCurrent(answer.bar())) {
      return Effect().noReply();
    }
    if (answer.failure() != null) {
      context.getLog().error("session {}: the executor did not answer for bar {}: {}", plan.id(),
          answer.bar().openTime(), answer.failure().toString());
    }
    return persist(state, steps.orderUpdates(answer.events()), s -> askStrategy(s, answer.bar()));
  }

  private void askStrategy(SessionState state, Bar bar) {
    bars.current().awaitingStrategy(true);
    children.decide(bar, state);
  }

  private ReplyEffect<Event, SessionState> onStrategyAnswered(SessionState state, StrategyAnswered answer) {
    Bar bar = answer.reply().bar();
    if (!bars.isCurrent(bar) || !bars.current().awaitingStrategy()) {
      return Effect().noReply();
    }
    bars.current().awaitingStrategy(false);
    if (answer.reply() instanceof StrategyRunner.Failed failed) {
      children.strategyFailed(bar, failed.error());
      return persist(state, steps.undecided(bar, failed.error()), s -> bars.finish());
    }
    SessionSteps.Decision decision = steps.decided(state, bar, ((StrategyRunner.Decided) answer.reply()).wanted());
    if (!decision.targetChanged()) {
      return persist(state, decision.events(), s -> bars.finish());
    }
    boolean restingOrders = state.hasOpenOrders();
    return persist(state, decision.events(), s -> {
      bars.current().orders().addAll(decision.change().orders());
      if (restingOrders) {
        children.cancelOldTarget(bar, decision.change().target());
      } else {
        nextOrder(s);
      }
    });
  }

  private ReplyEffect<Event, SessionState> onOldOrdersCanceled(SessionState state, OldOrdersCanceled canceled) {
    if (!bars.isCurrent(canceled.bar())) {
      return Effect().noReply();
    }
    if (canceled.failure() != null) {
      context.getLog().error("session {}: the executor did not confirm the cancels of the old target: {}",
          plan.id(), canceled.failure().toString());
    }
    return persist(state, steps.orderUpdates(canceled.events()), this::nextOrder);
  }

  /** Sends the next order of the current bar to the risk gate, or finishes the bar when none is left. */
  private void nextOrder(SessionState state) {
    BarWork work = bars.current();
    Order order = work.orders().pollFirst();
    work.inFlight(order == null ? null : order.id());
    if (order == null) {
      bars.finish();
      return;
    }
    if (!work.riskInformed()) {
      children.informRisk(work.bar(), state);
      work.riskInformed(true);
    }
    children.checkRisk(order);
  }

  private ReplyEffect<Event, SessionState> onRiskAnswered(SessionState state, RiskAnswered answer) {
    if (!bars.isInFlight(answer.order().id())) {
      return ignoredStale(answer.order().id(), "risk gate");
    }
    SessionSteps.Verdict verdict = steps.riskAnswered(state, answer.order(), answer.decision(), answer.failure(),
        stopping);
    if (!verdict.submit()) {
      return persist(state, verdict.events(), this::nextOrder);
    }
    return persist(state, verdict.events(), s -> children.submit(answer.order()));
  }

  /** An unanswered Submit leaves the order UNKNOWN and starts asking the executor about it. */
  private ReplyEffect<Event, SessionState> onExecutorAnswered(SessionState state, ExecutorAnswered answer) {
    if (!bars.isInFlight(answer.order().id())) {
      return ignoredStale(answer.order().id(), "executor");
    }
    return persist(state, steps.executorAnswered(answer.order(), answer.event(), answer.failure()), s -> {
      if (s.isUnknown(answer.order().id())) {
        unknownOrders.resolve(answer.order().id());
      }
      nextOrder(s);
    });
  }

  /**
   * An answer about an order that is not in flight: asked before the session restarted (after a failed write) and
   * read back from the journal since, which decided what became of it. Acting on it would submit or settle an order
   * on the strength of a state the session no longer holds.
   */
  private ReplyEffect<Event, SessionState> ignoredStale(ClientOrderId orderId, String from) {
    context.getLog().warn("session {}: ignored a late answer of the {} about order {} (asked before a restart)",
        plan.id(), from, orderId);
    return Effect().noReply();
  }

  // ---- orders whose Submit went unanswered

  private ReplyEffect<Event, SessionState> onResolveOrder(SessionState state, ResolveOrder resolve) {
    if (state.isUnknown(resolve.orderId())) {
      children.queryOrder(resolve.orderId(), resolve.attempt());
    }
    return Effect().noReply();
  }

  private ReplyEffect<Event, SessionState> onOrderResolved(SessionState state, OrderResolved resolved) {
    if (resolved.failure() != null) {
      if (state.isUnknown(resolved.orderId())) {
        unknownOrders.retryLater(resolved.orderId(), resolved.attempt(), resolved.failure());
      }
      return Effect().noReply();
    }
    return persist(state, steps.resolved(state, resolved.found(), resolved.attempt()), s -> { });
  }

  // ---- out-of-band events

  private ReplyEffect<Event, SessionState> onVenueReported(SessionState state, VenueReported reported) {
    return persist(state, steps.orderUpdates(reported.report().events()), s -> { });
  }

  /** The runner exhausted its budget; a bar it was deciding on (its message lost) is finished without it. */
  private ReplyEffect<Event, SessionState> onStrategyTerminated(SessionState state, StrategyTerminated terminated) {
    if (!children.strategyTerminated(terminated.generation())) {
      return Effect().noReply();
    }
    if (bars.current() != null && bars.current().awaitingStrategy()) {
      children.answerStrategyStopped(bars.current().bar());
    }
    if (state.isStopped() || state.strategyStopped()) {
      return Effect().noReply();
    }
    String reason = children.strategyBudgetExhausted();
    return persist(state, List.of(new Event.StrategyStopped(reason, now())), s -> { });
  }

  private ReplyEffect<Event, SessionState> onTick(SessionState state, Tick tick) {
    if (state.isStopped()) {
      return Effect().noReply();
    }
    if (tick == Tick.HEARTBEAT) {
      liveness.heartbeat();
      return Effect().noReply();
    }
    if (state.isStale()) {
      return Effect().noReply();
    }
    String reason = liveness.staleDataNoticed(state.lastBar());
    return persist(state, List.of(new Event.MarketDataWentStale(reason, now())), s -> { });
  }

  /** Persists {@code events} with their run-log lines, then runs {@code then}; see {@link RunLogEffects}. */
  private ReplyEffect<Event, SessionState> persist(SessionState state, List<Event> events,
      Procedure<SessionState> then) {
    return runLogged.persist(state, events, then);
  }

  private Instant now() {
    return deps.clock().instant();
  }

  /** This node's address, which the session's views carry: the member running it. */
  private String member() {
    return context.getSystem().address().toString();
  }

  @Override
  public EventHandler<SessionState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onAnyEvent((state, event) -> (state == empty ? freshState() : state).apply(event));
  }

  @Override
  public SignalHandler<SessionState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), this::onRecovered)
        .onSignal(PreRestart.instance(), state -> feed.disconnect())
        .onSignal(PostStop.instance(), state -> feed.disconnect())
        .build();
  }
}
