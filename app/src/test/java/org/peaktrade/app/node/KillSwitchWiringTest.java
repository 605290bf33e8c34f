package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.killswitch.KillSwitchSettings;

/** The approval-code hash checks a node makes before anything starts. */
class KillSwitchWiringTest {
  private static final String SALT_AND_HASH = "$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==";

  private static Config withHash(String hash) {
    return ConfigFactory.load().withValue(KillSwitchWiring.APPROVAL_CODE_HASH, ConfigValueFactory.fromAnyRef(hash));
  }

  @Test
  void aHashWithFewerIterationsThanOwaspsFigureStartsWithAWarningNamingTheRehashCommand() {
    KillSwitchSettings settings = KillSwitchSettings.fromConfig(withHash("pbkdf2-sha256$210000" + SALT_AND_HASH));

    assertThat(KillSwitchWiring.rehashWarning(settings)).hasValueSatisfying(warning -> assertThat(warning)
        .contains(KillSwitchWiring.APPROVAL_CODE_HASH, "210000", "600000", "peak-trade hash-approval-code"));
  }

  @Test
  void aHashWithOwaspsIterationCountStartsWithoutAWarning() {
    KillSwitchSettings settings = KillSwitchSettings.fromConfig(withHash("pbkdf2-sha256$600000" + SALT_AND_HASH));

    assertThat(KillSwitchWiring.rehashWarning(settings)).isEmpty();
  }

  @Test
  void anAbsurdIterationCountIsRefusedAtStartNamingTheKey() {
    assertThatThrownBy(() -> KillSwitchWiring.fromConfig(withHash("pbkdf2-sha256$2147483647" + SALT_AND_HASH)))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageContaining(KillSwitchWiring.APPROVAL_CODE_HASH)
        .hasMessageContaining("iteration count 2147483647 is outside 1000..10000000");
  }
}
