package org.peaktrade.actors.marketdata.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.marketdata.KrakenChannel;
import org.peaktrade.engine.marketdata.KrakenSubscription;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

class KrakenFeedSettingsTest {

  private static Config with(String hocon) {
    return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve();
  }

  @Test
  void theDefaultsPointAtKrakenAndSubscribeBtcOneMinuteCandles() {
    KrakenFeedSettings settings = KrakenFeedSettings.fromConfig(ConfigFactory.defaultReference());

    assertThat(settings.wsUri()).isEqualTo(URI.create("wss://ws.kraken.com/v2"));
    assertThat(settings.restUri()).isEqualTo(URI.create("https://api.kraken.com"));
    assertThat(settings.subscriptions()).containsExactly(
        new KrakenSubscription(Symbol.of("BTC/USD"), new KrakenChannel.Ohlc(1)));
    assertThat(settings.silenceTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.staleScope()).isEqualTo(KillSwitchScope.GLOBAL);
    assertThat(settings.restPairs().restPair(Symbol.of("BTC/USD"))).isEqualTo("XBTUSD");
  }

  @Test
  void everySymbolIsSubscribedOnEveryChannel() {
    KrakenFeedSettings settings = KrakenFeedSettings.fromConfig(with(
        "peaktrade.market-data.kraken { symbols = [BTC/USD, ETH/USD], channels = [\"ohlc:5\", trade] }"));

    assertThat(settings.subscriptions()).extracting(KrakenSubscription::toString)
        .containsExactly("BTC/USD ohlc:5", "BTC/USD trade", "ETH/USD ohlc:5", "ETH/USD trade");
  }

  @Test
  void restPairsCanBeConfiguredPerSymbol() {
    KrakenFeedSettings settings = KrakenFeedSettings.fromConfig(with(
        "peaktrade.market-data.kraken.rest-pairs { \"ETH/USD\" = XETHZUSD }"));

    assertThat(settings.restPairs().restPair(Symbol.of("ETH/USD"))).isEqualTo("XETHZUSD");
    assertThat(settings.restPairs().restPair(Symbol.of("DOGE/USD"))).isEqualTo("XDGUSD");
    assertThat(settings.restPairs().restPair(Symbol.of("SOL/EUR"))).isEqualTo("SOLEUR");
  }

  @Test
  void badValuesFailWithTheirKeyPath() {
    List<String[]> cases = List.of(
        new String[] {"channels = [\"ohlc:2\"]", "peaktrade.market-data.kraken.channels[0]"},
        new String[] {"symbols = [btcusd]", "peaktrade.market-data.kraken.symbols[0]"},
        new String[] {"ws-url = \"https://ws.kraken.com/v2\"", "peaktrade.market-data.kraken.ws-url"},
        new String[] {"rest-url = \"not a url\"", "peaktrade.market-data.kraken.rest-url"},
        new String[] {"silence-timeout = 0s", "peaktrade.market-data.kraken.silence-timeout"},
        new String[] {"reconnect.max-backoff = 100ms", "peaktrade.market-data.kraken.reconnect.max-backoff"},
        new String[] {"reconnect.random-factor = 2", "peaktrade.market-data.kraken.reconnect.random-factor"},
        new String[] {"stale-scope = everything", "peaktrade.market-data.kraken.stale-scope"},
        new String[] {"subscriber-buffer = 0", "peaktrade.market-data.kraken.subscriber-buffer"});
    for (String[] bad : cases) {
      assertThatThrownBy(() -> KrakenFeedSettings.fromConfig(with("peaktrade.market-data.kraken." + bad[0])))
          .as(bad[0]).isInstanceOf(ConfigException.class).hasMessageContaining(bad[1]);
    }
  }
}
