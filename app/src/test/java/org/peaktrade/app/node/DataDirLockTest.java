package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {
  @TempDir
  Path dataDir;

  @Test
  void aSecondLockOnTheSameDataDirFailsNamingTheFileAndTheHoldersPid() {
    try (DataDirLock held = DataDirLock.acquire(dataDir)) {
      assertThatThrownBy(() -> DataDirLock.acquire(dataDir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(dataDir.resolve(DataDirLock.FILE).toString())
          .hasMessageContaining("pid " + ProcessHandle.current().pid());
    }
  }

  @Test
  void aReleasedLockCanBeTakenAgain() {
    DataDirLock.acquire(dataDir).close();

    try (DataDirLock again = DataDirLock.acquire(dataDir)) {
      assertThat(dataDir.resolve(DataDirLock.FILE)).content().isEqualTo("pid " + ProcessHandle.current().pid() + "\n");
    }
  }
}
