package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
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

  @Test
  void closingFromTwoThreadsAtOnceReleasesTheLockWithoutFailing() throws Exception {
    for (int round = 0; round < 500; round++) {
      DataDirLock lock = DataDirLock.acquire(dataDir);
      CyclicBarrier together = new CyclicBarrier(2);
      CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
        await(together);
        lock.close();
      });
      await(together);
      lock.close();
      other.join();
    }

    try (DataDirLock again = DataDirLock.acquire(dataDir)) {
      assertThat(dataDir.resolve(DataDirLock.FILE)).exists();
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
