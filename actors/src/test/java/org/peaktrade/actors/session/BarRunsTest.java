package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.session.TradingSession.Event;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Symbol;

class BarRunsTest {
  private static final Instant AT = Instant.parse("2026-12-07T00:00:00Z");

  private static Event.BarProcessed processed(long minute, Direction wanted) {
    return new Event.BarProcessed(Bars.minute(minute), wanted, null, AT);
  }

  @Test
  void consecutiveAnsweredBarsBecomeOneRunBetweenTheEventsAroundThem() {
    Event started = new Event.Started(AT);
    Event stale = new Event.MarketDataWentStale("no bar", AT);
    List<Event> events = List.of(started, processed(0, Direction.FLAT), processed(1, Direction.LONG),
        processed(2, Direction.SHORT), stale, processed(3, Direction.FLAT));

    List<Event> compacted = BarRuns.compact(events);

    assertThat(compacted).hasSize(4);
    assertThat(compacted.get(0)).isEqualTo(started);
    assertThat(compacted.get(1)).isInstanceOf(Event.BarsProcessed.class);
    assertThat(compacted.get(2)).isEqualTo(stale);
    assertThat(compacted.get(3)).as("a run of one stays a single event").isEqualTo(events.get(5));
    assertThat(BarRuns.expand((Event.BarsProcessed) compacted.get(1))).as("the very same bars and answers")
        .containsExactly(processed(0, Direction.FLAT), processed(1, Direction.LONG), processed(2, Direction.SHORT));
  }

  @Test
  void aBarTheStrategyFailedOnEndsTheRunAndStaysAsItWas() {
    Event.BarProcessed failed = new Event.BarProcessed(Bars.minute(2), null, "boom", AT);
    List<Event> events = List.of(processed(0, Direction.FLAT), processed(1, Direction.FLAT), failed,
        processed(3, Direction.FLAT), processed(4, Direction.LONG));

    List<Event> compacted = BarRuns.compact(events);

    assertThat(compacted).hasSize(3);
    assertThat(compacted.get(1)).isEqualTo(failed);
    assertThat(SessionJournal.expanded(compacted)).isEqualTo(events);
  }

  @Test
  void barsOfAnotherSeriesStartAnotherRunAndDecimalsComeBackExactly() {
    Bar eth = new Bar(Symbol.of("ETH/USD"), Bars.T0, Bars.MINUTE, Price.of("3001.125"), Price.of("3010"),
        Price.of("2999.00000001"), Price.of("3005.5"), Quantity.of("0.00012345"));
    Bar ethNext = new Bar(Symbol.of("ETH/USD"), Bars.T0.plus(Bars.MINUTE), Bars.MINUTE, Price.of("3005.5"),
        Price.of("3006"), Price.of("3004"), Price.of("3005"), Quantity.of("12"));
    List<Event> events = List.of(processed(0, Direction.FLAT), processed(1, Direction.FLAT),
        new Event.BarProcessed(eth, Direction.LONG, null, AT), new Event.BarProcessed(ethNext, Direction.FLAT, null,
            AT));

    List<Event> compacted = BarRuns.compact(events);

    assertThat(compacted).hasSize(2).allMatch(Event.BarsProcessed.class::isInstance);
    assertThat(SessionJournal.expanded(compacted)).isEqualTo(events);
  }
}
