package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.peaktrade.actors.cluster.ClusterProfile;
import org.peaktrade.actors.killswitch.EmbeddedJournal;

/**
 * The node's configuration, highest precedence first: JVM system properties, the command-line overrides
 * ({@code --data-dir}, {@code --http-host}, {@code --http-port}), the {@code --config} files (a later one over an
 * earlier one, e.g. {@code config/local.conf} then {@code config/persistence-cassandra.conf}), the node defaults
 * ({@code peaktrade-node.conf}), every module's {@code reference.conf}.
 */
public final class NodeConfig {

  public static final String DATA_DIR = "peaktrade.data-dir";
  /** The environment variable that overrides the default data dir (see the actors' reference.conf). */
  public static final String DATA_DIR_VARIABLE = "PEAKTRADE_DATA_DIR";
  /** The data dir when neither config nor {@value #DATA_DIR_VARIABLE} names one. */
  public static final String DEFAULT_DATA_DIR = "data/run";
  /** The admin token a node without configured tokens makes in its data dir (see ApiSecurity). */
  public static final String ADMIN_TOKEN_FILE = "admin.token";
  public static final String HTTP_HOST = "peaktrade.http.host";
  public static final String HTTP_PORT = "peaktrade.http.port";
  static final String JOURNAL_PLUGIN = "pekko.persistence.journal.plugin";
  static final String CASSANDRA_JOURNAL = "pekko.persistence.cassandra.journal";

  private NodeConfig() {}

  /** Throws {@link IllegalArgumentException} for a missing or unreadable config file. */
  public static Config load(Optional<Path> file, Optional<Path> dataDir, Optional<String> host, Optional<Integer> port) {
    return load(file.stream().toList(), dataDir, host, port);
  }

  /** The same with several config files, each layered over the ones before it. */
  public static Config load(List<Path> files, Optional<Path> dataDir, Optional<String> host,
      Optional<Integer> port) {
    return load(files, dataDir, host, port, ClusterOptions.NONE);
  }

  /**
   * The same with the cluster options of the command line. When {@code peaktrade.cluster.enabled} ends up true (from
   * {@code --cluster}, a file such as {@code config/cluster.conf}, a system property or
   * {@code PEAKTRADE_CLUSTER_ENABLED}), the cluster profile ({@code peaktrade-cluster.conf}) is layered between the
   * files and the node defaults.
   */
  public static Config load(List<Path> files, Optional<Path> dataDir, Optional<String> host,
      Optional<Integer> port, ClusterOptions cluster) {
    Config overrides = cluster.overrides();
    if (dataDir.isPresent()) {
      overrides = overrides.withValue(DATA_DIR, ConfigValueFactory.fromAnyRef(dataDir.get().toAbsolutePath().toString()));
    }
    if (host.isPresent()) {
      overrides = overrides.withValue(HTTP_HOST, ConfigValueFactory.fromAnyRef(host.get()));
    }
    if (port.isPresent()) {
      overrides = overrides.withValue(HTTP_PORT, ConfigValueFactory.fromAnyRef(port.get()));
    }
    Config fromFiles = ConfigFactory.empty();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no such config file: " + file);
      }
      fromFiles = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
          .withFallback(fromFiles);
    }
    Config nodeDefaults = ConfigFactory.parseResources(NodeConfig.class.getClassLoader(), "peaktrade-node.conf");
    Config layered = overrides.withFallback(fromFiles);
    Config loaded = ConfigFactory.load(layered.withFallback(nodeDefaults));
    if (!loaded.getBoolean(ClusterProfile.ENABLED)) {
      return loaded;
    }
    return ConfigFactory.load(layered.withFallback(ClusterProfile.config()).withFallback(nodeDefaults));
  }

  /** Where the kill-switch journal lives, for the startup banner. */
  static String describeJournal(Config config) {
    String plugin = config.getString(JOURNAL_PLUGIN);
    if (plugin.equals(EmbeddedJournal.JDBC_JOURNAL)) {
      return "embedded SQLite under " + Path.of(config.getString(DATA_DIR)).toAbsolutePath().resolve("journal");
    }
    if (plugin.equals(CASSANDRA_JOURNAL)) {
      return "Cassandra " + String.join(",", config.getStringList("datastax-java-driver.basic.contact-points"))
          + ", keyspace " + config.getString(CASSANDRA_JOURNAL + ".keyspace");
    }
    return plugin;
  }
}
