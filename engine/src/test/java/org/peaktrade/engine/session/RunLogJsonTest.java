package org.peaktrade.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.engine.fixtures.Bars.BTC;
import static org.peaktrade.engine.fixtures.Bars.T0;
import static org.peaktrade.engine.fixtures.Orders.id;
import static org.peaktrade.engine.fixtures.Orders.limit;
import static org.peaktrade.engine.fixtures.Orders.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Liquidity;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;
import org.peaktrade.protocol.session.SessionStatus;

/** The run log's lines against {@code session/run-log.golden.jsonl}: a changed shape must change that file too. */
class RunLogJsonTest {
  private static final String SESSION = "paper-1";
  private static final Instant AT = T0.plusSeconds(60).plusMillis(250);

  /** One entry of every kind, with the edge cases: null price, tiny and large decimals, refusals, no violations. */
  static List<RunLogEntry> entries() {
    Order limit = limit(1, Side.BUY, "0.00000005", "46250.5", 3);
    Order market = market(2, Side.SELL, "1200");
    Fill fill = new Fill(limit.id(), BTC, Side.BUY, Quantity.of("0.00000002"), Price.of("46250.5"),
        Money.of("0.00000092501"), Liquidity.MAKER, T0.plusSeconds(60));
    OrderTracker tracker = new OrderTracker();
    Transition placed = tracker.apply(new OrderEvent.Placed(limit));
    tracker.apply(new OrderEvent.Accepted(limit.id(), AT));
    Transition filled = tracker.apply(new OrderEvent.Filled(fill));
    Transition canceled = tracker.apply(new OrderEvent.Canceled(limit.id(), "target changed", AT));
    Transition late = tracker.apply(new OrderEvent.Filled(fill));
    RiskDecision blocked = RiskDecision.of(List.of(
        new RiskViolation(RiskCheck.MAX_ORDER_NOTIONAL, RiskSeverity.BREACH, new BigDecimal("50000"),
            new BigDecimal("55500000"), "order notional 55500000 exceeds 50000"),
        new RiskViolation(RiskCheck.MAX_ORDER_QUANTITY, RiskSeverity.WARNING, new BigDecimal("1500"),
            new BigDecimal("1200"), "order quantity 1200 is at 80% of 1500"),
        new RiskViolation(RiskCheck.SYMBOL_NOT_ALLOWED, RiskSeverity.BREACH, null, null,
            "BTC/USD is not on the allowlist [ETH/USD]")));
    return List.of(
        new RunLogEntry.DecisionEntry(SESSION, AT, T0.plusSeconds(60), Direction.SHORT, Direction.FLAT,
            Price.of("46250.5"), List.of(limit.id(), market.id())),
        new RunLogEntry.DecisionEntry(SESSION, AT, T0.plusSeconds(60), Direction.LONG, Direction.LONG,
            Price.of("46250.5"), List.of()),
        RunLogEntry.OrderEntry.of(SESSION, AT, limit),
        RunLogEntry.OrderEntry.of(SESSION, AT, market),
        RunLogEntry.RiskEntry.of(SESSION, AT, limit.id(), RiskDecision.of(List.of())),
        RunLogEntry.RiskEntry.of(SESSION, AT, market.id(), blocked),
        RunLogEntry.FillEntry.of(SESSION, AT, fill),
        RunLogEntry.TransitionEntry.of(SESSION, AT, placed),
        RunLogEntry.TransitionEntry.of(SESSION, AT, filled),
        RunLogEntry.TransitionEntry.of(SESSION, AT, canceled),
        RunLogEntry.TransitionEntry.of(SESSION, AT, late),
        RunLogEntry.TransitionEntry.of(SESSION, AT, tracker.apply(new OrderEvent.Expired(id(7), AT))),
        new RunLogEntry.StatusEntry(SESSION, AT, null, SessionStatus.RUNNING, "started"),
        new RunLogEntry.StatusEntry(SESSION, AT, SessionStatus.RUNNING, SessionStatus.PAUSED,
            "market data stale: no bar since 2022-01-01T00:00:00Z"));
  }

  private static List<String> golden() {
    try (InputStream in = RunLogJsonTest.class.getResourceAsStream("/session/run-log.golden.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void writesEveryEntryKindExactlyAsTheGoldenFile() {
    List<String> lines = entries().stream().map(RunLogJson::line).toList();

    assertThat(lines).containsExactlyElementsOf(golden());
  }

  @Test
  void writesManyEntriesAsTheGoldenFilesLinesEachEndingInALineBreak() throws IOException {
    byte[] lines = RunLogJson.lines(entries());

    try (InputStream in = RunLogJsonTest.class.getResourceAsStream("/session/run-log.golden.jsonl")) {
      assertThat(new String(lines, StandardCharsets.UTF_8))
          .isEqualTo(String.join("\n", golden()) + "\n")
          .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertThat(RunLogJson.lines(List.of())).isEmpty();
  }

  @Test
  void readsTheGoldenFileBackIntoEqualEntries() {
    List<RunLogEntry> read = golden().stream().map(RunLogJson::parse).toList();

    assertThat(read).containsExactlyElementsOf(entries());
  }

  @Test
  void refusesALineWithAnUnknownField() {
    String line = golden().get(0).replace("{\"type\":\"decision\",", "{\"type\":\"decision\",\"extra\":1,");

    assertThatThrownBy(() -> RunLogJson.parse(line)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("extra");
  }
}
