package org.peaktrade.app.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One node per data dir: an exclusive OS lock ({@link FileChannel#tryLock}) on {@value #FILE} in the data dir, taken
 * before the journal is opened and held while the node runs. A second node on the same data dir fails at once, naming
 * the lock file and the pid its holder wrote into it, instead of sharing (and corrupting the order of) the journal.
 * The OS drops the lock when the holder exits, kill -9 included; the file itself stays and is reused.
 */
final class DataDirLock implements AutoCloseable {
  static final String FILE = "node.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock or throws {@link IllegalStateException} naming the lock file and its holder. */
  static DataDirLock acquire(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException heldInThisJvm) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new IllegalStateException("the data dir " + dataDir + " is in use by another node: " + file
            + " is locked by " + holder(file) + ". Stop that node, or start this one with another --data-dir");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
          .getBytes(StandardCharsets.US_ASCII)));
      channel.force(true);
      return new DataDirLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the data dir " + dataDir + " (" + file + ")", e);
    }
  }

  private static String holder(Path file) {
    try {
      String content = Files.readString(file, StandardCharsets.US_ASCII).strip();
      return content.isEmpty() ? "a process that has not written its pid yet" : content;
    } catch (IOException e) {
      return "a process whose pid cannot be read (" + e.getMessage() + ")";
    }
  }

  /**
   * Releases the lock; safe to call more than once and from several threads at once (a node's stop and its actor
   * system's termination callback both call it: unsynchronised, one could close the channel between the other's
   * open check and its release, which then failed with ClosedChannelException).
   */
  @Override
  public synchronized void close() {
    try {
      if (channel.isOpen()) {
        lock.release();
        channel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock " + FILE, e);
    }
  }
}
