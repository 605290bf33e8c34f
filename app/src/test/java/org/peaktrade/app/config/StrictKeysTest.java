package org.peaktrade.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrictKeysTest {

  private static final Config DOCUMENTED = ConfigFactory.parseString("""
      app {
        kill-switch { cooldown = 300s, two-person-rule = false, gate { stale-after = 5s } }
        http { max-body-bytes = 64KiB, port = 8080, host = "127.0.0.1" }
        sessions { recovery-bars = 10, instruments { "BTC/USD" { tick-size = 0.1 } } }
        risk { defaults { warning-fraction = 0.8 }, portfolios {} }
        thresholds = [ { metric = drawdown, threshold = -0.1 } ]
      }
      other.anything = 1
      """);

  private static final StrictKeys KEYS = StrictKeys.documentedBy(DOCUMENTED, "app", List.of(
      OpenSection.named("app.sessions.instruments", Set.of("tick-size", "lot-size")),
      OpenSection.named("app.risk.portfolios", Set.of("max-order-notional", "warning-fraction")),
      OpenSection.keys("app.risk.defaults", Set.of("max-order-notional")),
      OpenSection.list("app.thresholds", Set.of("metric", "threshold", "scope"))),
      Map.of("app.kill-switch.gate.max-age", "app.kill-switch.gate.stale-after"));

  static Stream<Arguments> typos() {
    return Stream.of(
        Arguments.of("app.kill-switch.two-persn-rule = true", "app.kill-switch.two-persn-rule",
            "app.kill-switch.two-person-rule"),
        Arguments.of("app.kill-switch.cooldwon = 60s", "app.kill-switch.cooldwon", "app.kill-switch.cooldown"),
        Arguments.of("app.http.max-body-byts = 1MiB", "app.http.max-body-byts", "app.http.max-body-bytes"),
        Arguments.of("app.sesions.recovery-bars = 5", "app.sesions", "app.sessions"),
        Arguments.of("app.kill-switch.gate.stale-afer = 1s", "app.kill-switch.gate.stale-afer",
            "app.kill-switch.gate.stale-after"),
        Arguments.of("app.two-person-rule = true", "app.two-person-rule", "app.kill-switch.two-person-rule"),
        Arguments.of("app.sessions.instruments.\"ETH/USD\".tick-sise = 0.01",
            "app.sessions.instruments.\"ETH/USD\".tick-sise", "app.sessions.instruments.\"ETH/USD\".tick-size"),
        Arguments.of("app.risk.portfolios.safe.max-order-notionl = 5", "app.risk.portfolios.safe.max-order-notionl",
            "app.risk.portfolios.safe.max-order-notional"),
        Arguments.of("app.risk.defaults.max-oder-notional = 5", "app.risk.defaults.max-oder-notional",
            "app.risk.defaults.max-order-notional"),
        Arguments.of("app.thresholds = [{ metric = x, threshold = 1, scoep = global }]", "app.thresholds[0].scoep",
            "app.thresholds[0].scope"));
  }

  @ParameterizedTest(name = "{1} -> {2}")
  @MethodSource("typos")
  void refusesAnUnknownKeyNamingTheClosestValidOne(String hocon, String path, String suggestion) {
    List<UnknownKey> unknown = KEYS.unknownKeys(parse(hocon));

    assertThat(unknown).extracting(UnknownKey::path, UnknownKey::suggestion)
        .containsExactly(tuple(path, Optional.of(suggestion)));
  }

  static Stream<Arguments> validConfigs() {
    return Stream.of(
        Arguments.of("app.kill-switch.two-person-rule = true"),
        Arguments.of("app.kill-switch.gate.stale-after = 3s"),
        Arguments.of("app.sessions.instruments { \"DOGE/USD\" { lot-size = 1 } }"),
        Arguments.of("app.risk.portfolios { mine { max-order-notional = 10 } }"),
        Arguments.of("app.risk.defaults.max-order-notional = 10"),
        Arguments.of("app.thresholds = [{ metric = x, threshold = 1, scope = global }]"),
        Arguments.of("other.not-ours = 1"),
        Arguments.of(""));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("validConfigs")
  void acceptsDocumentedKeysOpenSectionEntriesAndKeysOutsideTheRoot(String hocon) {
    assertThat(KEYS.unknownKeys(parse(hocon))).isEmpty();
  }

  @Test
  void reportsEveryUnknownKeyAtOnceInPathOrder() {
    List<UnknownKey> unknown = KEYS.unknownKeys(parse("""
        app.sesions.x = 1
        app.kill-switch.cooldwon = 1s
        app.http.max-body-byts = 1
        """));

    assertThat(unknown).extracting(UnknownKey::path)
        .containsExactly("app.http.max-body-byts", "app.kill-switch.cooldwon", "app.sesions");
  }

  @Test
  void namesTheFileAndLineWhereTheUnknownKeyWasSet() {
    Config config = ConfigFactory.parseString("app {\n  kill-switch {\n    two-persn-rule = true\n  }\n}\n",
        ConfigParseOptions.defaults().setOriginDescription("typo.conf"));

    UnknownKey unknown = KEYS.unknownKeys(config).get(0);

    assertThat(unknown.origin()).isEqualTo("typo.conf: 3");
    assertThat(unknown.message()).isEqualTo("app.kill-switch.two-persn-rule (typo.conf: 3): unknown key; "
        + "did you mean app.kill-switch.two-person-rule?");
  }

  @Test
  void listsTheValidKeysNextToAnUnknownKeyWithNoCloseMatch() {
    UnknownKey unknown = KEYS.unknownKeys(parse("app.http.listen-backlog = 5")).get(0);

    assertThat(unknown.suggestion()).isEmpty();
    assertThat(unknown.message()).endsWith("unknown key; valid keys here: host, max-body-bytes, port");
  }

  @Test
  void refusesAMovedKeyNamingTheKeyThatTookOver() {
    Config config = ConfigFactory.parseString("app.kill-switch.gate.max-age = 9s",
        ConfigParseOptions.defaults().setOriginDescription("old.conf"));

    assertThat(KEYS.unknownKeys(config)).extracting(UnknownKey::message).containsExactly(
        "app.kill-switch.gate.max-age (old.conf: 1): moved to app.kill-switch.gate.stale-after; set that instead");
  }

  @Test
  void aKeyStillDocumentedCannotBeDeclaredMoved() {
    assertThatThrownBy(() -> StrictKeys.documentedBy(DOCUMENTED, "app", List.of(),
        Map.of("app.kill-switch.cooldown", "app.kill-switch.gate.stale-after")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app.kill-switch.cooldown");
  }

  @Test
  void countsATranspositionOfNeighboursAsOneEdit() {
    assertThat(StrictKeys.distance("cooldwon", "cooldown")).isEqualTo(1);
    assertThat(StrictKeys.distance("two-persn-rule", "two-person-rule")).isEqualTo(1);
    assertThat(StrictKeys.distance("port", "host")).isEqualTo(2);
    assertThat(StrictKeys.distance("", "abc")).isEqualTo(3);
  }

  private static Config parse(String hocon) {
    return ConfigFactory.parseString(hocon);
  }
}
