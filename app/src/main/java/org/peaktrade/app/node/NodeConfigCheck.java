package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.peaktrade.actors.cluster.ClusterProfile;
import org.peaktrade.actors.killswitch.ConnectivitySettings;
import org.peaktrade.actors.killswitch.PersistenceSettings;
import org.peaktrade.actors.killswitch.ThresholdSettings;
import org.peaktrade.actors.killswitch.TriggerRetrySettings;
import org.peaktrade.actors.marketdata.ReplaySettings;
import org.peaktrade.actors.marketdata.kraken.KrakenFeedSettings;
import org.peaktrade.actors.risk.RiskConfig;
import org.peaktrade.actors.watchdog.RestartBudget;
import org.peaktrade.app.config.OpenSection;
import org.peaktrade.app.config.StrictKeys;
import org.peaktrade.app.config.UnknownKey;
import org.peaktrade.http.ApiSettings;
import org.peaktrade.http.TlsSettings;
import org.peaktrade.http.auth.ApiTokens;

/**
 * The node's whole configuration, checked before anything starts. First, no key under {@code peaktrade} that nothing
 * reads: the valid keys are those the documented defaults set (every module's {@code reference.conf}, the cluster
 * profile and {@code peaktrade-node.conf}) plus the entries of the {@link #OPEN_SECTIONS}, so a key documented in a
 * {@code reference.conf} is valid without a change here. Then every section is read by its settings, whether or not
 * this node uses it (risk limits of every portfolio and session, the Kraken feed of a replaying node, the threshold
 * rules). Either step reports every problem it finds at once, as one {@link NodeConfigException}.
 */
public final class NodeConfigCheck {

  static final String ROOT = "peaktrade";
  private static final Config DOCUMENTED = documented();

  /**
   * The sections whose children the defaults cannot list: maps keyed by a name the user chooses, lists of entries,
   * and the risk defaults, whose limits are off (absent) unless set.
   */
  static final List<OpenSection> OPEN_SECTIONS = List.of(
      OpenSection.keys("peaktrade.risk.defaults", RiskConfig.KEYS),
      OpenSection.named("peaktrade.risk.portfolios", RiskConfig.KEYS),
      OpenSection.named("peaktrade.risk.sessions", RiskConfig.KEYS),
      OpenSection.named("peaktrade.sessions.instruments",
          DOCUMENTED.getObject("peaktrade.sessions.default-instrument").keySet()),
      OpenSection.named("peaktrade.market-data.kraken.rest-pairs", Set.of()),
      OpenSection.list("peaktrade.kill-switch.thresholds", Set.of("metric", "operator", "threshold", "scope")),
      OpenSection.list(DemoSessions.PATH, DemoSessions.KEYS),
      OpenSection.list(ApiTokens.PATH, Set.of("name", "roles", "token-hash")));

  /**
   * Keys no longer read, with the key that took over (docs/configuration.md, "Moved keys"): refused like a typo, but
   * naming where the setting went.
   */
  static final Map<String, String> MOVED = Map.of(
      "peaktrade.kill-switch.watchdog.health-check-timeout", "peaktrade.kill-switch.health-check-timeout");

  private static final StrictKeys KEYS = StrictKeys.documentedBy(DOCUMENTED, ROOT, OPEN_SECTIONS, MOVED);

  /** Each section that a node start does not read otherwise, or reads only when it uses it. */
  private static final List<Consumer<Config>> SECTIONS = List.of(
      KillSwitchWiring::fromConfig,
      ThresholdSettings::fromConfig,
      ConnectivitySettings::fromConfig,
      RestartBudget::fromConfig,
      TriggerRetrySettings::fromConfig,
      RiskConfig::validateAll,
      SessionWiring::fromConfig,
      ReplaySettings::fromConfig,
      KrakenFeedSettings::fromConfig,
      MarketDataWiring::validate,
      ApiSettings::fromConfig,
      TlsSettings::fromConfig,
      ApiTokens::fromConfig,
      HealthWiring::fromConfig,
      config -> NodeMetrics.fromConfig(config, Clock.systemUTC()),
      ClusterWiring::fromConfig,
      PersistenceSettings::fromConfig);

  private NodeConfigCheck() {}

  /** The documented defaults, resolved: what a node reads with no config file of its own. */
  private static Config documented() {
    ClassLoader loader = NodeConfigCheck.class.getClassLoader();
    return ConfigFactory.parseResources(loader, "peaktrade-node.conf")
        .withFallback(ClusterProfile.config())
        .withFallback(ConfigFactory.defaultReference(loader))
        .resolve();
  }

  /** Every unknown key under {@code peaktrade} of {@code config}, with where it was set and the closest valid key. */
  static List<UnknownKey> unknownKeys(Config config) {
    return KEYS.unknownKeys(config);
  }

  /**
   * Throws {@link NodeConfigException} listing every unknown key under {@code peaktrade}; also for the commands
   * that read a node's {@code --config} file for a part of it ({@code feed}, {@code backtest --risk}).
   */
  public static void refuseUnknownKeys(Config config) {
    List<UnknownKey> unknown = unknownKeys(config);
    if (!unknown.isEmpty()) {
      throw new NodeConfigException(unknown.size() + " unknown key" + (unknown.size() == 1 ? "" : "s")
          + " under " + ROOT + " (nothing reads " + (unknown.size() == 1 ? "it" : "them")
          + ", so the setting meant would silently keep its default):" + lines(unknown.stream()
          .map(UnknownKey::message).toList()), null);
    }
  }

  /**
   * Reads every section; throws {@link NodeConfigException} naming each invalid key, once: a section that reads
   * another one as a part (the market data reads its replay and Kraken settings) meets the same problem.
   */
  static void validateEverySection(Config config) {
    Set<String> problems = new LinkedHashSet<>();
    for (Consumer<Config> section : SECTIONS) {
      try {
        section.accept(config);
      } catch (NodeConfigException | ConfigException | IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (problems.size() == 1) {
      throw new NodeConfigException(problems.iterator().next(), null);
    }
    if (!problems.isEmpty()) {
      throw new NodeConfigException(problems.size() + " invalid settings:" + lines(problems), null);
    }
  }

  private static String lines(Collection<String> messages) {
    return messages.stream().map(message -> "\n  - " + message).collect(Collectors.joining());
  }
}
