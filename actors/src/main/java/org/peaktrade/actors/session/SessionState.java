package org.peaktrade.actors.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.peaktrade.actors.session.TradingSession.Event;
import org.peaktrade.engine.portfolio.EquityMarks;
import org.peaktrade.engine.portfolio.Ledger;
import org.peaktrade.engine.portfolio.LedgerState;
import org.peaktrade.engine.portfolio.Position;
import org.peaktrade.engine.session.OrderState;
import org.peaktrade.engine.session.Transition;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.engine.trading.TradingCore;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.OrderStatus;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.session.EquityPoint;
import org.peaktrade.protocol.session.PositionView;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.session.SessionStatus;
import org.peaktrade.protocol.session.SessionView;

/**
 * Everything a {@link TradingSession} knows, rebuilt from its events alone: status, the bars seen (the first one's
 * open and the ones the strategy failed on kept for warming up a fresh strategy, whose bars come from the feed's
 * published bars), the pipeline's order sequence and target, its orders ({@link SessionOrders}: the open ones with
 * their lifecycle and a few recently closed, every order counted by status),
 * the number of fills and the exact ledger. Its size does not grow with the session's history: the orders and fills
 * themselves, and the equity curve's fills, are read from the journal when asked ({@link OrderHistory}). Mutable,
 * owned by the session's event handler ({@link #apply}); everything handed out is a copy. A snapshot holds the
 * ledger and the open orders' events ({@link Snapshot}).
 *
 * <p>It also holds the session's {@link TradingCore}, the engine's per-bar step that decides. While the session
 * trades, its command handler drives the core and persists what the core did; the events then update everything
 * else here but not the core, which has done it already. While the session recovers ({@code recovering}), the
 * events are applied to the core too ({@code TradingCore.recover...}), so that it continues from where the journal
 * ends: resting orders with their remainders and ages, the ledger, target and order sequence, the risk account's
 * marks. A snapshot restores open orders and ledger but not the ages of resting orders or the risk marks before it.
 */
final class SessionState {
  private final SessionSpec spec;
  private final int recoveryBars;
  private final int equityPoints;
  private Instant startedAt;
  private String stoppedReason;
  private String strategyStoppedReason;
  private String staleReason;
  private long barsSeen;
  private Bar lastBar;
  private long orderSequence;
  private Direction target = Direction.FLAT;
  /** Its orders; made at the first order event (an idle session has none). */
  private SessionOrders orders;
  private final Ledger ledger;
  private long fills;
  /** The open of the first bar processed: a fresh strategy's warm-up never reaches before it. */
  private Instant firstBarOpen;
  /** The opens of the newest bars the strategy failed on (at most recovery-bars): never shown to it again. */
  private final ArrayDeque<Instant> failedBars = new ArrayDeque<>();
  /** Made on first use: the empty state Pekko keeps for every session never needs one. */
  private TradingCore core;
  private final Supplier<TradingCore> cores;

  /**
   * A bar as snapshots written before stop 31 retained it for warm-up (read back for the first bar processed and the
   * bars the strategy failed on; warm-up bars now come from the feed's published bars, {@code BarFeed}).
   */
  public record RetainedBar(Bar bar, boolean strategySawIt) {}

  /**
   * The state as stored in a snapshot. Since stop 33: {@code ledger} (the account exactly, without its fills),
   * {@code orderEvents} the events of the orders open then (their fills already in {@code ledger}), {@code orders}
   * every order by status and {@code fills} the fills so far; its size does not grow with the session's history.
   * Before stop 33 {@code ledger} was missing and {@code orderEvents} held every order event ever, replayed on load.
   * No bars and no equity marks (the feed's published bars give both back). {@code retained},
   * {@code retainedLines}, {@code equity} and {@code equityLines} are what snapshots held before stop 31 (now
   * written empty; the retained bars are read back for {@code firstBarOpen} and {@code failedBars} when those are
   * missing, the marks are ignored). Any list may be missing (null) in a snapshot read back.
   */
  public record Snapshot(Instant startedAt, String stoppedReason, String strategyStoppedReason, String staleReason,
      long barsSeen, Bar lastBar, long orderSequence, Direction target, List<OrderEvent> orderEvents,
      List<RetainedBar> retained, List<EquityPoint> equity, List<String> retainedLines, List<String> equityLines,
      Instant firstBarOpen, List<Instant> failedBars, LedgerState ledger, Map<OrderStatus, Integer> orders,
      long fills) implements CborSerializable {}

