import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.ColumnDefinitions;
import com.datastax.driver.core.ResultSet;
import com.datastax.driver.core.Row;
import com.datastax.driver.core.Session;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the statements of a CQL file against one Cassandra node, for `scripts/cassandra/cassandra cql FILE` where no
 * cqlsh is installed. Launched as a single-file source program on the server's own classpath, which carries the
 * DataStax 3.x driver. Statements end with ';'; lines starting with '--' or '//' are comments. Stops at the first
 * failing statement with exit code 1. DDL waits for schema agreement (the driver does that after every change).
 * A statement that returns rows (SELECT) prints them as cqlsh does: a header of the column names, one aligned line
 * per row (every page of the result), blobs as 0x-hex, and the row count.
 */
public final class Cql {

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: Cql HOST PORT FILE");
      System.exit(2);
    }
    List<String> statements = statements(Files.readString(Path.of(args[2])));
    try (Cluster cluster = Cluster.builder().addContactPoint(args[0]).withPort(Integer.parseInt(args[1]))
        .withoutJMXReporting().build();
        Session session = cluster.connect()) {
      for (String statement : statements) {
        String firstLine = statement.lines().findFirst().orElse("");
        ResultSet result;
        try {
          result = session.execute(statement);
        } catch (RuntimeException e) {
          System.err.println("cql: failed: " + firstLine + "\n  " + e.getMessage());
          System.exit(1);
          return;
        }
        System.out.println("cql: ok: " + firstLine);
        if (result.getColumnDefinitions().size() > 0) {
          printRows(result);
        }
      }
    }
  }

  private static void printRows(ResultSet result) {
    ColumnDefinitions columns = result.getColumnDefinitions();
    List<String[]> lines = new ArrayList<>();
    String[] header = new String[columns.size()];
    for (int i = 0; i < header.length; i++) {
      header[i] = columns.getName(i);
    }
    lines.add(header);
    for (Row row : result) {
      String[] cells = new String[header.length];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = text(row.getObject(i));
      }
      lines.add(cells);
    }
    int[] widths = new int[header.length];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    System.out.println();
    for (int n = 0; n < lines.size(); n++) {
      System.out.println(line(lines.get(n), widths));
      if (n == 0) {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
          rule.append(i == 0 ? "" : "+").append("-".repeat(widths[i] + 2));
        }
        System.out.println(rule);
      }
    }
    int rows = lines.size() - 1;
    System.out.println();
    System.out.println("(" + rows + (rows == 1 ? " row)" : " rows)"));
    System.out.println();
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      line.append(i == 0 ? " " : " | ").append(cells[i]).append(" ".repeat(widths[i] - cells[i].length()));
    }
    return line.toString().stripTrailing();
  }

  private static String text(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof ByteBuffer bytes) {
      StringBuilder hex = new StringBuilder("0x");
      ByteBuffer copy = bytes.duplicate();
      while (copy.hasRemaining()) {
        hex.append(String.format("%02x", copy.get()));
      }
      return hex.toString();
    }
    return value.toString();
  }

  static List<String> statements(String text) {
    StringBuilder code = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (!trimmed.startsWith("--") && !trimmed.startsWith("//")) {
        code.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : code.toString().split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }
}
