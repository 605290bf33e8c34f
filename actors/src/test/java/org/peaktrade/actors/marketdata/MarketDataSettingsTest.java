package org.peaktrade.actors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

class MarketDataSettingsTest {

  private static Config with(String hocon) {
    return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve();
  }

  @Test
  void theDefaultsReplayTheDemoCandlesOfBtcAtSixtyTimesRealTime() {
    MarketDataSettings settings = MarketDataSettings.fromConfig(ConfigFactory.defaultReference());

    assertThat(settings.source()).isEqualTo(MarketDataSettings.Source.REPLAY);
    assertThat(settings.replay()).isEqualTo(new ReplaySettings(Path.of("data/demo/btc-perp-1m-2022-01.csv"),
        Symbol.of("BTC/USD"), ReplaySpeed.times(60), Duration.ofSeconds(30), KillSwitchScope.GLOBAL, false,
        true));
  }

  @Test
  void krakenAsTheSourceKeepsTheReplaySettingsReadToo() {
    MarketDataSettings settings = MarketDataSettings.fromConfig(with("peaktrade.market-data.source = kraken"));

    assertThat(settings.source()).isEqualTo(MarketDataSettings.Source.KRAKEN);
    assertThat(settings.replay().symbol()).isEqualTo(Symbol.of("BTC/USD"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "source = csv                          | peaktrade.market-data.source",
      "replay.symbol = btcusd                | peaktrade.market-data.replay.symbol",
      "replay.speed = fast                   | peaktrade.market-data.replay.speed",
      "replay.stale-after = 0s               | peaktrade.market-data.replay.stale-after",
      "replay.stale-scope = everything       | peaktrade.market-data.replay.stale-scope",
      "kraken.reconnect.random-factor = 2    | peaktrade.market-data.kraken.reconnect.random-factor"})
  void aBadValueOfEitherSourceFailsNamingItsKeyWhicheverSourceIsChosen(String setting, String path) {
    assertThatThrownBy(() -> MarketDataSettings.fromConfig(with("peaktrade.market-data." + setting)))
        .isInstanceOf(ConfigException.class).hasMessageContaining(path);
  }
}
