package org.peaktrade.actors.killswitch;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;
import org.peaktrade.engine.killswitch.KillSwitchPolicy;

/**
 * Kill-switch settings from {@code peaktrade.kill-switch} (defaults documented in {@code reference.conf}). Invalid
 * values fail at startup with the key path in the message; a required approval code without a well-formed hash is
 * invalid.
 *
 * @param policy the recovery rules the entity enforces
 * @param snapshotEvery a snapshot after this many events (events are never deleted: they are the audit trail)
 * @param askTimeout how long the service waits for an entity's answer
 * @param healthCheckTimeout how long each health check may take before it counts as failed
 * @param idleTimeout a session scope's entity that received no command for this long is stopped (passivated) and
 *     recovered from the journal by the next one
 */
public record KillSwitchSettings(KillSwitchPolicy policy, int snapshotEvery, Duration askTimeout,
    Duration healthCheckTimeout, Duration idleTimeout) {
  public static final String PATH = "peaktrade.kill-switch";
  /** The default of {@code peaktrade.kill-switch.idle-timeout} (reference.conf says the same). */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(2);

  public KillSwitchSettings {
    if (snapshotEvery < 1) {
      throw new IllegalArgumentException(PATH + ".snapshot-every must be positive: " + snapshotEvery);
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException(PATH + ".idle-timeout must be positive: " + idleTimeout);
    }
  }

  /** Settings with the default {@link #DEFAULT_IDLE_TIMEOUT}. */
  public KillSwitchSettings(KillSwitchPolicy policy, int snapshotEvery, Duration askTimeout,
      Duration healthCheckTimeout) {
    this(policy, snapshotEvery, askTimeout, healthCheckTimeout, DEFAULT_IDLE_TIMEOUT);
  }

  /** Reads {@code peaktrade.kill-switch} from the root config (e.g. {@code system.settings().config()}). */
  public static KillSwitchSettings fromConfig(Config root) {
    Config config = root.getConfig(PATH);
    boolean required = config.getBoolean("approval-code-required");
    ApprovalCodeHash hash = approvalCode(config.getString("approval-code-hash"), required);
    KillSwitchPolicy policy;
    try {
      policy = new KillSwitchPolicy(config.getDuration("cooldown"), config.getInt("max-failed-attempts"),
          config.getDuration("failure-window"), config.getDuration("lockout"), config.getBoolean("two-person-rule"),
          hash, required);
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(PATH, e.getMessage());
    }
    return new KillSwitchSettings(policy, config.getInt("snapshot-every"), positive(config, "ask-timeout"),
        positive(config, "health-check-timeout"), positive(config, "idle-timeout"));
  }

  private static ApprovalCodeHash approvalCode(String encoded, boolean required) {
    if (encoded.isBlank()) {
      if (required) {
        throw new ConfigException.BadValue(PATH + ".approval-code-hash",
            "approval codes are required (" + PATH + ".approval-code-required = true) but no hash is configured; "
                + "set it to the output of the approval-code hashing command (pbkdf2-sha256$...)");
      }
      return null;
    }
    try {
      return ApprovalCodeHash.parse(encoded);
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(PATH + ".approval-code-hash", e.getMessage());
    }
  }

  private static Duration positive(Config config, String key) {
    Duration value = config.getDuration(key);
    if (value.isNegative() || value.isZero()) {
      throw new ConfigException.BadValue(PATH + "." + key, "must be positive: " + value);
    }
    return value;
  }
}
