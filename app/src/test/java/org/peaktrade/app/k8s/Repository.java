package org.peaktrade.app.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the Kubernetes tests check: its root (where k8s/ and the Dockerfile are) and its files. */
public final class Repository {
  public static final Path ROOT = root();

  private Repository() {}

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("k8s")) && Files.isRegularFile(dir.resolve("Dockerfile"))) {
        return dir;
      }
    }
    throw new IllegalStateException("k8s/ and Dockerfile not found above " + Path.of("").toAbsolutePath());
  }
}
