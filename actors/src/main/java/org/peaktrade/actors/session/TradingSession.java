package org.peaktrade.actors.session;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
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
import org.peaktrade.actors.killswitch.OpenOrderCanceller;
import org.peaktrade.actors.risk.RiskGate;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.engine.execution.ParticipationLimit;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.engine.trading.Retarget;
import org.peaktrade.engine.trading.TradingCore;
import org.peaktrade.engine.trading.TradingTerms;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.session.EquityPoint;
import org.peaktrade.protocol.session.OrderView;
import org.peaktrade.protocol.session.PositionView;
import org.peaktrade.protocol.session.SessionView;

/**
 * One trading session as an event-sourced actor, persistence id {@code session|<id>}. Bars of its symbol arrive from
 * the node's feed with backpressure: one at a time while the session keeps up, the ones that gathered meanwhile in
 * one delivery when it is behind (catch-up, an unpaced replay, a slow write; at most {@code feed-batch}). Each
 * delivery is acknowledged once fully processed and its events are durable, so no bar is dropped here. The session
 * drives the engine's {@link TradingCore} — the per-bar step a backtest loops over — and persists what it did. Per
 * delivery:
 * <ol>
 *   <li>the strategy runner is shown its bars in one message and answers, for each, the position it wants;</li>
 *   <li>per bar, in order: the core offers the bar to the orders resting on its paper venue (fills and expiries,
 *       booked in its ledger, the risk account marked at the close), records the strategy's answer
 *       ({@link Event.BarProcessed}) and turns a changed target into orders (ids {@code <id>-<sequence>}, the
 *       sequence restored from the journal), canceling the old target's resting orders;</li>
 *   <li>each order is checked by the {@link RiskGate} child with the core's account, then, as the venue takes it, by
 *       the session's status and the node's kill-switch view (unknown or stale blocks): accepted or rejected with
 *       the violations or the gate's reason;</li>
 *   <li>the delivery's events are persisted in one write (one journal row, {@link Event.Batch}), and only then are
 *       its bars acknowledged; bars that changed nothing (their only events are {@link Event.BarProcessed}) are
 *       acknowledged at once and their events wait for the next write ({@link UnjournaledBars},
 *       {@code journal-batch}: a checkpoint every N bars or T), shown in the session's view meanwhile; a crash
 *       loses them, and the resumed session processes them again from the feed's published bars (the node's candle
 *       store), with the same result.</li>
 * </ol>
 * A delivery costs one strategy round trip, one risk round trip per order and at most one journal write, however
 * many bars it holds. A kill of a
 * switch covering the session (the node's {@link KillSwitchGate} tells the session, which registered with it) cancels
 * every resting order at once; a stop does too. Bars that arrive before the node's kill-switch view knows the
 * session (just after it registered, a node start or a restart) wait until the view does, so that a resumed session
 * decides on them as an uninterrupted one would, instead of having its orders rejected as "unknown".
 *
 * <p>Every order event, decision and risk result is persisted, so a restarted session has the same orders, ledger
 * and next id: while it recovers, its events rebuild the core too ({@link SessionState}). Orders that rested before
 * the restart rest again once the kill-switch view allows ({@link RestoredOrders}). The strategy's own state is not
 * persisted: a fresh strategy is shown the last {@code recovery-bars} bars the session processed again, read from
 * the feed's published bars (the node's candle store; warm-up, no trading), before it decides on the next bar. A
 * replay that starts over after a restart is skipped up to the last bar processed.
 *
 * <p>The strategy runner is supervised with a restart budget: a failure is recorded for that bar and the runner is
 * restarted with backoff and warmed up again; a runner that exhausts its budget pauses the session for good and fires
 * the watchdog. The session heartbeats to the {@link Watchdog}; no bar for {@code stale-after-bars} intervals pauses
 * new orders until the next bar (and, when configured, escalates to the watchdog). Run-log lines are written after
 * their events are persisted ({@link SessionRunLog}). Talks to: its children (strategy runner, risk gate), the
 * kill-switch gate, the watchdog, the feed.
 *
 * <p>This class is the table of commands and the order of the steps; its helpers (none of them an actor) do the rest:
 * {@link BarQueue} holds the delivery in flight ({@link BatchWork}: its bars, answers and pending events),
 * {@link SessionSteps} words the events,
 * {@link SessionChildren} spawns and asks the children, {@link FeedLink} subscribes to the feed,
 * {@link SessionLiveness} keeps the heartbeat and stale timers, {@link GateWait} holds the first bars until the
 * kill-switch view knows the session, {@link RunLogEffects} persists with the run log.
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

  /**
   * Write the bars that wait to be journaled now (a checkpoint), then answer: what the session has processed is what
   * a recovery gives back. Tests use it; a handoff or a node's shutdown does not send it yet (the resumed session
   * processes the waiting bars again from the candle store).
   */
  public record Checkpoint(ActorRef<Done> replyTo) implements Command {}

  /** Stop trading for good: resting orders are canceled, the feed is left; the history stays queryable. */
  public record Stop(String reason, ActorRef<SessionView> replyTo) implements Command {}

  /** The acknowledgement the feed waits for before it sends the next bar. */
  public enum Ack { INSTANCE }

  record FeedStarted(ActorRef<Ack> ackTo) implements Command {}

  /** Bars of the feed, oldest first: one when the session keeps up, the ones that gathered when it is behind. */
  record BarsArrived(ActorRef<Ack> ackTo, List<Bar> bars) implements Command {
    BarsArrived {
      bars = List.copyOf(bars);
    }
  }

  /** The feed completed ({@code failure} null) or failed. */
  record FeedEnded(Throwable failure) implements Command {}

  private record Begin() implements Command {}

  record StrategyAnswered(StrategyRunner.Reply reply) implements Command {}

  /**
   * The bars of an equity curve were read from the feed's published bars and the fills from the journal (or one of
   * them could not be).
   */
  record EquityRead(ActorRef<List<EquityPoint>> replyTo, List<Bar> bars, List<Fill> fills, Throwable failure)
      implements Command {}

  /** The order history was read back from the journal for {@code what} (or could not be): {@code reply} answers. */
  record HistoryRead(String what, Runnable reply, Throwable failure) implements Command {}

  /** A fresh strategy's warm-up bars were read from the feed's published bars (or could not be). */
  record WarmUpRead(SessionChildren.WarmUp warmUp, List<Bar> bars, Throwable failure) implements Command {}

  record RiskAnswered(Order order, RiskDecision decision, Throwable failure) implements Command {}

  /** The node's kill-switch gate: a switch covering this session was killed. */
  record Killed(OpenOrderCanceller.Command command) implements Command {}

  /** Order events decided outside a bar (orders a restart left without an answer) to record. */
  private record Record(List<OrderEvent> events) implements Command {}

  /** Ask the kill-switch view again about the orders held since the restart. */
  enum RecheckRestore implements Command { INSTANCE }

  /** The bars that changed nothing have waited long enough: write them. */
  private enum JournalBatchDue implements Command { INSTANCE }

  /** Go on with the batch in flight after a write it had to wait for. */
  private enum Continue implements Command { INSTANCE }

  /** Ask the kill-switch view again whether it knows this session yet (bars wait for it, {@link GateWait}). */
  private enum GateKnown implements Command { INSTANCE }

  /** The strategy runner of {@code generation} stopped (one of an earlier incarnation is ignored). */
  record StrategyTerminated(int generation) implements Command {}

  enum Tick implements Command { HEARTBEAT, STALE }

  /** What happened to the session, in past tense; {@code at} is the session's clock when it was recorded. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Event.Started.class, name = "started"),
      @JsonSubTypes.Type(value = Event.BarProcessed.class, name = "bar-processed"),
      @JsonSubTypes.Type(value = Event.BarsProcessed.class, name = "bars-processed"),
      @JsonSubTypes.Type(value = Event.TargetDecided.class, name = "target-decided"),
      @JsonSubTypes.Type(value = Event.OrderUpdated.class, name = "order-updated"),
      @JsonSubTypes.Type(value = Event.RiskChecked.class, name = "risk-checked"),
      @JsonSubTypes.Type(value = Event.MarketDataWentStale.class, name = "market-data-went-stale"),
      @JsonSubTypes.Type(value = Event.MarketDataResumed.class, name = "market-data-resumed"),
      @JsonSubTypes.Type(value = Event.StrategyStopped.class, name = "strategy-stopped"),
      @JsonSubTypes.Type(value = Event.Stopped.class, name = "stopped"),
      @JsonSubTypes.Type(value = Event.Batch.class, name = "batch")})
  public sealed interface Event extends CborSerializable {
    Instant at();

    record Started(Instant at) implements Event {}

    /** The bar was offered to the venue and the strategy; {@code strategyFailure} says why it had no answer. */
    record BarProcessed(Bar bar, Direction wanted, String strategyFailure, Instant at) implements Event {}

    /**
     * Consecutive bars of one series processed, each with the position the strategy wanted: what a run of
     * {@link BarProcessed} says, written as one event of compact lines ({@link BarRuns}).
     */
    record BarsProcessed(Symbol symbol, Duration interval, List<String> bars, Instant at) implements Event {}

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

    /**
     * The events of one write, in the order the session produced them, as one journal row: a delivery's steps and
     * the checkpoint of the bars before them cost one row, one serialization and one insert instead of one each.
     * Written when a write has more than one event; never nested. Readers expand it ({@link #expand}).
     */
    record Batch(List<Event> events, Instant at) implements Event {
      public Batch {
        events = List.copyOf(events);
        if (events.size() < 2 || events.stream().anyMatch(Batch.class::isInstance)) {
          throw new IllegalArgumentException("a batch holds two events or more, none a batch: " + events.size());
        }
      }
    }

    /** The events {@code event} stands for: a {@link Batch}'s, in order, or itself. */
    static List<Event> expand(Event event) {
      return event instanceof Batch batch ? batch.events() : List.of(event);
    }
  }

  private final ActorContext<Command> context;
  private final SessionPlan plan;
  private final SessionDependencies deps;
  private final SessionSettings settings;
  private final TradingTerms terms;
  private final RunLogEffects runLogged;
  private final SessionChildren children;
  private final SessionSteps steps;
  private final FeedLink feed;
  private final SessionLiveness liveness;
  private final BarQueue bars;
  private final RestoredOrders restored;
  private final UnjournaledBars unjournaled = new UnjournaledBars();
  private final FeedProgress progress = new FeedProgress();
  private final TimerScheduler<Command> timers;
  private final SessionState empty;
  private boolean stopping;
  private final GateWait gateWait;
  /** True while the journal is read back (events then rebuild the core too); false once the session trades. */
  private boolean recovering = true;

  private TradingSession(ActorContext<Command> context, TimerScheduler<Command> timers, SessionPlan plan,
      SessionDependencies deps) {
    super(persistenceId(plan.id()),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    this.context = context;
    this.timers = timers;
    this.plan = plan;
    this.deps = deps;
    this.settings = deps.settings();
    this.terms = new TradingTerms(new Money(plan.spec().startingCash()), plan.sizing(), plan.fees(),
        plan.slippage(), plan.entry(), plan.allowShort(), ParticipationLimit.NONE, plan.risk());
    this.runLogged = new RunLogEffects(Effect(), context, plan.id(), SessionRunLog.of(plan.id(), settings),
        deps.clock(), () -> lastSequenceNumber(context));
    this.feed = new FeedLink(context, plan, settings.feedBatch());
    this.bars = new BarQueue(context.getSelf());
    this.liveness = new SessionLiveness(context, timers, plan, deps);
    this.children = new SessionChildren(context, timers, plan, deps);
    this.steps = new SessionSteps(plan, deps.clock(), deps.gateView());
    this.restored = new RestoredOrders(timers, deps.gateView(), steps, plan.id(), deps.clock());
    this.gateWait = new GateWait(context, timers, deps.gateView(), plan.id(), settings.askTimeout(),
        GateKnown.INSTANCE);
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
   * would replay the journal on top of the events already applied and count bars, orders and fills twice. Its core
   * is never made: the first event of a session, {@link Event.Started}, comes before its first bar, and the core of
   * a state is made when first used.
   */
  @Override
  public SessionState emptyState() {
    return empty;
  }

  private SessionState freshState() {
    return new SessionState(plan.spec(), settings.recoveryBars(), settings.equityPoints(), this::newCore);
  }

  private TradingCore newCore() {
    return new TradingCore(plan.id(), plan.instrument(), terms);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }

  @Override
  public SnapshotAdapter<SessionState> snapshotAdapter() {
    return new SessionSnapshotAdapter(plan.spec(), settings.recoveryBars(), settings.equityPoints(), this::newCore);
  }

  /** One handler case for every command ({@link #onCommand}): a case per command type costs each session ~1.5 KB. */
  @Override
  public CommandHandlerWithReply<Command, Event, SessionState> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState().onAnyCommand(this::onCommand);
  }

  /** The table of commands. */
  private ReplyEffect<Event, SessionState> onCommand(SessionState state, Command command) {
    if (command instanceof BarsArrived c) {
      return onBarsArrived(state, c);
    } else if (command instanceof StrategyAnswered c) {
      return onStrategyAnswered(state, c);
    } else if (command instanceof WarmUpRead c) {
      children.warmUpRead(c);
      return Effect().noReply();
    } else if (command instanceof RiskAnswered c) {
      return onRiskAnswered(state, c);
    } else if (command instanceof Continue) {
      return walk(state);
    } else if (command instanceof GetView c) {
      return Effect().reply(c.replyTo(), view(state));
    } else if (command instanceof GetOrders c) {
      return readHistory("orders", c.replyTo(), OrderHistory::orders);
    } else if (command instanceof GetFills c) {
      return readHistory("fills", c.replyTo(), OrderHistory::fills);
    } else if (command instanceof HistoryRead c) {
      return onHistoryRead(c);
    } else if (command instanceof GetPositions c) {
      return Effect().reply(c.replyTo(), state.positions(unjournaled.bars()));
    } else if (command instanceof GetEquity c) {
      return onGetEquity(state, c);
    } else if (command instanceof EquityRead c) {
      return onEquityRead(state, c);
    } else if (command instanceof Stop c) {
      return onStop(state, c);
    } else if (command instanceof Checkpoint c) {
      return onCheckpoint(state, c);
    } else if (command instanceof Begin c) {
      return onBegin(state, c);
    } else if (command instanceof FeedStarted c) {
      return onFeedStarted(state, c);
    } else if (command instanceof FeedEnded c) {
      return onFeedEnded(state, c);
    } else if (command instanceof Killed c) {
      return onKilled(state, c);
    } else if (command instanceof Record c) {
      return persistOutOfBand(state, steps.orderUpdates(c.events()));
    } else if (command instanceof RecheckRestore c) {
      return onRecheckRestore(state, c);
    } else if (command instanceof JournalBatchDue) {
      return persistOutOfBand(state, List.of());
    } else if (command instanceof GateKnown) {
      return onGateKnown(state);
    } else if (command instanceof StrategyTerminated c) {
      return onStrategyTerminated(state, c);
    } else if (command instanceof Tick c) {
      return onTick(state, c);
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  // ---- lifecycle

  private ReplyEffect<Event, SessionState> onBegin(SessionState state, Begin begin) {
    if (state.hasStarted()) {
      return Effect().noReply();
    }
    return persist(state, List.of(new Event.Started(now())), this::startTrading);
  }

  private void onRecovered(SessionState state) {
    recovering = false;
    runLogged.recovered(state, lastSequenceNumber(context));
    children.nextGeneration();
    stopping = false;
    bars.clear();
    unjournaled.clear();
    progress.reset();
    gateWait.reset();
    if (!state.hasStarted()) {
      children.spawn(state);
      context.getSelf().tell(new Begin());
      return;
    }
    state.core().recoverTarget(state.target(), steps.sequenceFloor(state));
    if (!state.isStopped()) {
      children.spawn(state);
      restored.hold(state);
      startTrading(state);
    }
  }

  private void startTrading(SessionState state) {
    List<ClientOrderId> unanswered = state.unansweredOrders();
    if (!unanswered.isEmpty()) {
      context.getSelf().tell(new Record(steps.endedOnRestart(unanswered)));
    }
    context.getSelf().tell(RecheckRestore.INSTANCE);
    liveness.start(state.lastBar());
    feed.connect(state.lastBar());
    context.getLog().info("session {} trading {} {} from a {} feed", plan.id(), plan.spec().mode(), plan.symbol(),
        plan.feed().source());
  }

  /** Stops trading for good: resting and held orders are canceled with the bar in flight's events, in one write. */
  private ReplyEffect<Event, SessionState> onStop(SessionState state, Stop stop) {
    if (state.isStopped() || stopping) {
      return Effect().reply(stop.replyTo(), view(state));
    }
    stopping = true;
    gateWait.drop();
    feed.disconnect();
    liveness.stop();
    String reason = "session stopped: " + stop.reason();
    List<OrderEvent> cancels = new ArrayList<>(restored.cancelAll(reason));
    cancels.addAll(state.core().cancelAll(reason, now()));
    List<Event> events = new ArrayList<>(takeUnjournaled());
    events.addAll(bars.current() == null ? List.of() : bars.current().takePending());
    events.addAll(steps.stopped(cancels, stop.reason()));
    bars.clear();
    return runLogged.persist(state, events, state.status(),
        s -> deps.killSwitchGate().tell(new KillSwitchGate.Unregister(plan.id())))
        .thenReply(stop.replyTo(), this::view);
  }

  /**
   * Orders and fills are read back from the journal, which holds every one the session acknowledged (the session
   * keeps only its open orders, {@link SessionState}); the answer comes when the read does. A read that fails is
   * logged and not answered (the asker's timeout says the session did not answer).
   */
  private <T> ReplyEffect<Event, SessionState> readHistory(String what, ActorRef<T> replyTo,
      Function<OrderHistory, T> answer) {
    context.pipeToSelf(SessionJournalReader.of(context.getSystem()).orders(plan.id()),
        (history, failure) -> new HistoryRead(what,
            failure == null ? () -> replyTo.tell(answer.apply(history)) : () -> { }, failure));
    return Effect().noReply();
  }

  private ReplyEffect<Event, SessionState> onHistoryRead(HistoryRead read) {
    if (read.failure() != null) {
      context.getLog().warn("session {}: reading its {} from the journal failed: {}", plan.id(), read.what(),
          read.failure().toString());
    } else {
      read.reply().run();
    }
    return Effect().noReply();
  }

  /**
   * The equity curve: the newest {@code equity-points} bars the session processed, from its first on, are read from
   * the feed's published bars and marked with its fills, read from the journal ({@link SessionState#equity}); the
   * session keeps no marks. A read that fails is logged and not answered (the asker's timeout says the session did
   * not answer).
   */
  private ReplyEffect<Event, SessionState> onGetEquity(SessionState state, GetEquity get) {
    Bar newest = lastProcessed(state);
    Instant first = firstBarOpen(state, null);
    if (newest == null || first == null) {
      return Effect().reply(get.replyTo(), List.of());
    }
    CompletionStage<List<Bar>> bars = plan.feed().published().spanBefore(first, newest.openTime().plusNanos(1),
        newest.interval(), settings.equityPoints());
    CompletionStage<List<Fill>> fills =
        SessionJournalReader.of(context.getSystem()).orders(plan.id()).thenApply(OrderHistory::fills);
    context.pipeToSelf(bars.thenCombine(fills, (read, booked) -> new EquityRead(get.replyTo(), read, booked, null)),
        (read, failure) -> failure == null ? read : new EquityRead(get.replyTo(), null, null, failure));
    return Effect().noReply();
  }

  private ReplyEffect<Event, SessionState> onEquityRead(SessionState state, EquityRead read) {
    if (read.failure() != null) {
      context.getLog().warn("session {}: reading the bars or fills of its equity curve failed: {}", plan.id(),
          read.failure().toString());
      return Effect().noReply();
    }
    return Effect().reply(read.replyTo(), state.equity(read.bars(), read.fills()));
  }

  /** Writes the waiting bars (none waiting: nothing to write), then answers. */
  private ReplyEffect<Event, SessionState> onCheckpoint(SessionState state, Checkpoint checkpoint) {
    if (unjournaled.isEmpty()) {
      return Effect().reply(checkpoint.replyTo(), Done.getInstance());
    }
    return runLogged.persist(state, takeUnjournaled(), state.status(), s -> { })
        .thenReply(checkpoint.replyTo(), s -> Done.getInstance());
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

  /**
   * New bars: what changes the session's status first (data resumed, orders held since a restart canceled under a
   * kill) is persisted before the bars are offered to the core, so that their orders see that status.
   */
  private ReplyEffect<Event, SessionState> onBarsArrived(SessionState state, BarsArrived arrived) {
    if (bars.busy()) {
      bars.park(arrived);
      return Effect().noReply();
    }
    List<Bar> fresh = state.isStopped() || stopping ? List.of() : newBars(state, arrived.bars());
    progress.delivered(ofSymbol(arrived.bars()), fresh, lastProcessed(state));
    if (fresh.isEmpty()) {
      arrived.ackTo().tell(Ack.INSTANCE);
      return Effect().noReply();
    }
    BarsArrived taken = new BarsArrived(arrived.ackTo(), fresh);
    if (gateWait.mustHold()) {
      gateWait.hold(taken);
      return Effect().noReply();
    }
    return takeBars(state, taken);
  }

  private List<Bar> ofSymbol(List<Bar> arrived) {
    return arrived.stream().filter(bar -> bar.symbol().equals(plan.symbol())).toList();
  }

  /** The newest bar processed, journaled or waiting to be. */
  private Bar lastProcessed(SessionState state) {
    Bar waiting = unjournaled.last();
    return waiting != null ? waiting : state.lastBar();
  }

  /** The bars of this session's symbol not processed yet (a replay that starts over sends old ones again). */
  private List<Bar> newBars(SessionState state, List<Bar> arrived) {
    List<Bar> fresh = new ArrayList<>(arrived.size());
    Bar newest = null;
    for (Bar bar : arrived) {
      if (bar.symbol().equals(plan.symbol()) && state.isNew(bar) && unjournaled.isNew(bar)
          && (newest == null || bar.openTime().isAfter(newest.openTime()))) {
        fresh.add(bar);
        newest = bar;
      }
    }
    return fresh;
  }

  private ReplyEffect<Event, SessionState> takeBars(SessionState state, BarsArrived arrived) {
    gateWait.taken();
    BatchWork work = bars.start(arrived.bars(), arrived.ackTo());
    liveness.armStaleTimer(work.last());
    List<Event> first = new ArrayList<>();
    if (state.isStale()) {
      first.add(new Event.MarketDataResumed(now()));
    }
    first.addAll(steps.orderUpdates(restored.recheck(state.core())));
    if (first.isEmpty()) {
      return walk(state);
    }
    return persist(state, first, this::resumeWalk);
  }

  /** The bars held until the kill-switch view knows the session, once they may go ({@link GateWait}). */
  private ReplyEffect<Event, SessionState> onGateKnown(SessionState state) {
    Optional<BarsArrived> held = gateWait.release();
    return held.isPresent() ? takeBars(state, held.get()) : Effect().noReply();
  }

  /** Continues the batch after a write its first events needed (nothing to reply; the walk may persist again). */
  private void resumeWalk(SessionState state) {
    context.getSelf().tell(Continue.INSTANCE);
  }

  /**
   * Walks the batch in flight, bar by bar: the core offers the bar to the resting orders, then takes the strategy's
   * answer for it (asked about all the batch's remaining bars at once) and turns a changed target into orders. The walk
   * pauses while the strategy or the risk gate is asked, and resumes with the answer; the batch ends with one write.
   */
  private ReplyEffect<Event, SessionState> walk(SessionState state) {
    BatchWork work = bars.current();
    if (work == null) {
      return Effect().noReply();
    }
    while (work.hasNext()) {
      if (!work.nextIsAnswered()) {
        if (work.awaitingStrategy()) {
          return Effect().noReply();
        }
        Optional<StrategyRunner.Reply> now = children.decide(work.ask(), firstBarOpen(state, work),
            failedBars(state, work));
        if (now.isEmpty()) {
          return Effect().noReply();
        }
        work.answered(now.get());
      }
      Bar bar = work.take();
      work.record(steps.orderUpdates(state.core().onBar(bar).events()));
      Direction wanted = work.wanted();
      if (wanted == null) {
        children.strategyFailed(bar, work.failure());
        work.record(List.of(steps.processed(bar, null, work.failure())));
        continue;
      }
      work.record(List.of(steps.processed(bar, wanted, null)));
      Optional<Retarget> change = state.core().retarget(bar, wanted, now());
      if (change.isPresent()) {
        work.record(steps.retargeted(bar, change.get()));
        work.orders().addAll(change.get().orders());
        if (!work.orders().isEmpty()) {
          return nextOrder(state);
        }
      }
    }
    return finishBatch(state);
  }

  /**
   * The open of the session's first bar processed, journaled, waiting or in {@code work} (null: not looked at);
   * null before any.
   */
  private Instant firstBarOpen(SessionState state, BatchWork work) {
    if (state.firstBarOpen() != null) {
      return state.firstBarOpen();
    }
    Bar waiting = unjournaled.first();
    return waiting != null ? waiting.openTime() : work == null ? null : work.firstProcessed();
  }

  /** The opens of the bars the strategy failed on that a fresh strategy's warm-up could reach: not shown again. */
  private Set<Instant> failedBars(SessionState state, BatchWork work) {
    Set<Instant> failed = new HashSet<>(state.failedBars());
    failed.addAll(unjournaled.failedBars());
    failed.addAll(work.failedBars());
    return failed;
  }

  private ReplyEffect<Event, SessionState> onStrategyAnswered(SessionState state, StrategyAnswered answer) {
    BatchWork work = bars.current();
    if (work == null || !work.answered(answer.reply())) {
      return Effect().noReply();
    }
    return walk(state);
  }

  /** Sends the next order of the current bar to the risk gate, or walks on when none is left. */
  private ReplyEffect<Event, SessionState> nextOrder(SessionState state) {
    BatchWork work = bars.current();
    Order order = work.orders().pollFirst();
    work.inFlight(order == null ? null : order.id());
    if (order == null) {
      return walk(state);
    }
    children.checkRisk(order, state.core().riskInputs(work.current()).orElse(null));
    return Effect().noReply();
  }

  /** The risk gate answered (or did not): the core's venue takes the order unless a check refuses it. */
  private ReplyEffect<Event, SessionState> onRiskAnswered(SessionState state, RiskAnswered answer) {
    Order order = answer.order();
    if (!bars.isInFlight(order.id())) {
      context.getLog().warn("session {}: ignored a late answer of the risk gate about order {} (asked before a "
          + "restart)", plan.id(), order.id());
      return Effect().noReply();
    }
    children.riskAnswered();
    BatchWork work = bars.current();
    if (answer.failure() != null) {
      work.record(steps.orderUpdates(List.of(steps.riskUnanswered(order.id(), answer.failure()))));
    } else {
      OrderEvent taken = state.core().submit(order, work.current(), answer.decision(),
          steps.admission(state, stopping), now());
      work.record(steps.checked(order.id(), answer.decision(), taken));
    }
    return nextOrder(state);
  }

  /**
   * Persists the batch's events in one write, then acknowledges its bars and takes the next delivery waiting. Bars
   * that changed nothing (their only events are {@link Event.BarProcessed}) are acknowledged at once and their events
   * wait for the next write ({@link UnjournaledBars}), which a full journal batch makes now.
   */
  private ReplyEffect<Event, SessionState> finishBatch(SessionState state) {
    List<Event> events = bars.current().takePending();
    SessionSettings.JournalBatch batch = settings.journalBatch();
    if (batch.bars() > 1 && events.stream().allMatch(event -> event instanceof Event.BarProcessed)) {
      if (unjournaled.isEmpty() && !events.isEmpty()) {
        timers.startSingleTimer(JournalBatchDue.INSTANCE, batch.within());
      }
      events.forEach(event -> unjournaled.add((Event.BarProcessed) event));
      bars.finish();
      return unjournaled.size() >= batch.bars() ? persist(state, List.of(), s -> { }) : Effect().noReply();
    }
    return persist(state, events, s -> bars.finish());
  }

  // ---- out-of-band events

  /** A switch covering the session was killed: every resting and held order is canceled now. */
  private ReplyEffect<Event, SessionState> onKilled(SessionState state, Killed killed) {
    if (!state.hasStarted() || state.isStopped() || stopping) {
      return Effect().noReply();
    }
    OpenOrderCanceller.CancelOpenOrders cancel = (OpenOrderCanceller.CancelOpenOrders) killed.command();
    String reason = "kill switch " + cancel.reason();
    List<OrderEvent> cancels = new ArrayList<>(restored.cancelAll(reason));
    cancels.addAll(state.core().cancelAll(reason, now()));
    if (cancels.isEmpty()) {
      return Effect().noReply();
    }
    context.getLog().warn("session {}: kill switch {} canceled {} resting order(s)", plan.id(),
        cancel.scope().value(), cancels.size());
    return persistOutOfBand(state, steps.orderUpdates(cancels));
  }

  private ReplyEffect<Event, SessionState> onRecheckRestore(SessionState state, RecheckRestore recheck) {
    if (state.isStopped() || stopping) {
      return Effect().noReply();
    }
    return persistOutOfBand(state, steps.orderUpdates(restored.recheck(state.core())));
  }

  /** The runner exhausted its budget; a bar it was deciding on (its message lost) is finished without it. */
  private ReplyEffect<Event, SessionState> onStrategyTerminated(SessionState state, StrategyTerminated terminated) {
    if (!children.strategyTerminated(terminated.generation())) {
      return Effect().noReply();
    }
    if (bars.current() != null && bars.current().awaitingStrategy()) {
      children.answerStrategyStopped(bars.current().askedFirst());
    }
    if (state.isStopped() || state.strategyStopped()) {
      return Effect().noReply();
    }
    String reason = children.strategyBudgetExhausted();
    return persistOutOfBand(state, List.of(new Event.StrategyStopped(reason, now())));
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
    String reason = liveness.staleDataNoticed(lastProcessed(state));
    return persistOutOfBand(state, List.of(new Event.MarketDataWentStale(reason, now())));
  }

  /**
   * Persists events that happened outside the bar in flight, after the events that bar's steps produced so far: the
   * journal keeps the order in which the core did things, which is the order a recovery applies them in.
   */
  private ReplyEffect<Event, SessionState> persistOutOfBand(SessionState state, List<Event> events) {
    if (events.isEmpty() && unjournaled.isEmpty()) {
      return Effect().noReply();
    }
    List<Event> all = new ArrayList<>(bars.current() == null ? List.of() : bars.current().takePending());
    all.addAll(events);
    return persist(state, all, s -> { });
  }

  /**
   * Persists the bars waiting to be journaled and then {@code events}, with their run-log lines, then runs
   * {@code then}; see {@link RunLogEffects}.
   */
  private ReplyEffect<Event, SessionState> persist(SessionState state, List<Event> events,
      Procedure<SessionState> then) {
    List<Event> all = new ArrayList<>(takeUnjournaled());
    all.addAll(events);
    return runLogged.persist(state, all, then);
  }

  private List<Event> takeUnjournaled() {
    timers.cancel(JournalBatchDue.INSTANCE);
    return unjournaled.takeAll();
  }

  private Instant now() {
    return deps.clock().instant();
  }

  /** The view, the bars waiting to be journaled included (they are not written for it). */
  private SessionView view(SessionState state) {
    return state.view(member(), unjournaled.bars()).catchingUp(state.isStopped() ? null : progress.describe());
  }

  /** This node's address, which the session's views carry: the member running it. */
  private String member() {
    return context.getSystem().address().toString();
  }

  @Override
  public EventHandler<SessionState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onAnyEvent((state, event) -> (state == empty ? freshState() : state).apply(event, recovering));
  }

  @Override
  public SignalHandler<SessionState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), this::onRecovered)
        .onSignal(PreRestart.instance(), state -> {
          recovering = true;
          unjournaled.clear();
          feed.disconnect();
        })
        .onSignal(PostStop.instance(), state -> feed.disconnect())
        .build();
  }
}
