package org.peaktrade.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Config files for nodes started by tests. */
final class NodeFixtures {

  private NodeFixtures() {}

  /** A node config with the given approval-code hash and cooldown, written into {@code dir}. */
  static Path config(Path dir, String approvalCodeHash, String cooldown) throws IOException {
    Path file = dir.resolve("node-test.conf");
    Files.writeString(file, String.join("\n",
        "peaktrade.kill-switch {",
        "  approval-code-hash = \"" + approvalCodeHash + "\"",
        "  cooldown = " + cooldown,
        "}",
        ""));
    return file;
  }
}
