package org.peaktrade.actors.killswitch;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded single-machine journal: pekko-persistence-jdbc on an H2 file in {@code peaktrade.data-dir}.
 * {@link #configure} points the plugin's database at the data directory (reference.conf cannot: its substitutions
 * are resolved before any override), and {@link #prepare} creates the directory and the journal and snapshot tables
 * if they do not exist, with the plugin's own H2 schema script, before the actor system starts.
 */
public final class EmbeddedJournal {
  static final String DB = "pekko-persistence-jdbc.shared-databases.embedded.db";
  private static final String SCHEMA = "/schema/h2/h2-create-schema.sql";

  private EmbeddedJournal() {}

  /** The configuration with the embedded database URL set from {@code peaktrade.data-dir}. */
  public static Config configure(Config config) {
    Path dir = Path.of(config.getString("peaktrade.data-dir")).toAbsolutePath().normalize();
    String url = "jdbc:h2:file:" + dir.resolve("journal").resolve("peaktrade") + ";DB_CLOSE_DELAY=-1";
    return config.withValue(DB + ".url", ConfigValueFactory.fromAnyRef(url));
  }

  /** Creates the data directory and the schema if missing; fails with the directory in the message. */
  public static void prepare(Config configured) {
    Path dir = Path.of(configured.getString("peaktrade.data-dir")).toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir.resolve("journal"));
      try (Connection connection = DriverManager.getConnection(configured.getString(DB + ".url"),
              configured.getString(DB + ".user"), configured.getString(DB + ".password"));
          Statement statement = connection.createStatement()) {
        for (String sql : schemaStatements()) {
          statement.execute(sql);
        }
      }
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("cannot prepare the embedded journal in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String[] schemaStatements() throws IOException {
    try (InputStream in = EmbeddedJournal.class.getResourceAsStream(SCHEMA)) {
      if (in == null) {
        throw new IOException("the journal plugin's schema script " + SCHEMA + " is not on the classpath");
      }
      // The script's one unguarded statement would fail on the second start.
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("CREATE UNIQUE INDEX \"", "CREATE UNIQUE INDEX IF NOT EXISTS \"");
      return java.util.Arrays.stream(script.split(";\\s*\\n")).map(String::trim).filter(s -> !s.isEmpty())
          .toArray(String[]::new);
    }
  }
}
