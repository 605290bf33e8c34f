package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The node's configuration, highest precedence first: JVM system properties, the command-line overrides
 * ({@code --data-dir}, {@code --http-host}, {@code --http-port}), the {@code --config} file, the node defaults
 * ({@code peaktrade-node.conf}), every module's {@code reference.conf}.
 */
public final class NodeConfig {

  public static final String DATA_DIR = "peaktrade.data-dir";
  public static final String HTTP_HOST = "peaktrade.http.host";
  public static final String HTTP_PORT = "peaktrade.http.port";

  private NodeConfig() {}

  /** Throws {@link IllegalArgumentException} for a missing or unreadable config file. */
  public static Config load(Optional<Path> file, Optional<Path> dataDir, Optional<String> host, Optional<Integer> port) {
    Config overrides = ConfigFactory.empty();
    if (dataDir.isPresent()) {
      overrides = overrides.withValue(DATA_DIR, ConfigValueFactory.fromAnyRef(dataDir.get().toAbsolutePath().toString()));
    }
    if (host.isPresent()) {
      overrides = overrides.withValue(HTTP_HOST, ConfigValueFactory.fromAnyRef(host.get()));
    }
    if (port.isPresent()) {
      overrides = overrides.withValue(HTTP_PORT, ConfigValueFactory.fromAnyRef(port.get()));
    }
    Config fromFile = ConfigFactory.empty();
    if (file.isPresent()) {
      if (!Files.isRegularFile(file.get())) {
        throw new IllegalArgumentException("no such config file: " + file.get());
      }
      fromFile = ConfigFactory.parseFile(file.get().toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    }
    Config nodeDefaults = ConfigFactory.parseResources(NodeConfig.class.getClassLoader(), "peaktrade-node.conf");
    return ConfigFactory.load(overrides.withFallback(fromFile).withFallback(nodeDefaults));
  }
}
