import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the statements of a CQL file against one Cassandra node, for `scripts/cassandra/cassandra cql FILE` where no
 * cqlsh is installed. Launched as a single-file source program on the server's own classpath, which carries the
 * DataStax 3.x driver. Statements end with ';'; lines starting with '--' or '//' are comments. Stops at the first
 * failing statement with exit code 1. DDL waits for schema agreement (the driver does that after every change).
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
        try {
          session.execute(statement);
        } catch (RuntimeException e) {
          System.err.println("cql: failed: " + firstLine + "\n  " + e.getMessage());
          System.exit(1);
        }
        System.out.println("cql: ok: " + firstLine);
      }
    }
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
