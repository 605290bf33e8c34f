package org.peaktrade.app.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.peaktrade.app.k8s.Manifests.Manifest;

/**
 * The Cassandra part of k8s/: the headless Service and the StatefulSet match the node's contact point and data
 * center, the schema ConfigMap is scripts/cassandra/schema.cql with the StatefulSet's replication, and the Job runs
 * it against the Service.
 */
final class CassandraCheck {

  private static final Pattern SIMPLE_REPLICATION =
      Pattern.compile(Pattern.quote("{ 'class' : 'SimpleStrategy','replication_factor':1 }"));

  private final ManifestCheck check;
  private final Manifests manifests;
  private final Path repo;

  CassandraCheck(ManifestCheck check, Manifests manifests, Path repo) {
    this.check = check;
    this.manifests = manifests;
    this.repo = repo;
  }

  void check(Manifest nodes, Config config) {
    if (!config.getString("pekko.persistence.journal.plugin").equals("pekko.persistence.cassandra.journal")) {
      check.problem(nodes.where(), "the journal is not on Cassandra: pods would each keep their own H2 journal");
    }
    Manifest set = manifests.one("StatefulSet", "cassandra");
    JsonNode cassandra = set.body().path("spec").path("template").path("spec").path("containers").path(0);
    Manifest service = manifests.one("Service", set.body().path("spec").path("serviceName").asText());
    if (!service.body().path("spec").path("clusterIP").asText().equals("None")) {
      check.problem(service.where(), "the StatefulSet's serviceName must be a headless Service (clusterIP: None)");
    }
    Map<String, String> cassandraLabels =
        Trees.strings(set.body().path("spec").path("template").path("metadata").path("labels"));
    if (!cassandraLabels.entrySet().containsAll(Trees.strings(service.body().path("spec").path("selector")).entrySet())) {
      check.problem(service.where(), "selector does not select the Cassandra pods " + cassandraLabels);
    }
    Map<String, Integer> cassandraPorts = Trees.containerPorts(cassandra);
    Integer cqlServicePort = null;
    for (JsonNode port : service.body().path("spec").path("ports")) {
      if (port.path("name").asText().equals("cql")) {
        cqlServicePort = port.path("port").asInt();
        JsonNode target = port.path("targetPort");
        Integer targetPort = target.isInt() ? Integer.valueOf(target.asInt()) : cassandraPorts.get(target.asText());
        if (!Integer.valueOf(9042).equals(targetPort)) {
          check.problem(service.where(), "port cql targets " + target + ", not Cassandra's CQL port 9042");
        }
      }
    }
    String expectedContact = service.name() + ":" + cqlServicePort;
    List<String> contactPoints = config.getStringList("datastax-java-driver.basic.contact-points");
    if (!contactPoints.equals(List.of(expectedContact))) {
      check.problem(nodes.where(), "the node's Cassandra contact points " + contactPoints + " (PEAKTRADE_CASSANDRA_"
          + "CONTACT_POINT) are not the Cassandra service " + expectedContact);
    }
    Map<String, String> cassandraEnv = Trees.env(cassandra);
    String dc = cassandraEnv.get("CASSANDRA_DC");
    String localDc = config.getString("datastax-java-driver.basic.load-balancing-policy.local-datacenter");
    if (!localDc.equals(dc)) {
      check.problem(nodes.where(), "the node's local data center " + localDc + " (PEAKTRADE_CASSANDRA_DATACENTER) is"
          + " not the StatefulSet's CASSANDRA_DC " + dc);
    }
    if (!String.valueOf(cassandraEnv.get("CASSANDRA_SEEDS")).startsWith(set.name() + "-0." + service.name())) {
      check.problem(set.where(), "CASSANDRA_SEEDS " + cassandraEnv.get("CASSANDRA_SEEDS") + " does not start with the "
          + "first pod's stable name " + set.name() + "-0." + service.name());
    }
    check.checkResources(set.where(), cassandra, cassandraEnv.get("MAX_HEAP_SIZE"), "MAX_HEAP_SIZE");
    checkSchema(set, dc, config);
    checkSchemaJob(service.name(), cqlServicePort);
  }

  /** The schema ConfigMap is schema.cql without its comments, replicated as many times as Cassandra has nodes. */
  private void checkSchema(Manifest set, String dc, Config config) {
    Manifest map = manifests.one("ConfigMap", "cassandra-schema");
    int replicas = set.body().path("spec").path("replicas").asInt(1);
    String expected;
    try {
      expected = Files.readAllLines(repo.resolve("scripts/cassandra/schema.cql")).stream()
          .filter(line -> !line.startsWith("--"))
          .dropWhile(String::isBlank)
          .map(line -> SIMPLE_REPLICATION.matcher(line)
              .replaceAll("{ 'class' : 'NetworkTopologyStrategy', '" + dc + "' : " + replicas + " }"))
          .reduce("", (text, line) -> text + line + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!map.body().path("data").path("schema.cql").asText().equals(expected)) {
      check.problem(map.where(), "schema.cql is not scripts/cassandra/schema.cql replicated " + replicas + " times in "
          + dc + ": run scripts/k8s/cassandra-schema-configmap " + dc + " " + replicas);
    }
    for (String keyspace : List.of(config.getString("pekko.persistence.cassandra.journal.keyspace"),
        config.getString("pekko.persistence.cassandra.snapshot.keyspace"))) {
      if (!expected.contains("CREATE KEYSPACE IF NOT EXISTS " + keyspace + "\n")) {
        check.problem(map.where(), "the schema does not create the node's keyspace " + keyspace);
      }
    }
  }

  private void checkSchemaJob(String serviceName, Integer cqlPort) {
    Manifest job = manifests.only("Job");
    String script = String.join(" ", Trees.texts(job.body().path("spec").path("template").path("spec").path("containers")
        .path(0).path("command")));
    if (!script.contains("cqlsh " + serviceName + " " + cqlPort + " -f ")) {
      check.problem(job.where(), "does not run cqlsh -f against the Cassandra service " + serviceName + " " + cqlPort);
    }
  }
}
