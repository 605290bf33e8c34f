package org.peaktrade.actors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.engine.marketdata.BarValidator.Reason;

class RejectionLogTest {
  private final AdvanceableClock clock = new AdvanceableClock(Bars.T0);
  private final List<String> lines = new ArrayList<>();
  private final RejectionLog log = new RejectionLog(Duration.ofSeconds(10), clock, lines::add);

  @Test
  void writesOneLinePerReasonPerIntervalAndCountsTheRest() {
    log.rejected(Reason.DUPLICATE, "d1");
    log.rejected(Reason.DUPLICATE, "d2");
    log.rejected(Reason.OUT_OF_ORDER, "o1");
    clock.advance(Duration.ofSeconds(9));
    log.rejected(Reason.DUPLICATE, "d3");

    assertThat(lines).containsExactly("Rejected (DUPLICATE): d1", "Rejected (OUT_OF_ORDER): o1");
  }

  @Test
  void reportsTheSuppressedCountWithTheNextLineAfterTheInterval() {
    log.rejected(Reason.DUPLICATE, "d1");
    log.rejected(Reason.DUPLICATE, "d2");
    log.rejected(Reason.DUPLICATE, "d3");
    clock.advance(Duration.ofSeconds(10));
    log.rejected(Reason.DUPLICATE, "d4");

    assertThat(lines).containsExactly("Rejected (DUPLICATE): d1",
        "Rejected (DUPLICATE): d4; 2 more DUPLICATE since 2022-01-01T00:00:00Z");
  }
}
