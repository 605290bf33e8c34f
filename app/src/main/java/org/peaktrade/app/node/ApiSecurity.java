package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;
import org.apache.pekko.http.javadsl.server.Route;
import org.peaktrade.http.TlsSettings;
import org.peaktrade.http.auth.ApiTokens;
import org.peaktrade.http.auth.Authorization;
import org.peaktrade.http.auth.Role;
import org.peaktrade.http.auth.TokenHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use a node's API, and over what: the API tokens behind the {@link Authorization} gate, and HTTPS when
 * {@value TlsSettings#PATH} is enabled. Configured tokens ({@value ApiTokens#PATH}) are used as they are. Without any, the
 * embedded default applies: on first start a random admin token is written to {@code <data-dir>/admin.token}
 * (mode 600, readable by the node's user only) and only its hash to {@code <data-dir>/auth-tokens.conf}; later starts
 * read the hash file, so the token keeps working even after its file was moved into a password store. An invalid
 * auth section or hash file stops the node with the key or file named.
 */
final class ApiSecurity {

  static final String ADMIN_TOKEN_FILE = NodeConfig.ADMIN_TOKEN_FILE;
  static final String TOKENS_FILE = "auth-tokens.conf";
  static final String ADMIN_NAME = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(ApiSecurity.class);

  private final Authorization authorization;
  private final Optional<HttpsConnectionContext> https;
  private final Optional<Path> adminTokenFile;
  private final boolean adminTokenCreated;

  private ApiSecurity(ApiTokens tokens, Optional<HttpsConnectionContext> https, Optional<Path> adminTokenFile,
      boolean adminTokenCreated) {
    this.authorization = new Authorization(tokens);
    this.https = https;
    this.adminTokenFile = adminTokenFile;
    this.adminTokenCreated = adminTokenCreated;
  }

  /** Throws {@link NodeConfigException} naming the key or file for invalid auth or TLS settings. */
  static ApiSecurity fromConfig(Config config, Path dataDir, SecureRandom random) {
    Optional<HttpsConnectionContext> https;
    ApiTokens configured;
    try {
      https = TlsSettings.fromConfig(config);
      configured = ApiTokens.fromConfig(config);
    } catch (IllegalArgumentException e) {
      throw new NodeConfigException(e.getMessage(), e);
    }
    if (!configured.isEmpty()) {
      LOG.info("API: {} configured token(s)", configured.size());
      return new ApiSecurity(configured, https, Optional.empty(), false);
    }
    Path tokenFile = dataDir.resolve(ADMIN_TOKEN_FILE);
    Path hashes = dataDir.resolve(TOKENS_FILE);
    if (Files.exists(hashes)) {
      return new ApiSecurity(read(hashes), https,
          Files.exists(tokenFile) ? Optional.of(tokenFile) : Optional.empty(), false);
    }
    if (Files.exists(tokenFile)) {
      throw new NodeConfigException(tokenFile + " exists but " + hashes + " (its hash) does not; delete "
          + tokenFile + " to have a new admin token made, or configure " + ApiTokens.PATH, null);
    }
    return new ApiSecurity(createAdminToken(tokenFile, hashes, random), https, Optional.of(tokenFile), true);
  }

  /** {@code routes} behind the token gate. */
  Route secure(Route routes) {
    return authorization.secure(routes);
  }

  Optional<HttpsConnectionContext> https() {
    return https;
  }

  /** The embedded default's admin token file, when the node uses it and the file is still there. */
  Optional<Path> adminTokenFile() {
    return adminTokenFile;
  }

  /** True when this start made the admin token. */
  boolean adminTokenCreated() {
    return adminTokenCreated;
  }

  private static ApiTokens read(Path hashes) {
    try {
      Config file = ConfigFactory.parseFile(hashes.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      ApiTokens tokens = ApiTokens.fromList(file, "tokens", hashes + ": tokens");
      if (tokens.isEmpty()) {
        throw new IllegalArgumentException(hashes + ": tokens is empty; delete the file to have a new admin token "
            + "made, or configure " + ApiTokens.PATH);
      }
      LOG.info("API: token(s) from {}", hashes);
      return tokens;
    } catch (ConfigException | IllegalArgumentException e) {
      throw new NodeConfigException(e.getMessage(), e);
    }
  }

  private static ApiTokens createAdminToken(Path tokenFile, Path hashes, SecureRandom random) {
    String token = TokenHash.newToken(random);
    String hash = TokenHash.encode(token);
    try {
      writeOwnerOnly(tokenFile, token + "\n");
      writeOwnerOnly(hashes, "# Made by the node on first start: the hash of the admin token in " + ADMIN_TOKEN_FILE
          + ".\n# Tokens configured under " + ApiTokens.PATH + " replace this file.\ntokens = [\n  { name = \""
          + ADMIN_NAME + "\", roles = [admin], token-hash = \"" + hash + "\" }\n]\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the admin token to " + tokenFile, e);
    }
    LOG.info("API: no tokens configured; created an admin token in {} (readable by this user only)", tokenFile);
    return ApiTokens.of(ADMIN_NAME, Set.of(Role.ADMIN), hash);
  }

  /** Writes via a fresh temporary file created with mode 600, so the content is never readable by others. */
  private static void writeOwnerOnly(Path file, String content) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] ownerOnly = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp", ownerOnly);
    try {
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
