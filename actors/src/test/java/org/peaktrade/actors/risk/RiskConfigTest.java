package org.peaktrade.actors.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.protocol.Symbol;

class RiskConfigTest {
  private static final Config CONFIG = ConfigFactory.parseString("""
      peaktrade.risk {
        defaults { max-order-notional = 5000, max-price-age = 10s, warning-fraction = 0.9 }
        portfolios {
          conservative { max-order-notional = 1000, max-daily-loss-pct = 2, allowed-symbols = ["BTC/USD"] }
        }
        sessions {
          "s-1" { portfolio = conservative, max-orders-per-window = 5, order-window = 30s }
        }
      }
      """);

  @Test
  void defaultsApplyWithoutPortfolioOrSession() {
    RiskLimits limits = RiskConfig.limits(CONFIG, null, null);

    assertThat(limits.maxOrderNotional()).isEqualByComparingTo("5000");
    assertThat(limits.maxPriceAge()).isEqualTo(Duration.ofSeconds(10));
    assertThat(limits.maxDailyLossPct()).isNull();
  }

  @Test
  void aPortfolioOverridesTheDefaults() {
    RiskLimits limits = RiskConfig.limits(CONFIG, "conservative", null);

    assertThat(limits.maxOrderNotional()).isEqualByComparingTo("1000");
    assertThat(limits.maxDailyLossPct()).isEqualByComparingTo("2");
    assertThat(limits.allowedSymbols()).isEqualTo(Set.of(Symbol.of("BTC/USD")));
    assertThat(limits.warningFraction()).isEqualByComparingTo("0.9");
  }

  @Test
  void aSessionOverridesItsPortfolio() {
    RiskLimits limits = RiskConfig.limits(CONFIG, null, "s-1");

    assertThat(limits.maxOrderNotional()).isEqualByComparingTo("1000");
    assertThat(limits.maxOrdersPerWindow()).isEqualTo(5);
    assertThat(limits.orderWindow()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aTypoInALimitNameFailsWithItsPath() {
    Config typo = ConfigFactory.parseString("peaktrade.risk.defaults { max-order-notinal = 5 }");

    assertThatThrownBy(() -> RiskConfig.limits(typo, null, null))
        .hasMessageContaining("peaktrade.risk.defaults.max-order-notinal")
        .hasMessageContaining("max-order-notional");
  }

  @Test
  void anUnknownPortfolioListsTheKnownOnes() {
    assertThatThrownBy(() -> RiskConfig.limits(CONFIG, "yolo", null))
        .hasMessageContaining("yolo").hasMessageContaining("[conservative]");
  }

  @Test
  void aNegativeLimitFailsWithWhereItIs() {
    Config bad = ConfigFactory.parseString("peaktrade.risk.portfolios.p { max-drawdown-pct = -3 }");

    assertThatThrownBy(() -> RiskConfig.limits(bad, "p", null))
        .hasMessageContaining("peaktrade.risk.portfolios.p").hasMessageContaining("max-drawdown-pct must be positive");
  }

  @Test
  void aMalformedNumberFailsWithItsPath() {
    Config bad = ConfigFactory.parseString("peaktrade.risk.defaults { max-daily-loss = lots }");

    assertThatThrownBy(() -> RiskConfig.limits(bad, null, null))
        .hasMessageContaining("max-daily-loss").hasMessageContaining("'lots'");
  }

  @Test
  void validatingAllFailsOnABadLimitOfAPortfolioNoSessionUses() {
    Config bad = ConfigFactory.parseString("peaktrade.risk.portfolios.unused { max-drawdown-pct = lots }")
        .withFallback(CONFIG);

    assertThatThrownBy(() -> RiskConfig.validateAll(bad))
        .hasMessageContaining("peaktrade.risk.portfolios.unused.max-drawdown-pct");
  }

  @Test
  void validatingAllFailsOnASessionThatNamesAnUnknownPortfolio() {
    Config bad = ConfigFactory.parseString("peaktrade.risk.sessions.s-2 { portfolio = agressive }")
        .withFallback(CONFIG);

    assertThatThrownBy(() -> RiskConfig.validateAll(bad))
        .hasMessageContaining("unknown risk portfolio 'agressive'; known: [conservative]");
  }

  @Test
  void validatingAllAcceptsEveryValidSection() {
    assertThatCode(() -> RiskConfig.validateAll(CONFIG)).doesNotThrowAnyException();
  }
}
