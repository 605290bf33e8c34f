package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.app.fixtures.NodeProcess;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;

/**
 * Two real node processes on one data dir: the second fails at once naming the lock file and the first one's pid;
 * after the first is killed with SIGKILL the OS has dropped its lock and a node starts on the same data dir.
 */
class OneNodePerDataDirIT {
  @TempDir
  Path dir;

  @Test
  void aSecondNodeOnTheSameDataDirFailsAtOnceNamingTheLockAndItsHolder() throws Exception {
    Path config = NodeFixtures.configWithTokens(dir, ApprovalCodeHash.create("lock code".toCharArray()), "300s");
    String dataDir = dir.resolve("data").toString();
    try (NodeProcess first = NodeProcess.start(dir.resolve("first.log"), Map.of(), "--data-dir", dataDir,
        "--config", config.toString())) {
      long launched = System.nanoTime();
      NodeProcess second = NodeProcess.launch(dir.resolve("second.log"), Map.of(), "--data-dir", dataDir,
          "--config", config.toString());
      Optional<Integer> exit = second.awaitExit(Duration.ofSeconds(20));
      Duration took = Duration.ofNanos(System.nanoTime() - launched);

      assertThat(exit).as(second.log()).isPresent();
      assertThat(exit.get()).isNotZero();
      assertThat(second.log()).contains(dir.resolve("data").toAbsolutePath().resolve("node.lock").toString())
          .contains("pid " + first.pid());
      System.out.printf("second node on a locked data dir exited %d after %d ms (JVM start included)%n", exit.get(),
          took.toMillis());

      first.killDashNine();
      try (NodeProcess third = NodeProcess.start(dir.resolve("third.log"), Map.of(), "--data-dir", dataDir,
          "--config", config.toString())) {
        assertThat(third.get("").statusCode()).isEqualTo(200);
      }
    }
  }
}
