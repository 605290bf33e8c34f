package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.session.TradingSession.Event;
import org.peaktrade.engine.execution.EntryStyle;
import org.peaktrade.engine.execution.FeeModel;
import org.peaktrade.engine.execution.ParticipationLimit;
import org.peaktrade.engine.execution.Sizing;
import org.peaktrade.engine.execution.SlippageModel;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.engine.trading.TradingCore;
import org.peaktrade.engine.trading.TradingTerms;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * A session's snapshot through Pekko's serialization, as it goes into the journal: retained bars and equity marks
 * are written as lines ({@link SnapshotLines}) and read back into exactly the state they came from; a snapshot of the
 * earlier form (object lists, no lines) still reads; and the lines take less than half the bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSnapshotTest {
  private static final Instant AT = Instant.parse("2026-12-07T00:00:00Z");
  private static final SessionSpec SPEC = new SessionSpec("snap", "ma-cross", Map.of(), Bars.BTC, SessionMode.PAPER,
      "qty:1", "default", new BigDecimal("10000"), BigDecimal.ZERO, BigDecimal.ZERO);

  private final ActorTestKit testKit = ActorTestKit.create();
  private final Serialization serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));

  @AfterAll
  void shutDown() {
    testKit.shutdownTestKit();
  }

  private static TradingCore core() {
    return new TradingCore("snap", Instrument.withScales(Bars.BTC, 1, 8), new TradingTerms(new Money(
        new BigDecimal("10000")), Sizing.parse("qty:1"), FeeModel.flat(BigDecimal.ZERO),
        new SlippageModel(BigDecimal.ZERO), EntryStyle.MARKET, false, ParticipationLimit.NONE, RiskLimits.none()));
  }

  /** A state that saw {@code bars} bars of changing prices; the strategy failed on the third. */
  private static SessionState stateAfter(int bars) {
    SessionState state = new SessionState(SPEC, 10_000, 10_000, core()).apply(new Event.Started(AT), false);
    for (int i = 0; i < bars; i++) {
      Price price = Price.of(new BigDecimal("46215.25").add(BigDecimal.valueOf(i, 2)).toPlainString());
      Bar bar = new Bar(Bars.BTC, Bars.T0.plus(Bars.MINUTE.multipliedBy(i)), Bars.MINUTE, price, price, price,
          price, Quantity.of("0.0012345" + (i % 10)));
      state.apply(new Event.BarProcessed(bar, i == 2 ? null : Direction.FLAT, i == 2 ? "boom" : null, AT), false);
    }
    return state;
  }

  private Object roundTrip(Object snapshot) throws Exception {
    return serialization.deserialize(bytes(snapshot), serialization.findSerializerFor(snapshot).identifier(),
        Serializers.manifestFor(serialization.findSerializerFor(snapshot), snapshot)).get();
  }

  private byte[] bytes(Object snapshot) {
    return serialization.serialize(snapshot).get();
  }

  @Test
  void aSnapshotReadBackGivesTheSameRetainedBarsEquityAndView() throws Exception {
    SessionState state = stateAfter(50);

    SessionState.Snapshot snapshot = state.snapshot();
    SessionState read = SessionState.fromSnapshot((SessionState.Snapshot) roundTrip(snapshot), SPEC, 10_000, 10_000,
        core());

    assertThat(snapshot.retained()).isEmpty();
    assertThat(snapshot.retainedLines()).hasSize(50);
    assertThat(read.warmUpBars()).hasSize(49).isEqualTo(state.warmUpBars());
    assertThat(read.equity()).hasSize(50).isEqualTo(state.equity());
    assertThat(read.view("m")).isEqualTo(state.view("m"));
  }

  @Test
  void aSnapshotOfTheEarlierFormWithObjectListsStillReads() throws Exception {
    SessionState state = stateAfter(20);
    SessionState.Snapshot lines = state.snapshot();
    SessionState.Snapshot earlier = new SessionState.Snapshot(lines.startedAt(), lines.stoppedReason(),
        lines.strategyStoppedReason(), lines.staleReason(), lines.barsSeen(), lines.lastBar(),
        lines.orderSequence(), lines.target(), lines.orderEvents(),
        SnapshotLines.retained(Bars.BTC, lines.retainedLines()), SnapshotLines.equity(lines.equityLines()), null,
        null);

    SessionState read = SessionState.fromSnapshot((SessionState.Snapshot) roundTrip(earlier), SPEC, 10_000, 10_000,
        core());

    assertThat(read.warmUpBars()).hasSize(19).isEqualTo(state.warmUpBars());
    assertThat(read.equity()).isEqualTo(state.equity());
  }

  @Test
  void tenThousandRetainedBarsTakeLessThanHalfTheBytesAsLines() {
    SessionState.Snapshot lines = stateAfter(10_000).snapshot();
    SessionState.Snapshot objects = new SessionState.Snapshot(lines.startedAt(), null, null, null, lines.barsSeen(),
        lines.lastBar(), 0, lines.target(), List.of(), SnapshotLines.retained(Bars.BTC, lines.retainedLines()),
        SnapshotLines.equity(lines.equityLines()), null, null);

    assertThat(bytes(lines).length).isLessThan(bytes(objects).length / 2);
  }
}
