package org.peaktrade.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.BTC;
import static org.peaktrade.engine.fixtures.Bars.MINUTE;
import static org.peaktrade.engine.fixtures.Bars.bar;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;

class CandleAssemblerTest {
  private final CandleAssembler assembler = new CandleAssembler(BTC, MINUTE);

  @Test
  void theFormingCandleIsNeverEmittedAndUpdatesReplaceIt() {
    assertThat(assembler.onRunningCandle(bar(0, "100", "101", "99", "100")).closed()).isEmpty();
    assertThat(assembler.onRunningCandle(bar(0, "100", "103", "99", "102")).closed()).isEmpty();

    assertThat(assembler.forming()).contains(bar(0, "100", "103", "99", "102"));
  }

  @Test
  void aLaterCandleClosesTheLastVersionOfTheFormingOne() {
    assembler.onRunningCandle(bar(0, "100", "101", "99", "100"));
    assembler.onRunningCandle(bar(0, "100", "103", "99", "102"));

    List<Bar> closed = assembler.onRunningCandle(bar(1, "102", "102", "102", "102")).closed();

    assertThat(closed).containsExactly(bar(0, "100", "103", "99", "102"));
  }

  @Test
  void intervalsWithoutTradesBecomeFlatBarsAtThePreviousCloseAsInRest() {
    assembler.onRunningCandle(bar(0, "100", "101", "99", "100.5"));

    List<Bar> closed = assembler.onRunningCandle(bar(3, "101", "101", "101", "101")).closed();

    assertThat(closed).hasSize(3);
    Bar flat = closed.get(1);
    assertThat(flat.openTime()).isEqualTo(bar(1, "1", "1", "1", "1").openTime());
    assertThat(List.of(flat.open(), flat.high(), flat.low(), flat.close())).containsOnly(Price.of("100.5"));
    assertThat(flat.volume()).isEqualTo(Quantity.ZERO);
    assertThat(closed.get(2).openTime()).isEqualTo(bar(2, "1", "1", "1", "1").openTime());
  }

  @Test
  void anOlderCandleIsRejectedAndChangesNothing() {
    assembler.onRunningCandle(bar(5, "100", "101", "99", "100"));

    CandleAssembler.Outcome outcome = assembler.onRunningCandle(bar(4, "100", "101", "99", "100"));

    assertThat(outcome.rejected()).isTrue();
    assertThat(outcome.rejection()).contains("older than the forming candle");
    assertThat(assembler.forming().orElseThrow().openTime()).isEqualTo(bar(5, "1", "1", "1", "1").openTime());
  }
}
