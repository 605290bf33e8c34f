package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.cluster.ClusterProfile;
import org.peaktrade.app.config.OpenSection;
import org.peaktrade.app.k8s.Repository;

/**
 * docs/configuration.md cannot go stale: its reference lists every key the defaults files set (every module's
 * reference.conf and the node's peaktrade-node.conf, all on this module's classpath) with that default, and no other
 * key; its open-sections and moved-keys tables name what {@link NodeConfigCheck} treats so. The failure names each
 * row to add, fix or remove.
 */
class ConfigurationDocTest {

  private static final String DOC_PATH = "docs/configuration.md";
  private static final String DOC = Repository.read(Repository.ROOT.resolve(DOC_PATH));
  private static final ClassLoader LOADER = ConfigurationDocTest.class.getClassLoader();

  /** What a node reads with no config file of its own, cluster mode off, and no environment. */
  private static Map<String, String> defaults() {
    Config defaults = ConfigFactory.parseResources(LOADER, "peaktrade-node.conf")
        .withFallback(ConfigFactory.parseResources(LOADER, "reference.conf"))
        .resolve(ConfigResolveOptions.noSystem());
    return flatten(defaults);
  }

  private static Map<String, String> flatten(Config config) {
    return ConfigReference.defaults(NodeConfigCheck.ROOT, config.getObject(NodeConfigCheck.ROOT),
        NodeConfigCheck.OPEN_SECTIONS);
  }

  @Test
  void theReferenceListsEveryKeyOfTheDefaultsFilesWithItsDefaultAndNoOtherKey() {
    List<String> problems = ConfigReference.problems(defaults(), ConfigReference.rows(DOC));

    assertThat(problems).as("%s, \"%s\", differs from the defaults files:\n  - %s\n", DOC_PATH,
        ConfigReference.SECTION, String.join("\n  - ", problems)).isEmpty();
  }

  @Test
  void theClusterProfileSetsOnlyKeysTheReferenceLists() {
    Config profile = ClusterProfile.config().resolve(ConfigResolveOptions.noSystem());

    assertThat(defaults()).containsKeys(flatten(profile).keySet().toArray(String[]::new));
  }

  @Test
  void theOpenSectionsTableNamesEveryOpenSection() {
    assertThat(NodeConfigCheck.OPEN_SECTIONS).extracting(OpenSection::path)
        .allSatisfy(path -> assertThat(DOC).as("the Open sections table of " + DOC_PATH).contains("| `" + path));
  }

  @Test
  void theMovedKeysTableNamesEveryMovedKeyWithTheKeyThatTookOver() {
    assertThat(NodeConfigCheck.MOVED).allSatisfy((old, replacement) -> assertThat(DOC)
        .as("the Moved keys table of " + DOC_PATH).contains("| `" + old + "` | `moved to " + replacement + ";"));
  }

  @Test
  void aKeyMissingFromTheReferenceIsNamedWithTheRowToAdd() {
    List<String> problems = ConfigReference.problems(Map.of("peaktrade.candles.interval", "1m"), List.of());

    assertThat(problems).containsExactly("missing: `peaktrade.candles.interval`; add this row under "
        + "### `peaktrade.candles` (a new heading if there is none) and say what it does:\n"
        + "      | `peaktrade.candles.interval` | `1m` | |");
  }

  @Test
  void aRowNoDefaultsFileSetsIsNamedStale() {
    List<String> problems = ConfigReference.problems(Map.of(), ConfigReference.rows(reference(
        "### `peaktrade.sessions`", "| `peaktrade.sessions.checkpoint-every` | `100` | events between checkpoints |")));

    assertThat(problems).singleElement().asString()
        .startsWith("stale: `peaktrade.sessions.checkpoint-every` is documented, but no defaults file sets it");
  }

  @Test
  void aRowWithAnotherDefaultIsNamedWithBothDefaults() {
    List<String> problems = ConfigReference.problems(Map.of("peaktrade.kill-switch.cooldown", "300s"),
        ConfigReference.rows(reference("### `peaktrade.kill-switch`",
            "| `peaktrade.kill-switch.cooldown` | `60s` | time until a recovery may complete |")));

    assertThat(problems).containsExactly(
        "`peaktrade.kill-switch.cooldown` is documented with default `60s`, the defaults files say `300s`");
  }

  @Test
  void aRowUnderAnotherBlocksHeadingOrWithoutAMeaningIsNamed() {
    List<String> problems = ConfigReference.problems(Map.of("peaktrade.kill-switch.cooldown", "300s"),
        ConfigReference.rows(reference("### `peaktrade.sessions`", "| `peaktrade.kill-switch.cooldown` | `300s` | |")));

    assertThat(problems).containsExactly(
        "`peaktrade.kill-switch.cooldown` is under ### `peaktrade.sessions`; move it under ### `peaktrade.kill-switch`",
        "`peaktrade.kill-switch.cooldown` has no meaning; say in one line what it does");
  }

  @Test
  void anEntryOfAnOpenSectionIsOneRowAndAnEmptyOpenSectionIsOneRowToo() {
    Config config = ConfigFactory.parseString("""
        app {
          instruments { "BTC/USD" { tick-size = 0.1 } }
          portfolios {}
          rules = [{ metric = loss, threshold = -0.05 }]
          default-instrument { lot-size = 0.00000001, run-log = on, hash = "" }
        }
        """);

    Map<String, String> rows = ConfigReference.defaults("app", config.getObject("app"), List.of(
        OpenSection.named("app.instruments", Set.of("tick-size")),
        OpenSection.named("app.portfolios", Set.of()),
        OpenSection.list("app.rules", Set.of("metric", "threshold"))));

    assertThat(rows).containsExactly(
        Map.entry("app.default-instrument.hash", "\"\""),
        Map.entry("app.default-instrument.lot-size", "0.00000001"),
        Map.entry("app.default-instrument.run-log", "on"),
        Map.entry("app.instruments.\"BTC/USD\"", "{\"tick-size\":0.1}"),
        Map.entry("app.portfolios", "{}"),
        Map.entry("app.rules[0]", "{\"metric\":\"loss\",\"threshold\":-0.05}"));
  }

  private static String reference(String... lines) {
    return ConfigReference.SECTION + "\n\n" + String.join("\n", lines) + "\n";
  }
}
