package org.peaktrade.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.BTC;
import static org.peaktrade.engine.fixtures.Bars.BTC_USD;
import static org.peaktrade.engine.fixtures.Bars.MINUTE;
import static org.peaktrade.engine.fixtures.Bars.T0;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.backtest.BacktestConfig;
import org.peaktrade.engine.backtest.BacktestEngine;
import org.peaktrade.engine.backtest.BacktestProgress;
import org.peaktrade.engine.backtest.BacktestResult;
import org.peaktrade.engine.execution.BarFillModel;
import org.peaktrade.engine.execution.EntryStyle;
import org.peaktrade.engine.execution.ExecutionPipeline;
import org.peaktrade.engine.execution.FeeModel;
import org.peaktrade.engine.execution.ParticipationLimit;
import org.peaktrade.engine.execution.Sizing;
import org.peaktrade.engine.execution.SlippageModel;
import org.peaktrade.engine.fixtures.ScriptedStrategy;
import org.peaktrade.engine.portfolio.Ledger;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Liquidity;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;

/**
 * A paper session without a participation limit, fed bar by bar, must trade exactly like the backtest: random bars
 * (with gaps), random strategy scripts and random execution settings go through {@link BacktestEngine} and through a
 * session-style loop around {@link PaperVenue}, {@link OrderTracker} and the same {@link ExecutionPipeline}.
 */
class PaperVenueBacktestParityTest {
  private static final int SCENARIOS = 300;
  private static final int BARS = 120;

  @Test
  void aPaperSessionFillsExpiresAndCancelsExactlyLikeTheBacktest() {
    int makerFills = 0;
    int expired = 0;
    int cancelled = 0;
    for (long seed = 1; seed <= SCENARIOS; seed++) {
      Scenario scenario = Scenario.random(seed);
      BacktestResult backtest = new BacktestEngine(BTC_USD, scenario.config)
          .run(scenario.bars, new ScriptedStrategy(scenario.script), BacktestProgress.NONE);
      PaperRun paper = PaperRun.of(scenario);

      String context = "seed " + seed + " " + scenario.config;
      assertThat(paper.fills).as(context).isEqualTo(backtest.fills());
      assertThat(paper.expired).as(context).isEqualTo(backtest.expiredOrders());
      assertThat(paper.cancelled).as(context).isEqualTo(backtest.cancelledOrders());
      assertThat(paper.venue.resting()).as(context).isEqualTo(backtest.openOrders());
      assertThat(paper.tracker.open()).extracting(OrderState::order).as(context).isEqualTo(backtest.openOrders());
      assertThat(paper.ledger.cash()).as(context).isEqualTo(backtest.finalCash());
      makerFills += (int) paper.fills.stream().filter(f -> f.liquidity() == Liquidity.MAKER).count();
      expired += paper.expired.size();
      cancelled += paper.cancelled.size();
    }
    assertThat(makerFills).as("scenarios with resting limit fills").isPositive();
    assertThat(expired).as("scenarios with expiries").isPositive();
    assertThat(cancelled).as("scenarios with cancels").isPositive();
  }

  /** What a session would do per bar: venue first, then the strategy, then cancel and submit on a target change. */
  private static final class PaperRun {
    final PaperVenue venue;
    final OrderTracker tracker = new OrderTracker();
    final Ledger ledger;
    final List<Fill> fills = new ArrayList<>();
    final List<Order> expired = new ArrayList<>();
    final List<Order> cancelled = new ArrayList<>();

    private PaperRun(Scenario scenario) {
      BacktestConfig config = scenario.config;
      venue = new PaperVenue(new BarFillModel(config.fees(), config.slippage(), BTC_USD), ParticipationLimit.NONE);
      ledger = new Ledger(config.startingCash());
    }

