package org.peaktrade.app.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.peaktrade.app.Terminal;
import org.peaktrade.app.node.NodeConfig;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to a running node shares: which node, the API token, and the output format.
 * The token comes from {@code --token-file}, else {@value #TOKEN_VARIABLE}, else the admin token a node without
 * configured tokens made in its data dir ({@code $PEAKTRADE_DATA_DIR} or {@code ./data/run}).
 */
public final class NodeOptions {

  public static final String TOKEN_VARIABLE = "PEAKTRADE_TOKEN";

  private final Terminal terminal;

  @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:PEAKTRADE_URL:-http://127.0.0.1:8080}",
      description = "The node's HTTP API (default: ${DEFAULT-VALUE}; env PEAKTRADE_URL).")
  URI url;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "File holding the API token (default: env " + TOKEN_VARIABLE + ", else the node's "
          + "<data-dir>/admin.token).")
  Path tokenFile;

  @Option(names = "--json", description = "Print the node's JSON answer as it is (errors too), for scripts.")
  boolean json;

  public NodeOptions(Terminal terminal) {
    this.terminal = terminal;
  }

  public URI url() {
    return url;
  }

  public boolean json() {
    return json;
  }

  /** The API token; throws {@link NotAuthorizedException} saying where it looked when there is none. */
  public String token() {
    if (tokenFile != null) {
      return read(tokenFile, "--token-file");
    }
    String fromEnv = terminal.env(TOKEN_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    String dataDir = terminal.env(NodeConfig.DATA_DIR_VARIABLE);
    Path adminToken = Path.of(dataDir == null || dataDir.isBlank() ? NodeConfig.DEFAULT_DATA_DIR : dataDir)
        .resolve(NodeConfig.ADMIN_TOKEN_FILE);
    if (Files.isRegularFile(adminToken)) {
      return read(adminToken, "the node's admin token");
    }
    throw new NotAuthorizedException("no API token: set " + TOKEN_VARIABLE + ", pass --token-file FILE, or run "
        + "where the node's data dir is (there is no " + adminToken.toAbsolutePath() + ")");
  }

  private static String read(Path file, String what) {
    String token;
    try {
      token = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new NotAuthorizedException("cannot read " + what + " from " + file + ": " + e.getMessage());
    }
    if (token.isEmpty()) {
      throw new NotAuthorizedException(what + " file " + file + " is empty");
    }
    return token;
  }
}
