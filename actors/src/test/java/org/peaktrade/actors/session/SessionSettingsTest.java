package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.watchdog.RestartBudget;
import org.peaktrade.engine.execution.EntryStyle;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Symbol;

class SessionSettingsTest {

  private static SessionSettings settings(String overrides) {
    Config config = ConfigFactory.parseString(overrides + "\npeaktrade.data-dir = \"/var/peaktrade\"")
        .withFallback(ConfigFactory.load());
    return SessionSettings.fromConfig(config);
  }

  @Test
  void readsTheDocumentedDefaultsFromReferenceConf() {
    SessionSettings settings = settings("");

    assertThat(settings.recoveryBars()).isEqualTo(10_000);
    assertThat(settings.equityPoints()).isEqualTo(10_000);
    assertThat(settings.snapshotEvery()).isEqualTo(20);
    assertThat(settings.askTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.staleAfterBars()).isEqualTo(3);
    assertThat(settings.firstBarTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.escalateStaleData()).isFalse();
    assertThat(settings.strategyRestartBudget()).isEqualTo(RestartBudget.fromConfig(ConfigFactory.load()));
    assertThat(settings.entry()).isEqualTo(EntryStyle.MARKET);
    assertThat(settings.allowShort()).isFalse();
    assertThat(settings.runLog()).isTrue();
  }

  @Test
  void theRunLogOfASessionLivesUnderTheDataDir() {
    assertThat(settings("").runLogFile("shadow-1"))
        .isEqualTo(Path.of("/var/peaktrade/sessions/shadow-1/run-log.jsonl"));
  }

  @Test
  void aListedSymbolOverridesOnlyWhatItNamesAndOthersTakeTheDefaultInstrument() {
    SessionSettings settings = settings("peaktrade.sessions.instruments.\"ETH/USD\".min-quantity = 0.01");

    assertThat(settings.instrument(Symbol.of("BTC/USD"))).isEqualTo(new Instrument(Symbol.of("BTC/USD"),
        new BigDecimal("0.1"), new BigDecimal("0.00000001"), BigDecimal.ZERO));
    assertThat(settings.instrument(Symbol.of("ETH/USD"))).isEqualTo(new Instrument(Symbol.of("ETH/USD"),
        new BigDecimal("0.01"), new BigDecimal("0.00000001"), new BigDecimal("0.01")));
    assertThat(settings.instrument(Symbol.of("DOGE/USD")).tickSize()).isEqualByComparingTo("0.00001");
  }

  @Test
  void aRecoveryBoundBelowOneFailsNamingTheKey() {
    assertThatThrownBy(() -> settings("peaktrade.sessions.recovery-bars = 0"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("peaktrade.sessions.recovery-bars");
  }

  @Test
  void anUnknownEntryStyleFailsNamingTheKey() {
    assertThatThrownBy(() -> settings("peaktrade.sessions.entry = twap"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("peaktrade.sessions.entry")
        .hasMessageContaining("unknown entry 'twap'");
  }

  @Test
  void aHeartbeatTimeoutNotLongerThanTheIntervalFails() {
    assertThatThrownBy(() -> settings("peaktrade.sessions { heartbeat-interval = 10s, heartbeat-timeout = 10s }"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("peaktrade.sessions.heartbeat-timeout");
  }

  @Test
  void aNonPositiveTickSizeFailsNamingTheInstrument() {
    assertThatThrownBy(() -> settings("peaktrade.sessions.instruments.\"BTC/USD\".tick-size = 0"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("peaktrade.sessions.instruments.\"BTC/USD\"");
  }
}
