package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;

/**
 * The approval code of a node whose config has none: on the first start the node makes a random code, writes it to
 * {@code <data-dir>/approval-code} (owner read/write only) for the operator and its hash to
 * {@code <data-dir>/approval-code.hash}; later starts read the hash, so the operator may move the code into a
 * password store and delete its file. A configured {@code approval-code-hash} always wins and nothing is written.
 */
final class GeneratedApprovalCode {

  static final String CODE_FILE = "approval-code";
  static final String HASH_FILE = "approval-code.hash";
  private static final String REQUIRED = "peaktrade.kill-switch.approval-code-required";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The config to start with, and the file of a code made by this or an earlier start (empty: configured). */
  record Outcome(Config config, Optional<Path> codeFile) {}

  private GeneratedApprovalCode() {}

  static Outcome ensure(Config config, Path dataDir) {
    boolean configured = !config.getString(KillSwitchWiring.APPROVAL_CODE_HASH).isBlank();
    if (configured || !config.getBoolean(REQUIRED)) {
      return new Outcome(config, Optional.empty());
    }
    Path hashFile = dataDir.resolve(HASH_FILE);
    Path codeFile = dataDir.resolve(CODE_FILE);
    try {
      if (!Files.exists(hashFile)) {
        generate(codeFile, hashFile);
      }
      String hash = Files.readString(hashFile, StandardCharsets.US_ASCII).strip();
      try {
        ApprovalCodeHash.parse(hash);
      } catch (IllegalArgumentException e) {
        throw new NodeConfigException(hashFile + " does not hold an approval-code hash (" + e.getMessage()
            + "); delete it and " + codeFile + " to make a new code", e);
      }
      return new Outcome(config.withValue(KillSwitchWiring.APPROVAL_CODE_HASH, ConfigValueFactory.fromAnyRef(hash)),
          Optional.of(codeFile));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the approval code under " + dataDir, e);
    }
  }

  private static void generate(Path codeFile, Path hashFile) throws IOException {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    char[] code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    writeOwnerOnly(codeFile, new String(code) + "\n");
    writeOwnerOnly(hashFile, ApprovalCodeHash.create(code) + "\n");
  }

  private static void writeOwnerOnly(Path file, String text) throws IOException {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
  }
}
