package org.peaktrade.app.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.peaktrade.app.k8s.Repository;
import picocli.CommandLine;

/**
 * docs/deployment.md's local three-node cluster runs as written: its node command lines, parsed by the node command
 * itself, give each member its own ports and data dir and make every member load the one credentials file the doc
 * tells to create.
 */
class LocalClusterDocTest {

  private static final String SECTION = "## Three-node cluster on a local Cassandra";
  private static final Path CREDENTIALS = Path.of("data/cluster/credentials.conf");

  private static final String DOC = section(Repository.read(Repository.ROOT.resolve("docs/deployment.md")));
  private static final List<NodeCommand> NODES = nodeCommands(DOC);

  @Test
  void startsThreeMembers() {
    assertEquals(3, NODES.size(), "node command lines in " + SECTION);
  }

  @Test
  void givesEveryMemberItsOwnHttpManagementAndClusterPort() {
    List<Integer> ports = NODES.stream()
        .flatMap(node -> Arrays.asList(node.httpPort, node.managementPort, node.remotePort).stream())
        .toList();
    assertTrue(ports.stream().allMatch(Objects::nonNull), "every line sets --http-port, --management-port and "
        + "--remote-port: " + ports);
    assertEquals(ports.size(), new HashSet<>(ports).size(), "ports used twice: " + ports);
  }

  @Test
  void givesEveryMemberItsOwnDataDir() {
    assertDistinct(node -> node.dataDir);
  }

  @Test
  void makesEveryMemberLoadTheSameCredentialsFileAfterTheDemoConfig() {
    for (NodeCommand node : NODES) {
      assertEquals(List.of(Path.of("config/local.conf"), Path.of("config/persistence-cassandra.conf"), CREDENTIALS),
          node.configs);
    }
  }

  @Test
  void createsTheCredentialsFileWithTheTokenHashesAndTheApprovalCodeHash() {
    assertTrue(DOC.contains("> " + CREDENTIALS), "the doc writes " + CREDENTIALS);
    assertTrue(DOC.contains("peaktrade.auth.tokens = ["), "the file configures the API tokens");
    assertTrue(DOC.contains("peaktrade.kill-switch.approval-code-hash = "), "the file sets the approval-code hash");
    assertTrue(DOC.contains("./peak-trade new-token ") && DOC.contains("./peak-trade hash-approval-code"),
        "the doc makes both with the CLI");
  }

  @Test
  void givesEveryMemberTheManagementEndpointOfEveryMemberAsItsContactPoints() {
    Set<String> endpoints = new HashSet<>();
    NODES.forEach(node -> endpoints.add("127.0.0.1:" + node.managementPort));
    for (NodeCommand node : NODES) {
      assertTrue(node.cluster, "--cluster");
      assertTrue(node.seeds == null || node.seeds.isEmpty(), "no --seed, which lets the first seed split: "
          + node.seeds);
      assertEquals(endpoints, new HashSet<>(node.contactPoints), "--contact-point of every member, itself included");
    }
  }

  private static void assertDistinct(Function<NodeCommand, Object> option) {
    List<Object> values = NODES.stream().map(option).toList();
    assertTrue(values.stream().allMatch(Objects::nonNull), "set on every line: " + values);
    assertEquals(values.size(), new HashSet<>(values).size(), "used twice: " + values);
  }

  private static String section(String doc) {
    int start = doc.indexOf(SECTION);
    assertTrue(start >= 0, SECTION + " in docs/deployment.md");
    int end = doc.indexOf("\n## ", start + SECTION.length());
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  /** The lines {@code ./peak-trade node $C ... &} with {@code $C} replaced by the doc's {@code C="..."}. */
  private static List<NodeCommand> nodeCommands(String doc) {
    Matcher shared = Pattern.compile("(?m)^C=\"([^\"]*)\"$").matcher(doc);
    assertTrue(shared.find(), "C=\"...\" in " + SECTION);
    String common = shared.group(1);
    return Pattern.compile("(?m)^\\./peak-trade node (.*?)\\s*&?$").matcher(doc).results()
        .map(line -> line.group(1).replace("$C", common).trim().split("\\s+"))
        .map(args -> {
          NodeCommand node = new NodeCommand();
          new CommandLine(node).parseArgs(args);
          return node;
        })
        .toList();
  }
}
