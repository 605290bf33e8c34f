package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.peaktrade.actors.killswitch.EmbeddedJournal;
import org.peaktrade.actors.killswitch.GateSettings;
import org.peaktrade.actors.killswitch.GateView;
import org.peaktrade.actors.killswitch.JournalWritableCheck;
import org.peaktrade.actors.killswitch.KillSwitchEntities;
import org.peaktrade.actors.killswitch.KillSwitchGate;
import org.peaktrade.actors.killswitch.KillSwitchRuntime;
import org.peaktrade.actors.killswitch.KillSwitchSettings;
import org.peaktrade.actors.watchdog.MarketDataFreshCheck;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.app.health.SafetyWarning;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;
import org.peaktrade.engine.time.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's kill switch: settings validated before anything starts, the embedded journal's schema, the recovery
 * health checks, the runtime behind the {@link org.peaktrade.actors.killswitch.KillSwitchService} facade, and the
 * node-local gate whose view sessions (and the readiness check) read.
 */
final class KillSwitchWiring {

  static final String APPROVAL_CODE_HASH = "peaktrade.kill-switch.approval-code-hash";
  static final String APPROVAL_CODE_REQUIRED = "peaktrade.kill-switch.approval-code-required";
  static final String TWO_PERSON_RULE = "peaktrade.kill-switch.two-person-rule";
  private static final Logger LOG = LoggerFactory.getLogger(KillSwitchWiring.class);
  private static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(30);

  private final KillSwitchSettings settings;
  private final GateSettings gateSettings;
  private JournalWritableCheck journalCheck;

  private KillSwitchWiring(KillSwitchSettings settings, GateSettings gateSettings) {
    this.settings = settings;
    this.gateSettings = gateSettings;
  }

  /**
   * The kill-switch safety controls this configuration turns off: approval codes not required, the two-person rule
   * off (its default; docs/runbooks/kill-switch.md).
   */
  List<SafetyWarning> safetyWarnings() {
    List<SafetyWarning> warnings = new ArrayList<>();
    if (!settings.policy().approvalCodeRequired()) {
      warnings.add(new SafetyWarning("approval-code-not-required", APPROVAL_CODE_REQUIRED + " = false",
          "a recovery request needs no approval code: any approver token alone can recover a killed switch"));
    }
    if (!settings.policy().twoPersonRule()) {
      warnings.add(new SafetyWarning("two-person-rule-off", TWO_PERSON_RULE + " = false",
          "the approver who requested a recovery may also complete it: one person can end a kill"));
    }
    return List.copyOf(warnings);
  }

  /** The node-local gate: its view, and the actor that keeps it fresh and that sessions register with. */
  record Gate(GateView view, ActorRef<KillSwitchGate.Command> actor) {}

  /** Throws {@link NodeConfigException} naming the key when the kill-switch settings are invalid or missing. */
  static KillSwitchWiring fromConfig(Config config) {
    try {
      KillSwitchSettings settings = KillSwitchSettings.fromConfig(config);
      rehashWarning(settings).ifPresent(LOG::warn);
      return new KillSwitchWiring(settings, GateSettings.fromConfig(config));
    } catch (ConfigException | IllegalArgumentException e) {
      String hint = e.getMessage().contains(APPROVAL_CODE_HASH)
          ? "; generate a hash with 'peak-trade hash-approval-code' (for a local demo only: --config config/local.conf)"
          : "";
      throw new NodeConfigException(e.getMessage() + hint, e);
    }
  }

  /** A hash made with fewer iterations than new hashes get still verifies, but should be made again. */
  static Optional<String> rehashWarning(KillSwitchSettings settings) {
    ApprovalCodeHash hash = settings.policy().approvalCode();
    if (hash == null || !hash.belowRecommendedIterations()) {
      return Optional.empty();
    }
    return Optional.of(APPROVAL_CODE_HASH + " uses " + hash.iterations() + " PBKDF2 iterations, fewer than the "
        + ApprovalCodeHash.DEFAULT_ITERATIONS + " new hashes get; it still verifies, but make a new hash with "
        + "'peak-trade hash-approval-code' and replace it (docs/runbooks/kill-switch.md, \"Re-hashing the approval "
        + "code\")");
  }

  /**
   * Creates the journal's tables when missing (waiting for it), then starts the kill switches in {@code home} (this
   * node, or cluster sharding), whose recoveries check that the journal is writable and that the market data
   * registered with {@code watchdog} is fresh. Their cooldowns run on {@code ticker} ({@link Ticker#SYSTEM} in
   * production), so a step of the wall clock neither shortens nor stretches one.
   */
  KillSwitchRuntime start(ActorSystem<?> system, Clock clock, Ticker ticker, ActorRef<Watchdog.Command> watchdog,
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
    journalCheck = JournalWritableCheck.start(system, settings.healthCheckTimeout());
    return KillSwitchRuntime.start(system, settings, clock, ticker, List.of(journalCheck,
        new MarketDataFreshCheck(watchdog, settings.healthCheckTimeout(), system.scheduler())), home);
  }

  /** The journal probe {@link #start} created (one per actor system), for the node's readiness too. */
  JournalWritableCheck journalCheck() {
    if (journalCheck == null) {
      throw new IllegalStateException("the kill switch has not been started");
    }
    return journalCheck;
  }

  /**
   * Starts the node's gate on {@code killSwitch}'s status topic; call once, after {@link #start}. Its view ages on
   * the monotonic {@code ticker} ({@link Ticker#SYSTEM} in production), not the wall clock.
   */
  Gate startGate(ActorSystem<?> system, KillSwitchRuntime killSwitch, Ticker ticker) {
    GateView view = new GateView(ticker, gateSettings);
    ActorRef<KillSwitchGate.Command> actor =
        KillSwitchGate.start(system, "kill-switch-gate", gateSettings, view, killSwitch);
    return new Gate(view, actor);
  }

  /** The checks a recovery must pass. */
  List<String> healthCheckNames() {
    return List.of(JournalWritableCheck.NAME, MarketDataFreshCheck.NAME);
  }
}
