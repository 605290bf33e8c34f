package org.peaktrade.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.peaktrade.http.fixtures.TestTokens;

/** Config files for nodes started by tests. */
public final class NodeFixtures {

  private NodeFixtures() {}

  /**
   * A node config with the given approval-code hash and cooldown, written into {@code dir}; the health endpoints on
   * a free port, so nodes of parallel runs do not compete for 8558.
   */
  public static Path config(Path dir, String approvalCodeHash, String cooldown) throws IOException {
    return config(dir, approvalCodeHash, cooldown, false);
  }

  /** The same, with the API tokens of {@link TestTokens} configured (no admin token file is made). */
  public static Path configWithTokens(Path dir, String approvalCodeHash, String cooldown) throws IOException {
    return configWithTokens(dir, approvalCodeHash, cooldown, false);
  }

  /** The same, with the two-person rule on or off. */
  public static Path configWithTokens(Path dir, String approvalCodeHash, String cooldown, boolean twoPersonRule)
      throws IOException {
    Path file = config(dir, approvalCodeHash, cooldown, twoPersonRule);
    Files.writeString(file, TestTokens.config(), StandardOpenOption.APPEND);
    return file;
  }

  /** The same, with the two-person rule on or off. */
  public static Path config(Path dir, String approvalCodeHash, String cooldown, boolean twoPersonRule) throws IOException {
    Path file = dir.resolve("node-test.conf");
    Files.writeString(file, String.join("\n",
        "peaktrade.kill-switch {",
        "  approval-code-hash = \"" + approvalCodeHash + "\"",
        "  cooldown = " + cooldown,
        "  two-person-rule = " + twoPersonRule,
        "}",
        "peaktrade.market-data.replay.file = \"" + CliRun.demo("btc-perp-1m-2022-01.csv") + "\"",
        "peaktrade.market-data.replay.speed = 600",
        "peaktrade.node.demo-sessions = []",
        "pekko.management.http.port = 0",
        ""));
    return file;
  }
}
