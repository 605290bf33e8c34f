package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.peaktrade.actors.killswitch.EmbeddedJournal;
import org.peaktrade.actors.killswitch.JournalWritableCheck;
import org.peaktrade.actors.killswitch.KillSwitchEntities;
import org.peaktrade.actors.killswitch.KillSwitchRuntime;
import org.peaktrade.actors.killswitch.KillSwitchRuntime;
import org.peaktrade.actors.watchdog.MarketDataFreshCheck;
import org.peaktrade.actors.watchdog.Watchdog;
import org.apache.pekko.actor.typed.ActorRef;
import org.peaktrade.actors.killswitch.KillSwitchSettings;

/**
 * The node's kill switch: settings validated before anything starts, the embedded journal's schema, the recovery
 * health checks, and the runtime behind the {@link KillSwitchService} facade.
 */
final class KillSwitchWiring {

  static final String APPROVAL_CODE_HASH = "peaktrade.kill-switch.approval-code-hash";
  private static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(30);

  private final KillSwitchSettings settings;

  private KillSwitchWiring(KillSwitchSettings settings) {
    this.settings = settings;
  }

  /** Throws {@link NodeConfigException} naming the key when the kill-switch settings are invalid or missing. */
  static KillSwitchWiring fromConfig(Config config) {
    try {
      return new KillSwitchWiring(KillSwitchSettings.fromConfig(config));
    } catch (ConfigException | IllegalArgumentException e) {
      String hint = e.getMessage().contains(APPROVAL_CODE_HASH)
          ? "; generate a hash with 'peak-trade hash-approval-code' (for a local demo only: --config config/local.conf)"
          : "";
      throw new NodeConfigException(e.getMessage() + hint, e);
    }
  }

  /**
   * Creates the journal's tables when missing (waiting for it), then starts the kill switches in {@code home} (this
   * node, or cluster sharding), whose recoveries check that the journal is writable and that the market data registered with {@code watchdog} is fresh.
   */
  KillSwitchRuntime start(ActorSystem<?> system, Clock clock, ActorRef<Watchdog.Command> watchdog,
      KillSwitchEntities.Home home) {
    try {
      EmbeddedJournal.createSchemaIfMissing(system).toCompletableFuture()
          .get(SCHEMA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot prepare the journal under " + system.settings().config()
          .getString("peaktrade.data-dir") + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the journal was not ready within " + SCHEMA_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing the journal", e);
    }
    return KillSwitchRuntime.start(system, settings, clock, List.of(
        JournalWritableCheck.start(system, settings.healthCheckTimeout()),
        new MarketDataFreshCheck(watchdog, settings.healthCheckTimeout(), system.scheduler())), home);
  }

  /** The checks a recovery must pass. */
  List<String> healthCheckNames() {
    return List.of(JournalWritableCheck.NAME, MarketDataFreshCheck.NAME);
  }
}
