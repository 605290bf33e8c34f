package org.peaktrade.actors.killswitch;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;
import org.peaktrade.engine.killswitch.KillSwitchPolicy;

/**
 * {@code peaktrade.kill-switch}: the recovery policy, snapshot interval and timeouts; defaults in reference.conf.
 * A configuration that requires an approval code but has no valid hash fails at startup naming the key.
 */
public record KillSwitchSettings(
    KillSwitchPolicy policy, int snapshotEvery, Duration askTimeout, Duration healthCheckTimeout,
    String readJournalPluginId) {

  public static final String ROOT = "peaktrade.kill-switch";
  public static final String HASH_KEY = ROOT + ".approval-code-hash";

  public static KillSwitchSettings fromConfig(Config config) {
    Config c = config.getConfig(ROOT);
    boolean required = c.getBoolean("approval-code-required");
    String hashText = c.getString("approval-code-hash").trim();
    ApprovalCodeHash hash = null;
    if (!hashText.isEmpty()) {
      try {
        hash = ApprovalCodeHash.parse(hashText);
      } catch (IllegalArgumentException e) {
        throw new ConfigException.BadValue(HASH_KEY, e.getMessage());
      }
    } else if (required) {
      throw new ConfigException.BadValue(HASH_KEY, "an approval code is required (" + ROOT
          + ".approval-code-required = true) but no hash is configured; create one with 'peak-trade hash-approval-code'");
    }
    int snapshotEvery = c.getInt("snapshot-every");
    if (snapshotEvery < 1) {
      throw new ConfigException.BadValue(ROOT + ".snapshot-every", "must be at least 1");
    }
    KillSwitchPolicy policy;
    try {
      policy = new KillSwitchPolicy(c.getDuration("cooldown"), c.getInt("max-failed-attempts"),
          c.getDuration("failure-window"), c.getDuration("lockout"), c.getBoolean("two-person-rule"), required, hash);
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(ROOT, e.getMessage());
    }
    return new KillSwitchSettings(policy, snapshotEvery, c.getDuration("ask-timeout"),
        c.getDuration("health-check-timeout"), config.getString("peaktrade.persistence.read-journal"));
  }
}
