package org.peaktrade.actors.killswitch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Moves the journal of an older version (pekko-persistence-jdbc on an H2 file, {@code <data-dir>/journal/}{@value
 * #H2_FILE}) into the SQLite journal, once, at start: every event row (ordering, persistence id, sequence number,
 * payloads, the deleted flag), every tag and every snapshot is copied as it is, in one SQLite transaction, and the old
 * file is then renamed to {@value #H2_FILE}{@value #MIGRATED_SUFFIX}. Rows are inserted with {@code INSERT OR
 * IGNORE}: a start that dies between the commit and the rename copies nothing twice when it runs again. SQLite's
 * AUTOINCREMENT then continues after the highest copied ordering, so none is reused.
 */
final class H2JournalMigration {
  static final String H2_FILE = "peaktrade.mv.db";
  static final String MIGRATED_SUFFIX = ".migrated-to-sqlite";

  private static final List<Table> TABLES = List.of(
      new Table("event_journal", List.of("ordering", "deleted", "persistence_id", "sequence_number", "writer",
          "write_timestamp", "adapter_manifest", "event_payload", "event_ser_id", "event_ser_manifest",
          "meta_payload", "meta_ser_id", "meta_ser_manifest")),
      new Table("event_tag", List.of("event_id", "tag")),
      new Table("snapshot", List.of("persistence_id", "sequence_number", "created", "snapshot_ser_id",
          "snapshot_ser_manifest", "snapshot_payload", "meta_ser_id", "meta_ser_manifest", "meta_payload")));

  /** What was moved, for the start-up log. */
  record Migrated(Path from, Path renamedTo, Path to, long events, long snapshots) {
    @Override
    public String toString() {
      return "migrated the H2 journal " + from + " to " + to + ": " + events + " events, " + snapshots
          + " snapshots; the old file is kept as " + renamedTo;
    }
  }

  private record Table(String name, List<String> columns) {
    String select() {
      return "SELECT " + String.join(", ", columns.stream().map(c -> '"' + c + '"').toList()) + " FROM \"" + name
          + '"';
    }

    String insert() {
      return "INSERT OR IGNORE INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
          + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    }
  }

  private H2JournalMigration() {}

  /** Migrates when {@code journalDir} holds the old H2 file; empty when it does not. */
  static Optional<Migrated> migrateIfPresent(Path journalDir, Connection sqlite, Path sqliteFile) {
    Path h2File = journalDir.resolve(H2_FILE);
    if (!Files.exists(h2File)) {
      return Optional.empty();
    }
    long[] counts = new long[TABLES.size()];
    String h2Url = "jdbc:h2:file:" + journalDir.resolve("peaktrade") + ";IFEXISTS=TRUE";
    try (Connection h2 = DriverManager.getConnection(h2Url, "sa", "")) {
      sqlite.setAutoCommit(false);
      try {
        for (int i = 0; i < TABLES.size(); i++) {
          counts[i] = copy(TABLES.get(i), h2, sqlite);
        }
        sqlite.commit();
      } catch (SQLException | RuntimeException e) {
        sqlite.rollback();
        throw e;
      } finally {
        sqlite.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot migrate the old H2 journal " + h2File + " to " + sqliteFile + ": "
          + e.getMessage() + ". The node does not start on an empty journal while the old one is there; it retries"
          + " the migration on every start (the old file is left as it is)", e);
    }
    Path renamed = journalDir.resolve(H2_FILE + MIGRATED_SUFFIX);
    try {
      Files.move(h2File, renamed);
    } catch (IOException e) {
      throw new IllegalStateException("migrated the old H2 journal " + h2File + " but cannot rename it to "
          + renamed + ": " + e.getMessage(), e);
    }
    return Optional.of(new Migrated(h2File, renamed, sqliteFile, counts[0], counts[2]));
  }

  private static long copy(Table table, Connection h2, Connection sqlite) throws SQLException {
    long rows = 0;
    try (PreparedStatement select = h2.prepareStatement(table.select());
        ResultSet result = select.executeQuery();
        PreparedStatement insert = sqlite.prepareStatement(table.insert())) {
      while (result.next()) {
        for (int column = 1; column <= table.columns().size(); column++) {
          insert.setObject(column, value(result, column));
        }
        insert.addBatch();
        rows++;
      }
      insert.executeBatch();
    }
    return rows;
  }

  /** BLOBs as bytes and booleans as 0/1, as the SQLite profile reads them; everything else as it is. */
  private static Object value(ResultSet result, int column) throws SQLException {
    Object value = result.getObject(column);
    if (value instanceof java.sql.Blob blob) {
      return blob.getBytes(1, (int) blob.length());
    }
    if (value instanceof Boolean bool) {
      return bool ? 1 : 0;
    }
    return value;
  }
}
