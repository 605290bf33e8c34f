package org.peaktrade.actors.candles;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.peaktrade.engine.candles.AppendPlan;
import org.peaktrade.engine.candles.AppendResult;
import org.peaktrade.engine.candles.CandleAppendCheck;
import org.peaktrade.engine.candles.CandleHistory;
import org.peaktrade.engine.candles.CandleSeries;
import org.peaktrade.engine.candles.StoredCandles;
import org.peaktrade.engine.candles.TimeWindow;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * The candles in a SQLite file of their own, one table keyed by series and open time ({@link #CREATE_TABLE}).
 * Blocking: call it from a dispatcher for blocking work. Durable like the embedded journal: WAL, and a commit returns
 * once the WAL is fsynced ({@code synchronous=FULL}). An append reads, checks and writes in one {@code IMMEDIATE}
 * transaction, which holds the file's write lock from its start: two appends, from two connections or processes,
 * never check against the same state. Prices and volume are text: SQLite has no exact decimal type, and a numeric
 * column would turn them into doubles.
 */
final class SqliteCandleHistory implements CandleHistory, AutoCloseable {
  static final String CREATE_TABLE = """
      CREATE TABLE IF NOT EXISTS candles (
        symbol TEXT NOT NULL,
        interval_ms INTEGER NOT NULL,
        open_time_ms INTEGER NOT NULL,
        open TEXT NOT NULL,
        high TEXT NOT NULL,
        low TEXT NOT NULL,
        close TEXT NOT NULL,
        volume TEXT NOT NULL,
        PRIMARY KEY (symbol, interval_ms, open_time_ms)
      ) WITHOUT ROWID""";
  private static final String COLUMNS = "open_time_ms, open, high, low, close, volume";
  private static final String SERIES = " FROM candles WHERE symbol = ? AND interval_ms = ?";

  private final Path file;
  private final HikariDataSource pool;

  private SqliteCandleHistory(Path file, HikariDataSource pool) {
    this.file = file;
    this.pool = pool;
  }

  /** Opens (creating the file, its directory and the table if missing) {@code file} with a pool of connections. */
  static SqliteCandleHistory open(Path file, Duration busyTimeout, int connections) {
    Path absolute = file.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of the candle store " + absolute, e);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("candles");
    config.setJdbcUrl("jdbc:sqlite:" + absolute);
    config.setDataSourceProperties(pragmas(busyTimeout));
    config.setMaximumPoolSize(connections);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(busyTimeout.multipliedBy(2).toMillis());
    SqliteCandleHistory history;
    try {
      history = new SqliteCandleHistory(absolute, new HikariDataSource(config));
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot open the candle store " + absolute + ": " + e.getMessage(), e);
    }
    try (Connection connection = history.pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(CREATE_TABLE);
    } catch (SQLException e) {
      history.close();
      throw history.failed("cannot create the candles table", e);
    }
    return history;
  }

  /** As the embedded journal's connections (peaktrade-embedded-journal.conf): durable commits, writers queue. */
  private static Properties pragmas(Duration busyTimeout) {
    Properties pragmas = new Properties();
    pragmas.setProperty("journal_mode", "WAL");
    pragmas.setProperty("synchronous", "FULL");
    pragmas.setProperty("busy_timeout", String.valueOf(busyTimeout.toMillis()));
    pragmas.setProperty("transaction_mode", "IMMEDIATE");
    return pragmas;
  }

  @Override
  public AppendResult append(List<Bar> bars) {
    if (bars.isEmpty()) {
      return AppendResult.NOTHING;
    }
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Map<CandleSeries, StoredCandles> stored = new HashMap<>();
        for (Map.Entry<CandleSeries, TimeWindow> window : CandleAppendCheck.windows(bars).entrySet()) {
          CandleSeries series = window.getKey();
          stored.put(series, new StoredCandles(newest(connection, series, 1).stream().findFirst(),
              between(connection, series, window.getValue())));
        }
        AppendPlan plan = CandleAppendCheck.plan(bars, stored);
        insert(connection, plan.toStore());
        connection.commit();
        return plan.result();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failed("append of " + bars.size() + " candles failed", e);
    }
  }

  @Override
  public List<Bar> range(Symbol symbol, Duration interval, Instant fromInclusive, Instant toExclusive) {
    TimeWindow window = new TimeWindow(fromInclusive, toExclusive);
    try (Connection connection = pool.getConnection()) {
      return between(connection, new CandleSeries(symbol, interval), window);
    } catch (SQLException e) {
      throw failed("range read failed", e);
    }
  }

  @Override
  public List<Bar> last(Symbol symbol, Duration interval, int n) {
    CandleHistory.requireCount(n);
    try (Connection connection = pool.getConnection()) {
      List<Bar> oldestFirst = new ArrayList<>(newest(connection, new CandleSeries(symbol, interval), n));
      Collections.reverse(oldestFirst);
      return List.copyOf(oldestFirst);
    } catch (SQLException e) {
      throw failed("read of the last " + n + " candles failed", e);
    }
  }

  @Override
  public Optional<Bar> latest(Symbol symbol, Duration interval) {
    try (Connection connection = pool.getConnection()) {
      return newest(connection, new CandleSeries(symbol, interval), 1).stream().findFirst();
    } catch (SQLException e) {
      throw failed("read of the latest candle failed", e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  /** The {@code n} newest candles of the series, newest first. */
  private static List<Bar> newest(Connection connection, CandleSeries series, int n) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + SERIES
        + " ORDER BY open_time_ms DESC LIMIT ?")) {
      bindSeries(select, series);
      select.setInt(3, n);
      return read(select, series);
    }
  }

  private static List<Bar> between(Connection connection, CandleSeries series, TimeWindow window)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + SERIES
        + " AND open_time_ms >= ? AND open_time_ms < ? ORDER BY open_time_ms")) {
      bindSeries(select, series);
      select.setLong(3, CandleRows.ceilMillis(window.fromInclusive()));
      select.setLong(4, CandleRows.ceilMillis(window.toExclusive()));
      return read(select, series);
    }
  }

  private static void insert(Connection connection, List<Bar> bars) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO candles (symbol, interval_ms, "
        + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Bar bar : bars) {
        bindSeries(insert, CandleSeries.of(bar));
        insert.setLong(3, bar.openTime().toEpochMilli());
        insert.setString(4, bar.open().value().toPlainString());
        insert.setString(5, bar.high().value().toPlainString());
        insert.setString(6, bar.low().value().toPlainString());
        insert.setString(7, bar.close().value().toPlainString());
        insert.setString(8, bar.volume().value().toPlainString());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void bindSeries(PreparedStatement statement, CandleSeries series) throws SQLException {
    statement.setString(1, series.symbol().value());
    statement.setLong(2, series.interval().toMillis());
  }

  private static List<Bar> read(PreparedStatement select, CandleSeries series) throws SQLException {
    List<Bar> bars = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        bars.add(CandleRows.bar(series, rows.getLong(1), new BigDecimal(rows.getString(2)),
            new BigDecimal(rows.getString(3)), new BigDecimal(rows.getString(4)), new BigDecimal(rows.getString(5)),
            new BigDecimal(rows.getString(6))));
      }
    }
    return bars;
  }

  private IllegalStateException failed(String what, SQLException e) {
    return new IllegalStateException("candle store " + file + ": " + what + ": " + e.getMessage(), e);
  }
}
