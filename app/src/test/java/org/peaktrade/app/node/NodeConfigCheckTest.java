package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peaktrade.app.config.UnknownKey;
import org.peaktrade.app.health.SafetyWarning;
import org.peaktrade.app.k8s.Repository;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;

/**
 * A node refuses to start on an unknown key under peaktrade or an invalid section, whether or not it uses the section,
 * and names the safety controls its configuration turns off. Typos meet {@link Node#start} itself, which checks
 * before it creates anything.
 */
class NodeConfigCheckTest {
  private static final Path CONFIG_DIR = Repository.ROOT.resolve("config");
  private static final String HASH = ApprovalCodeHash.create("config check".toCharArray());

  @TempDir
  Path dir;

  static Stream<Path> shippedConfigFiles() throws IOException {
    try (Stream<Path> files = Files.list(CONFIG_DIR)) {
      return files.filter(file -> file.toString().endsWith(".conf")).sorted().toList().stream();
    }
  }

  @Test
  void theShippedConfigFilesAreTheFiveDocumentedProfiles() throws IOException {
    assertThat(shippedConfigFiles().map(file -> file.getFileName().toString()))
        .containsExactly("cluster.conf", "kubernetes.conf", "local.conf", "persistence-cassandra.conf", "risk.conf");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedConfigFiles")
  void everyShippedConfigFileSetsOnlyValidKeys(Path file) throws IOException {
    Config config = load(podIp(), file);

    assertThat(NodeConfigCheck.unknownKeys(config)).isEmpty();
  }

  @Test
  void everySectionIsValidInEachDocumentedLayeringOfTheShippedFiles() throws IOException {
    List<List<Path>> layerings = List.of(
        List.of(shipped("local.conf")),
        List.of(shipped("local.conf"), shipped("risk.conf")),
        List.of(shipped("local.conf"), shipped("persistence-cassandra.conf")),
        List.of(shipped("local.conf"), shipped("persistence-cassandra.conf"), shipped("cluster.conf")),
        List.of(podIp(), shipped("kubernetes.conf")));

    for (List<Path> files : layerings) {
      Config config = withDemoData(load(files.toArray(Path[]::new)));
      assertThatCode(() -> NodeConfigCheck.validateEverySection(config)).as(files.toString())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void refusesMisspeltTwoPersonRuleNamingTheClosestKey() throws IOException {
    Path typo = write("typo.conf", "peaktrade.kill-switch {\n  two-persn-rule = true\n}\n");

    assertRefused(typo, "peaktrade.kill-switch.two-persn-rule (" + typo + ":2): unknown key; "
        + "did you mean peaktrade.kill-switch.two-person-rule?");
  }

  @Test
  void refusesMisspeltCooldownNamingTheClosestKey() throws IOException {
    Path typo = write("typo.conf", "peaktrade.kill-switch.cooldwon = 60s\n");

    assertRefused(typo, "peaktrade.kill-switch.cooldwon (" + typo + ":1): unknown key; "
        + "did you mean peaktrade.kill-switch.cooldown?");
  }

  @Test
  void refusesMisspeltMaxBodyBytesNamingTheClosestKey() throws IOException {
    Path typo = write("typo.conf", "peaktrade.http {\n  port = 0\n  max-body-byts = 1MiB\n}\n");

    assertRefused(typo, "peaktrade.http.max-body-byts (" + typo + ":3): unknown key; "
        + "did you mean peaktrade.http.max-body-bytes?");
  }

  @Test
  void refusesTheRetiredWatchdogHealthCheckTimeoutNamingTheKeyThatTookOver() throws IOException {
    Path old = write("old.conf", "peaktrade.kill-switch.watchdog.health-check-timeout = 3s\n");

    assertRefused(old, "peaktrade.kill-switch.watchdog.health-check-timeout (" + old + ":1): moved to "
        + "peaktrade.kill-switch.health-check-timeout; set that instead");
  }

  @Test
  void refusesAMisspeltSectionNamingTheClosestSection() throws IOException {
    Path typo = write("typo.conf", "peaktrade.sesions {\n  allow-short = true\n}\n");

    assertRefused(typo, "peaktrade.sesions (" + typo + ":1): unknown key; did you mean peaktrade.sessions?");
  }

  @Test
  void reportsEveryUnknownKeyOfEveryFileAtOnce() throws IOException {
    Path first = write("first.conf", "peaktrade.kill-switch.two-persn-rule = true\npeaktrade.sesions.x = 1\n");
    Path second = write("second.conf", "peaktrade.kill-switch.cooldwon = 60s\npeaktrade.http.max-body-byts = 1\n");
    Config config = NodeConfig.load(List.of(first, second), Optional.of(dir.resolve("data")), Optional.empty(),
        Optional.empty());

    assertThat(NodeConfigCheck.unknownKeys(config)).extracting(UnknownKey::path).containsExactly(
        "peaktrade.http.max-body-byts", "peaktrade.kill-switch.cooldwon", "peaktrade.kill-switch.two-persn-rule",
        "peaktrade.sesions");
    assertThatThrownBy(() -> Node.start(config, Clock.systemUTC())).isInstanceOf(NodeConfigException.class)
        .hasMessageStartingWith("4 unknown keys under peaktrade")
        .hasMessageContaining(second + ":2").hasMessageContaining(first + ":2");
  }

  @Test
  void refusesAMisspeltKeyInsideAUserNamedRiskPortfolio() throws IOException {
    Path typo = write("typo.conf", "peaktrade.risk.portfolios.mine.max-drawdown-pc = 10\n");

    assertRefused(typo, "peaktrade.risk.portfolios.mine.max-drawdown-pc (" + typo + ":1): unknown key; "
        + "did you mean peaktrade.risk.portfolios.mine.max-drawdown-pct?");
  }

  @Test
  void refusesAMisspeltSystemPropertyNamingItsOrigin() {
    Config config = NodeConfig.load(List.of(), Optional.of(dir.resolve("data")), Optional.empty(), Optional.empty())
        .withValue("peaktrade.kill-switch.two-persn-rule", ConfigValueFactory.fromAnyRef(true, "system properties"));

    assertThat(NodeConfigCheck.unknownKeys(config)).extracting(UnknownKey::message).containsExactly(
        "peaktrade.kill-switch.two-persn-rule (system properties): unknown key; "
            + "did you mean peaktrade.kill-switch.two-person-rule?");
  }

  @Test
  void aBadLimitOfARiskPortfolioNoSessionUsesStopsTheStartNamingItsPath() throws IOException {
    Path bad = write("bad.conf", "peaktrade.risk.portfolios.unused.max-drawdown-pct = lots\n");

    assertThatThrownBy(() -> Node.start(withDemoData(load(bad)), Clock.systemUTC()))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("peaktrade.risk.portfolios.unused.max-drawdown-pct");
  }

  @Test
  void aBadRowsSettingOtherThanFailOrSkipStopsTheStartNamingItsKey() throws IOException {
    Path bad = write("bad.conf", "peaktrade.market-data.replay.bad-rows = ignore\n");

    assertThatThrownBy(() -> NodeConfigCheck.validateEverySection(withDemoData(load(bad))))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("peaktrade.market-data.replay.bad-rows")
        .hasMessageContaining("must be 'fail' or 'skip', not 'ignore'");
  }

  @Test
  void badValuesInSeveralSectionsAreReportedTogether() throws IOException {
    Path bad = write("bad.conf", String.join("\n",
        "peaktrade.market-data.kraken.reconnect.random-factor = 2",
        "peaktrade.kill-switch.thresholds = [{ metric = drawdown-from-peak, operator = \"=<\", threshold = -0.1 }]",
        "peaktrade.risk.defaults.max-order-notional = -5", ""));

    assertThatThrownBy(() -> NodeConfigCheck.validateEverySection(withDemoData(load(bad))))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageStartingWith("3 invalid settings:")
        .hasMessageContaining("peaktrade.market-data.kraken.reconnect.random-factor")
        .hasMessageContaining("peaktrade.kill-switch.thresholds[0].operator")
        .hasMessageContaining("peaktrade.risk.defaults");
  }

  @Test
  void aBadKillTriggerRetryStopsTheStartBeforeAnyTriggerIsDelivered() throws IOException {
    Path bad = write("bad.conf", "peaktrade.kill-trigger-delivery.attempt-timeout = 0s\n");

    assertThatThrownBy(() -> NodeConfigCheck.validateEverySection(withDemoData(load(bad))))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("peaktrade.kill-trigger-delivery.attempt-timeout must be positive");
  }

  @Test
  void aBadReplaySettingAndABadKrakenSettingAreEachReportedOnce() throws IOException {
    Path bad = write("bad.conf", String.join("\n",
        "peaktrade.market-data.replay.speed = fast",
        "peaktrade.market-data.kraken.subscriber-buffer = 0", ""));

    assertThatThrownBy(() -> NodeConfigCheck.validateEverySection(withDemoData(load(bad))))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageStartingWith("2 invalid settings:")
        .hasMessageContaining("peaktrade.market-data.replay.speed")
        .hasMessageContaining("peaktrade.market-data.kraken.subscriber-buffer");
  }

  @Test
  void approvalCodesNotRequiredAndTheTwoPersonRuleOffAreNamedSafetyWarnings() throws IOException {
    Path off = write("off.conf", "peaktrade.kill-switch {\n  approval-code-required = false\n"
        + "  two-person-rule = false\n}\n");

    List<SafetyWarning> warnings = KillSwitchWiring.fromConfig(load(off)).safetyWarnings();

    assertThat(warnings).extracting(SafetyWarning::name, SafetyWarning::setting).containsExactly(
        tuple("approval-code-not-required",
            "peaktrade.kill-switch.approval-code-required = false"),
        tuple("two-person-rule-off", "peaktrade.kill-switch.two-person-rule = false"));
  }

  @Test
  void noSafetyWarningWhenApprovalCodesAreRequiredAndTheTwoPersonRuleIsOn() throws IOException {
    Path on = write("on.conf", "peaktrade.kill-switch {\n  approval-code-hash = \"" + HASH + "\"\n"
        + "  two-person-rule = true\n}\n");

    assertThat(KillSwitchWiring.fromConfig(load(on)).safetyWarnings()).isEmpty();
  }

  private void assertRefused(Path file, String message) {
    Path dataDir = dir.resolve("data");
    Config config = NodeConfig.load(List.of(file), Optional.of(dataDir), Optional.empty(), Optional.empty());

    assertThatThrownBy(() -> Node.start(config, Clock.systemUTC())).isInstanceOf(NodeConfigException.class)
        .hasMessageStartingWith("1 unknown key under peaktrade").hasMessageContaining(message);
    assertThat(dataDir).as("nothing is created before the check").doesNotExist();
  }

  private Config load(Path... files) {
    return NodeConfig.load(List.of(files), Optional.of(dir.resolve("data")), Optional.empty(), Optional.empty());
  }

  /** What a node start adds before it validates the sections: an approval-code hash (made on the first start). */
  private static Config withDemoData(Config config) {
    return config
        .withValue("peaktrade.kill-switch.approval-code-hash", ConfigValueFactory.fromAnyRef(
            config.getString("peaktrade.kill-switch.approval-code-hash").isBlank()
                ? HASH : config.getString("peaktrade.kill-switch.approval-code-hash")))
        .withValue("peaktrade.market-data.replay.file", ConfigValueFactory.fromAnyRef(
            Repository.ROOT.resolve("data/demo/btc-perp-1m-2022-01.csv").toString()));
  }

  /** config/kubernetes.conf needs the pod's IP, which Kubernetes sets in the pod's environment. */
  private Path podIp() throws IOException {
    return write("pod-ip.conf", "PEAKTRADE_POD_IP = \"10.244.0.10\"\n");
  }

  private static Path shipped(String name) {
    return CONFIG_DIR.resolve(name);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