    static PaperRun of(Scenario scenario) {
      PaperRun run = new PaperRun(scenario);
      BacktestConfig config = scenario.config;
      ExecutionPipeline pipeline =
          new ExecutionPipeline("bt", BTC_USD, config.sizing(), config.entry(), config.allowShort());
      ScriptedStrategy strategy = new ScriptedStrategy(scenario.script);
      for (Bar bar : scenario.bars) {
        venue(run, bar);
        Direction wanted = strategy.onBar(bar);
        if (pipeline.changes(wanted)) {
          ExecutionPipeline.TargetChange change = pipeline.onTarget(wanted, run.ledger.position(BTC).quantity(),
              bar.close(), () -> run.ledger.equity(BTC, bar.close()), bar.closeTime()).orElseThrow();
          for (Order resting : run.venue.resting()) {
            run.apply(run.venue.cancel(resting.id(), "target changed", bar.closeTime()).orElseThrow());
            run.cancelled.add(resting);
          }
          for (Order order : change.orders()) {
            run.apply(new OrderEvent.Placed(order));
            run.apply(run.venue.submit(order, bar.closeTime()));
          }
        }
      }
      return run;
    }

    private static void venue(PaperRun run, Bar bar) {
      for (OrderEvent event : run.venue.onBar(bar)) {
        run.apply(event);
        if (event instanceof OrderEvent.Filled filled) {
          run.fills.add(filled.fill());
          run.ledger.apply(filled.fill());
        } else if (event instanceof OrderEvent.Expired) {
          run.expired.add(run.tracker.get(event.orderId()).orElseThrow().order());
        }
      }
    }

    private void apply(OrderEvent event) {
      assertThat(tracker.apply(event)).isInstanceOf(Transition.Applied.class);
    }
  }

  private record Scenario(List<Bar> bars, Direction[] script, BacktestConfig config) {

    static Scenario random(long seed) {
      Random random = new Random(seed);
      return new Scenario(bars(random), script(random), config(random));
    }

    private static List<Bar> bars(Random random) {
      List<Bar> bars = new ArrayList<>(BARS);
      long close = 1_000;
      long slot = 0;
      for (int i = 0; i < BARS; i++) {
        slot += random.nextInt(20) == 0 ? 2 + random.nextInt(3) : 1;
        long open = Math.max(10, close + random.nextInt(7) - 3);
        close = Math.max(10, open + random.nextInt(41) - 20);
        long high = Math.max(open, close) + random.nextInt(11);
        long low = Math.max(1, Math.min(open, close) - random.nextInt(11));
        bars.add(new Bar(BTC, T0.plus(MINUTE.multipliedBy(slot)), MINUTE, tick(open), tick(high), tick(low),
            tick(close), new Quantity(BigDecimal.valueOf(random.nextInt(5_000), 2))));
      }
      return bars;
    }

    private static Price tick(long ticks) {
      return new Price(BigDecimal.valueOf(ticks, 1));
    }

    private static Direction[] script(Random random) {
      Direction[] script = new Direction[BARS];
      Direction current = Direction.FLAT;
      for (int i = 0; i < BARS; i++) {
        if (random.nextInt(10) < 3) {
          current = Direction.values()[random.nextInt(3)];
        }
        script[i] = current;
      }
      return script;
    }

    private static BacktestConfig config(Random random) {
      Sizing sizing = switch (random.nextInt(3)) {
        case 0 -> new Sizing.FixedQuantity(BigDecimal.valueOf(1 + random.nextInt(300), 2));
        case 1 -> new Sizing.FixedNotional(BigDecimal.valueOf(100 + random.nextInt(5_000)));
        default -> new Sizing.EquityPercent(BigDecimal.valueOf(10 + random.nextInt(91)));
      };
      FeeModel fees =
          new FeeModel(BigDecimal.valueOf(random.nextInt(201), 1), BigDecimal.valueOf(random.nextInt(401), 1));
      SlippageModel slippage = new SlippageModel(BigDecimal.valueOf(random.nextInt(21)));
      BigDecimal offset = BigDecimal.valueOf(random.nextInt(1_501), 1);
      int validBars = 1 + random.nextInt(4);
      EntryStyle entry = switch (random.nextInt(3)) {
        case 0 -> EntryStyle.MARKET;
        case 1 -> new EntryStyle.Limit(offset, validBars);
        default -> new EntryStyle.Stop(offset, validBars);
      };
      return new BacktestConfig(Money.of("10000"), sizing, fees, slippage, entry, random.nextBoolean());
    }
  }
}
