package org.peaktrade.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  @Test
  void showsCentsForOrdinaryAmountsAndMoreDecimalsForSmallOnes() {
    assertThat(HtmlReport.money(new BigDecimal("734.96535745170568"))).isEqualTo("734.97");
    assertThat(HtmlReport.money(new BigDecimal("-13.14341117"))).isEqualTo("-13.14");
    assertThat(HtmlReport.money(new BigDecimal("10"))).isEqualTo("10.00");
    assertThat(HtmlReport.money(new BigDecimal("0.000123456789"))).isEqualTo("0.00012346");
    assertThat(HtmlReport.money(BigDecimal.ZERO)).isEqualTo("0");
  }
}
