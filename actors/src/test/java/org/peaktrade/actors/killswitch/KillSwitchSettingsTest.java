package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.HASH;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;

class KillSwitchSettingsTest {

  private static Config withKillSwitch(String key, Object value) {
    return ConfigFactory.load(ConfigFactory.empty()
        .withValue("peaktrade.kill-switch." + key, ConfigValueFactory.fromAnyRef(value)));
  }

  private static Config withHash() {
    return withKillSwitch("approval-code-hash", HASH);
  }

  private static Config withHash(String key, Object value) {
    return ConfigFactory.load(ConfigFactory.empty()
        .withValue("peaktrade.kill-switch.approval-code-hash", ConfigValueFactory.fromAnyRef(HASH))
        .withValue("peaktrade.kill-switch." + key, ConfigValueFactory.fromAnyRef(value)));
  }

  @Test
  void theDocumentedDefaultsApply() {
    KillSwitchSettings settings = KillSwitchSettings.fromConfig(withHash());

    assertThat(settings.policy().cooldown()).isEqualTo(Duration.ofSeconds(300));
    assertThat(settings.policy().approvalCodeRequired()).isTrue();
    assertThat(settings.policy().approvalCode()).isEqualTo(ApprovalCodeHash.parse(HASH));
    assertThat(settings.policy().maxFailedAttempts()).isEqualTo(5);
    assertThat(settings.policy().failureWindow()).isEqualTo(Duration.ofMinutes(15));
    assertThat(settings.policy().lockout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(settings.policy().twoPersonRule()).isFalse();
    assertThat(settings.snapshotEvery()).isEqualTo(100);
    assertThat(settings.askTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.healthCheckTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(2))
        .isEqualTo(KillSwitchSettings.DEFAULT_IDLE_TIMEOUT);
  }

  @Test
  void anIdleTimeoutIsReadAndMustBePositive() {
    assertThat(KillSwitchSettings.fromConfig(withHash("idle-timeout", "30s")).idleTimeout())
        .isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> KillSwitchSettings.fromConfig(withHash("idle-timeout", "0s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("peaktrade.kill-switch.idle-timeout");
  }

  @Test
  void aRequiredApprovalCodeWithoutAHashFailsNamingTheKey() {
    assertThatThrownBy(() -> KillSwitchSettings.fromConfig(ConfigFactory.load()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("peaktrade.kill-switch.approval-code-hash")
        .hasMessageContaining("required");
  }

  @Test
  void aMalformedHashFailsNamingTheKeyWithoutEchoingTheValue() {
    assertThatThrownBy(() -> KillSwitchSettings.fromConfig(withKillSwitch("approval-code-hash", "plain-secret")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("peaktrade.kill-switch.approval-code-hash")
        .hasMessageNotContaining("plain-secret");
  }

  @Test
  void withoutRequiredCodesNoHashIsNeeded() {
    KillSwitchSettings settings = KillSwitchSettings.fromConfig(withKillSwitch("approval-code-required", false));

    assertThat(settings.policy().approvalCodeRequired()).isFalse();
    assertThat(settings.policy().approvalCode()).isNull();
  }

  @Test
  void overridesAreRead() {
    Config config = ConfigFactory.parseString("""
        peaktrade.kill-switch {
          cooldown = 10m
          max-failed-attempts = 3
          failure-window = 5m
          lockout = 1h
          two-person-rule = on
          snapshot-every = 50
          ask-timeout = 2s
          health-check-timeout = 750ms
        }""").withFallback(withHash()).resolve();

    KillSwitchSettings settings = KillSwitchSettings.fromConfig(config);

    assertThat(settings.policy().cooldown()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.policy().maxFailedAttempts()).isEqualTo(3);
    assertThat(settings.policy().failureWindow()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.policy().lockout()).isEqualTo(Duration.ofHours(1));
    assertThat(settings.policy().twoPersonRule()).isTrue();
    assertThat(settings.snapshotEvery()).isEqualTo(50);
    assertThat(settings.askTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.healthCheckTimeout()).isEqualTo(Duration.ofMillis(750));
  }

  @Test
  void impossibleValuesFailNamingTheKillSwitchSection() {
    assertThatThrownBy(() -> KillSwitchSettings.fromConfig(withHash("max-failed-attempts", 0)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("peaktrade.kill-switch")
        .hasMessageContaining("max failed attempts");
    assertThatThrownBy(() -> KillSwitchSettings.fromConfig(withHash("ask-timeout", "0s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("peaktrade.kill-switch.ask-timeout");
  }
}