  SessionState(SessionSpec spec, int recoveryBars, int equityPoints, TradingCore core) {
    this(spec, recoveryBars, equityPoints, () -> core);
    Objects.requireNonNull(core, "core");
  }

  /** A state whose core {@code cores} makes when it is first needed. */
  SessionState(SessionSpec spec, int recoveryBars, int equityPoints, Supplier<TradingCore> cores) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.cores = Objects.requireNonNull(cores, "cores");
    this.recoveryBars = recoveryBars;
    this.equityPoints = equityPoints;
    this.ledger = new Ledger(new Money(spec.startingCash()));
  }

  /** Applies {@code event}; to the core as well while {@code recovering} (see the class comment). */
  SessionState apply(Event event, boolean recovering) {
    if (event instanceof Event.Batch batch) {
      batch.events().forEach(inner -> apply(inner, recovering));
    } else if (event instanceof Event.Started started) {
      startedAt = started.at();
    } else if (event instanceof Event.BarProcessed processed) {
      onBar(processed.bar(), processed.strategyFailure() == null);
      if (recovering) {
        core().recoverBar(processed.bar());
      }
    } else if (event instanceof Event.BarsProcessed run) {
      applyRun(run, recovering);
    } else if (event instanceof Event.TargetDecided decided) {
      target = decided.target();
      orderSequence = decided.sequence();
      if (recovering) {
        core().recoverTarget(decided.target(), decided.sequence());
      }
    } else if (event instanceof Event.OrderUpdated updated) {
      applyOrderEvent(updated.change(), recovering);
    } else if (event instanceof Event.RiskChecked checked) {
      if (recovering && lastBar != null) {
        core().recoverRiskChecked(checked.decision(), lastBar.closeTime());
      }
    } else if (event instanceof Event.MarketDataWentStale stale) {
      staleReason = stale.reason();
    } else if (event instanceof Event.MarketDataResumed) {
      staleReason = null;
    } else if (event instanceof Event.StrategyStopped stopped) {
      strategyStoppedReason = stopped.reason();
    } else if (event instanceof Event.Stopped stopped) {
      stoppedReason = stopped.reason();
    }
    return this;
  }

  /**
   * A run of processed bars (the strategy answered every one). A recovery gives each bar to the core as well; the
   * session that just wrote the run only counts its bars and reads its first (when it has none yet) and last lines.
   */
  private void applyRun(Event.BarsProcessed run, boolean recovering) {
    if (recovering) {
      BarRuns.expand(run).forEach(processed -> apply(processed, true));
      return;
    }
    int count = run.bars().size();
    if (firstBarOpen == null) {
      firstBarOpen = BarRuns.bar(run, 0).openTime();
    }
    barsSeen += count;
    lastBar = BarRuns.bar(run, count - 1);
  }

  private void onBar(Bar bar, boolean strategySawIt) {
    barsSeen++;
    lastBar = bar;
    if (firstBarOpen == null) {
      firstBarOpen = bar.openTime();
    }
    if (!strategySawIt) {
      failedBars.addLast(bar.openTime());
      while (failedBars.size() > recoveryBars) {
        failedBars.removeFirst();
      }
    }
  }

  private void applyOrderEvent(OrderEvent event, boolean recovering) {
    if (!(orders().apply(event) instanceof Transition.Applied)) {
      return;
    }
    if (recovering) {
      recoverCore(event);
    }
    if (event instanceof OrderEvent.Filled filled) {
      ledger.apply(filled.fill());
      fills++;
    }
  }

  private SessionOrders orders() {
    if (orders == null) {
      orders = new SessionOrders();
    }
    return orders;
  }

  private List<OrderState> openOrders() {
    return orders == null ? List.of() : orders.open();
  }

  private void recoverCore(OrderEvent event) {
    if (event instanceof OrderEvent.Accepted) {
      core().recoverAccepted(orders().get(event.orderId()).orElseThrow().order());
    } else if (event instanceof OrderEvent.Filled filled) {
      core().recoverFill(filled.fill());
    } else if (event instanceof OrderEvent.Canceled || event instanceof OrderEvent.Expired
        || event instanceof OrderEvent.Rejected) {
      core().recoverEnded(event.orderId());
    }
  }

  Snapshot snapshot() {
    return new Snapshot(startedAt, stoppedReason, strategyStoppedReason, staleReason, barsSeen, lastBar,
        orderSequence, target, orders == null ? List.of() : orders.openEvents(), List.of(), List.of(), List.of(),
        List.of(), firstBarOpen, List.copyOf(failedBars), ledger.state(),
        orders == null ? Map.of() : orders.byStatus(), fills);
  }

  static SessionState fromSnapshot(Snapshot snapshot, SessionSpec spec, int recoveryBars, int equityPoints,
      TradingCore core) {
    SessionState state = new SessionState(spec, recoveryBars, equityPoints, core);
    state.startedAt = snapshot.startedAt();
    state.stoppedReason = snapshot.stoppedReason();
    state.strategyStoppedReason = snapshot.strategyStoppedReason();
    state.staleReason = snapshot.staleReason();
    state.barsSeen = snapshot.barsSeen();
    state.lastBar = snapshot.lastBar();
    state.orderSequence = snapshot.orderSequence();
    state.target = snapshot.target();
    if (snapshot.ledger() == null) {
      orEmpty(snapshot.orderEvents()).forEach(event -> state.applyOrderEvent(event, true));
    } else {
      state.restoreOrders(snapshot, core);
    }
    core.recoverTarget(snapshot.target(), snapshot.orderSequence());
    if (snapshot.lastBar() != null) {
      core.recoverBar(snapshot.lastBar());
    }
    List<RetainedBar> retained = new ArrayList<>(orEmpty(snapshot.retained()));
    retained.addAll(SnapshotLines.retained(spec.symbol(), orEmpty(snapshot.retainedLines())));
    // A snapshot of before stop 31 retained the newest bars instead: the oldest of them is the first bar when fewer
    // than recovery-bars were retained (and no warm-up reaches further back otherwise).
    state.firstBarOpen = snapshot.firstBarOpen() != null ? snapshot.firstBarOpen()
        : retained.isEmpty() ? null : retained.get(0).bar().openTime();
    List<Instant> failed = snapshot.failedBars() != null ? snapshot.failedBars()
        : retained.stream().filter(kept -> !kept.strategySawIt()).map(kept -> kept.bar().openTime()).toList();
    failed.stream().skip(Math.max(0, failed.size() - recoveryBars)).forEach(state.failedBars::addLast);
    return state;
  }

  /**
   * A snapshot of stop 33 or later: the ledger as recorded, then the open orders' events, whose fills it holds
   * already (the tracker and the core's resting orders take them, the ledgers do not).
   */
  private void restoreOrders(Snapshot snapshot, TradingCore core) {
    ledger.restore(snapshot.ledger());
    core.recoverLedger(snapshot.ledger());
    for (OrderEvent event : orEmpty(snapshot.orderEvents())) {
      if (orders().restore(event) instanceof Transition.Applied) {
        if (event instanceof OrderEvent.Filled filled) {
          core.recoverRestingFill(filled.fill());
        } else {
          recoverCore(event);
        }
      }
    }
    if (snapshot.orders() != null && !snapshot.orders().isEmpty()) {
      orders().restoreCounts(snapshot.orders());
    }
    fills = snapshot.fills();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** The session's trading core: driven by the command handler while trading (see the class comment). */
  TradingCore core() {
    if (core == null) {
      core = cores.get();
    }
    return core;
  }

  boolean hasStarted() {
    return startedAt != null;
  }

  boolean isStopped() {
    return stoppedReason != null;
  }

  boolean isStale() {
    return staleReason != null;
  }

  boolean strategyStopped() {
    return strategyStoppedReason != null;
  }

  SessionStatus status() {
    if (stoppedReason != null) {
      return SessionStatus.STOPPED;
    }
    return strategyStoppedReason != null || staleReason != null ? SessionStatus.PAUSED : SessionStatus.RUNNING;
  }

  /** Why the session is PAUSED or STOPPED; null while RUNNING. */
  String statusReason() {
    if (stoppedReason != null) {
      return stoppedReason;
    }
    List<String> reasons = new ArrayList<>(2);
    if (strategyStoppedReason != null) {
      reasons.add(strategyStoppedReason);
    }
    if (staleReason != null) {
      reasons.add(staleReason);
    }
    return reasons.isEmpty() ? null : String.join("; ", reasons);
  }

  /** Whether {@code bar} comes after every bar processed so far (a replay restarted from its beginning does not). */
  boolean isNew(Bar bar) {
    return lastBar == null || bar.openTime().isAfter(lastBar.openTime());
  }

  Bar lastBar() {
    return lastBar;
  }

  long orderSequence() {
    return orderSequence;
  }

  Direction target() {
    return target;
  }

  BigDecimal position() {
    return ledger.position(spec.symbol()).quantity();
  }

  Money equityAt(Price mark) {
    return ledger.equity(spec.symbol(), mark);
  }

  /** The open of the first bar processed; null before it. */
  Instant firstBarOpen() {
    return firstBarOpen;
  }

  /** The opens of the newest bars the strategy failed on (journaled): a fresh strategy is not shown them. */
  List<Instant> failedBars() {
    return List.copyOf(failedBars);
  }

  /**
   * Orders resting at the venue (accepted, not yet filled, canceled or expired), each with its unfilled remainder, in
   * placement order.
   */
  List<Order> restingOrders() {
    return openOrders().stream().filter(o -> o.status().isWorking()).map(SessionState::remainder).toList();
  }

  /**
   * Orders a journal written before the session ran on its trading core left open without the venue's answer: NEW
   * (a restart came between placement and answer) or UNKNOWN (the executor of then did not answer in time).
   */
  List<ClientOrderId> unansweredOrders() {
    return openOrders().stream().filter(o -> o.status() == OrderStatus.NEW || o.status() == OrderStatus.UNKNOWN)
        .map(o -> o.order().id()).toList();
  }

  /**
   * What {@code events} would do to the orders, without applying them; no events (a write of bars only) leaves an
   * idle session without its order part.
   */
  List<Transition> evaluate(List<OrderEvent> events) {
    return events.isEmpty() ? List.of() : orders().evaluateAll(events);
  }

  /** The session as the API shows it, answered by the node at {@code member} (see {@link SessionView}). */
  SessionView view(String member) {
    return view(member, List.of());
  }

  /**
   * The view with {@code waiting} processed too: bars that changed nothing and wait to be journaled (they count as
   * seen, and the newest marks the equity; they changed no order, fill or cash).
   */
  SessionView view(String member, List<Bar> waiting) {
    Bar newest = newest(waiting);
    Money marked = newest == null ? ledger.cash() : equityAt(newest.close());
    return new SessionView(spec, status(), statusReason(), startedAt, barsSeen + waiting.size(),
        newest == null ? null : newest.openTime(), ledger.cash(), marked, ledger.realizedPnl(), ledger.totalFees(),
        position(), openOrders().size(), fills, member).withOrders(orders == null ? Map.of() : orders.byStatus());
  }

  private Bar newest(List<Bar> waiting) {
    return waiting.isEmpty() ? lastBar : waiting.get(waiting.size() - 1);
  }

  List<PositionView> positions() {
    return positions(List.of());
  }

  /** The position marked at the newest bar, {@code waiting} ones included (see {@link #view(String, List)}). */
  List<PositionView> positions(List<Bar> waiting) {
    Position position = ledger.position(spec.symbol());
    Bar newest = newest(waiting);
    if (position.isFlat() || newest == null) {
      return List.of();
    }
    Price mark = newest.close();
    return List.of(new PositionView(spec.symbol(), position.quantity(), position.averageEntryPrice(), mark,
        position.unrealizedPnl(mark)));
  }

  /**
   * The equity curve over {@code bars} (the bars this session processed, oldest first, from the feed's published
   * bars): each bar's close marked with {@code fills} (every fill of the session, read from its journal) of that bar
   * and before booked ({@link EquityMarks}); the newest {@code equity-points} of them.
   */
  List<EquityPoint> equity(List<Bar> bars, List<Fill> fills) {
    List<Bar> newest = bars.subList(Math.max(0, bars.size() - equityPoints), bars.size());
    return EquityMarks.of(new Money(spec.startingCash()), fills, newest);
  }

  private static Order remainder(OrderState state) {
    Order order = state.order();
    return state.filledQuantity().isZero() ? order : new Order(order.id(), order.symbol(), order.side(),
        state.remaining(), order.type(), order.price(), order.createdAt(), order.expiresAfterBars());
  }
}
