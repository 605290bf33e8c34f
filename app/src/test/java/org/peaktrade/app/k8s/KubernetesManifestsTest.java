package org.peaktrade.app.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The k8s/ manifests and the Dockerfile agree with the node's configuration as each pod of the StatefulSet loads it
 * (config/kubernetes.conf from the image, node.conf from the ConfigMap, tokens.conf from the Secret, the pod's
 * environment), and each check reports a manifest that does not.
 */
class KubernetesManifestsTest {

  private static final Path REPO = repositoryRoot();

  @TempDir
  Path scratch;

  private static final PodSecrets SECRETS = new PodSecrets();

  private final Manifests manifests = Manifests.load(REPO.resolve("k8s"));
  private String dockerfile = read(REPO.resolve("Dockerfile"));

  private List<String> problems() {
    return ManifestCheck.problems(REPO, manifests, Dockerfile.parse(dockerfile), SECRETS, scratch);
  }

  private ObjectNode nodes() {
    return manifests.one("StatefulSet", NodePod.NODE_SET).body();
  }

  private ObjectNode spec() {
    return (ObjectNode) nodes().path("spec");
  }

  private ObjectNode container() {
    return (ObjectNode) nodes().path("spec").path("template").path("spec").path("containers").path(0);
  }

  private ObjectNode volume(String name) {
    for (var volume : nodes().path("spec").path("template").path("spec").path("volumes")) {
      if (volume.path("name").asText().equals(name)) {
        return (ObjectNode) volume;
      }
    }
    throw new IllegalStateException("no volume " + name);
  }

  private ObjectNode containerPort(String name) {
    for (var port : container().path("ports")) {
      if (port.path("name").asText().equals(name)) {
        return (ObjectNode) port;
      }
    }
    throw new IllegalStateException("no container port " + name);
  }

  private ObjectNode env(String name) {
    for (var variable : container().path("env")) {
      if (variable.path("name").asText().equals(name)) {
        return (ObjectNode) variable;
      }
    }
    throw new IllegalStateException("no env " + name);
  }

  @Test
  void theShippedManifestsAndDockerfileMatchTheNodeConfig() {
    assertThat(manifests.all()).extracting(Manifests.Manifest::kind).contains("Namespace", "ConfigMap", "Service",
        "StatefulSet", "Job", "PodDisruptionBudget", "NetworkPolicy");
    assertThat(manifests.all()).extracting(Manifests.Manifest::kind).doesNotContain("Deployment", "Role",
        "RoleBinding", "ServiceAccount");

    assertThat(problems()).isEmpty();
  }

  @Test
  void reportsAContainerPortThatIsNotTheConfiguredHttpPort() {
    containerPort("http").put("containerPort", 9090);

    assertThat(problems()).anyMatch(p -> p.contains("container port 'http' is 9090 but peaktrade.http.port is 8080"));
  }

  @Test
  void readsThePortsFromTheConfigMapTheContainerIsToldToUse() {
    ObjectNode data = (ObjectNode) manifests.one("ConfigMap", "peak-trade-config").body().path("data");
    data.put("node.conf", data.path("node.conf").asText() + "\npeaktrade.http.port = 8081\n");

    assertThat(problems()).anyMatch(p -> p.contains("container port 'http' is 8080 but peaktrade.http.port is 8081"));
  }

  @Test
  void reportsAConfigFileThatIsNeitherInTheImageNorMounted() {
    ArrayNode args = (ArrayNode) container().path("args");
    args.removeAll().add("--config").add("/etc/peak-trade/site.conf");

    assertThat(problems()).anyMatch(p -> p.contains("--config /etc/peak-trade/site.conf is neither in the image"));
  }

  @Test
  void reportsAReadinessProbeOnAPathTheManagementDoesNotServe() {
    ((ObjectNode) container().path("readinessProbe").path("httpGet")).put("path", "/health");

    assertThat(problems()).anyMatch(p -> p.contains("readinessProbe asks /health but the management serves it on /ready"));
  }

  @Test
  void reportsALivenessProbeOnAnotherPort() {
    ((ObjectNode) container().path("livenessProbe").path("httpGet")).put("port", "http");

    assertThat(problems()).anyMatch(p -> p.contains("livenessProbe port \"http\" is not pekko.management.http.port"));
  }

  @Test
  void reportsAPodThatAdvertisesAnotherNameThanItsDnsName() {
    env("PEAKTRADE_CLUSTER_HOSTNAME").put("value", "$(POD_NAME).peak-trade.$(POD_NAMESPACE).svc.cluster.local");

    assertThat(problems()).anyMatch(p -> p.contains("pod peak-trade-1 advertises pekko.remote.artery.canonical."
        + "hostname peak-trade-1.peak-trade.peak-trade.svc.cluster.local, not its DNS name "
        + "peak-trade-1.peak-trade-cluster.peak-trade.svc.cluster.local"));
  }

  @Test
  void reportsSeedNodesOfAnotherNamespace() {
    manifests.all().forEach(m -> {
      if (m.kind().equals("Namespace")) {
        ((ObjectNode) m.body().path("metadata")).put("name", "trading");
      } else {
        ((ObjectNode) m.body().path("metadata")).put("namespace", "trading");
      }
    });

    assertThat(problems()).anyMatch(p -> p.contains("seed node pekko://peak-trade@peak-trade-0.peak-trade-cluster."
        + "peak-trade.svc.cluster.local:25520 is the address of no pod"));
  }

  @Test
  void reportsASeedNodeBeyondTheReplicas() {
    spec().put("replicas", 1);

    assertThat(problems()).anyMatch(p -> p.contains("seed node pekko://peak-trade@peak-trade-2.peak-trade-cluster."
        + "peak-trade.svc.cluster.local:25520 is the address of no pod"))
        .anyMatch(p -> p.contains("replicas 1 must be odd and at least 3"));
  }

  @Test
  void reportsAnEvenNumberOfReplicas() {
    spec().put("replicas", 4);

    assertThat(problems()).anyMatch(p -> p.contains("replicas 4 must be odd and at least 3"));
  }

  @Test
  void reportsARemotingPortThatIsNotTheSeedNodesPort() {
    ObjectNode data = (ObjectNode) manifests.one("ConfigMap", "peak-trade-config").body().path("data");
    data.put("node.conf", data.path("node.conf").asText() + "\npekko.remote.artery.canonical.port = 2552\n");

    assertThat(problems()).anyMatch(p -> p.contains("container port 'remoting' is 25520 but "
        + "pekko.remote.artery.canonical.port is 2552"))
        .anyMatch(p -> p.contains("seed node pekko://peak-trade@peak-trade-0.peak-trade-cluster.peak-trade.svc."
            + "cluster.local:25520 is the address of no pod"));
  }

  @Test
  void reportsAClusterServiceThatHidesPodsBeforeTheyAreReady() {
    ((ObjectNode) manifests.one("Service", "peak-trade-cluster").body().path("spec"))
        .put("publishNotReadyAddresses", false);

    assertThat(problems()).anyMatch(p -> p.contains("publishNotReadyAddresses must be true"));
  }

  @Test
  void reportsAStatefulSetWhoseServiceIsNotHeadless() {
    spec().put("serviceName", "peak-trade");

    assertThat(problems()).anyMatch(p -> p.contains("Service/peak-trade: must be headless (clusterIP: None)"))
        .anyMatch(p -> p.contains("advertises pekko.remote.artery.canonical.hostname"));
  }

  @Test
  void reportsTokensThatDoNotComeFromTheSecret() {
    ArrayNode args = (ArrayNode) container().path("args");
    args.removeAll().add("--config").add("/etc/peak-trade/node.conf");

    assertThat(problems()).anyMatch(p -> p.contains("the node's peaktrade.auth.tokens is empty: each pod would make "
        + "its own admin token"));
  }

  @Test
  void reportsAnOptionalSecret() {
    ((ObjectNode) volume("auth").path("secret")).put("optional", true);

    assertThat(problems()).anyMatch(p -> p.contains("Secret volume auth is optional"));
  }

  @Test
  void reportsASecretTheDocsDoNotCreate() {
    ((ObjectNode) env("PEAKTRADE_APPROVAL_CODE_HASH").path("valueFrom").path("secretKeyRef"))
        .put("name", "approval");

    assertThat(problems()).anyMatch(p -> p.contains("environment variable PEAKTRADE_APPROVAL_CODE_HASH reads Secret "
        + "approval key approval-code-hash, which is not one of the Secrets docs/deployment.md tells to create"));
  }

  @Test
  void reportsADataDirThatDiesWithThePod() {
    ((ArrayNode) nodes().path("spec").path("template").path("spec").path("volumes")).addObject().put("name", "data")
        .putObject("emptyDir");
    spec().remove("volumeClaimTemplates");

    assertThat(problems()).anyMatch(p -> p.contains("peaktrade.data-dir /var/lib/peak-trade is on volume data, not on "
        + "a volumeClaimTemplate"));
  }

  @Test
  void reportsAServiceThatSelectsOtherPods() {
    ((ObjectNode) manifests.one("Service", "peak-trade").body().path("spec").path("selector")).put("app", "web");

    assertThat(problems()).anyMatch(p -> p.contains("Service/peak-trade: selector {app=web} does not select"));
  }

  @Test
  void reportsADisruptionBudgetThatLetsTheMajorityGo() {
    ((ObjectNode) manifests.one("PodDisruptionBudget", "peak-trade").body().path("spec")).put("maxUnavailable", 2);

    assertThat(problems()).anyMatch(p -> p.contains("maxUnavailable 2 must keep a majority of the 3 replicas"));
  }

  @Test
  void reportsAFixedDisruptionBudgetThatNoLongerKeepsAMajorityAfterScalingUp() {
    ObjectNode spec = (ObjectNode) manifests.one("PodDisruptionBudget", "peak-trade").body().path("spec");
    spec.remove("maxUnavailable");
    spec.put("minAvailable", 2);
    spec().put("replicas", 5);

    assertThat(problems()).anyMatch(p -> p.contains("minAvailable 2 must keep a majority of the 5 replicas"));
  }

  @Test
  void reportsANetworkPolicyThatCutsTheNodesOffFromEachOther() {
    ObjectNode peers = (ObjectNode) manifests.one("NetworkPolicy", "peak-trade").body().path("spec").path("ingress")
        .path(0).path("from").path(0).path("podSelector").path("matchLabels");
    peers.put("app", "other");

    assertThat(problems()).anyMatch(p -> p.contains("the nodes cannot reach each other's remoting port"));
  }

  @Test
  void reportsAHeapTooLargeForTheMemoryLimit() {
    env("JAVA_TOOL_OPTIONS").put("value", "-Xmx1200m");

    assertThat(problems()).anyMatch(p -> p.contains("heap -Xmx1200m is more than 75 % of the memory limit 1280Mi"));
  }

  @Test
  void reportsAContainerWithoutAMemoryLimit() {
    ((ObjectNode) container().path("resources").path("limits")).remove("memory");

    assertThat(problems()).anyMatch(p -> p.contains("container peak-trade has no limits.memory"));
  }

  @Test
  void reportsACassandraContactPointThatIsNoCassandraService() {
    env("PEAKTRADE_CASSANDRA_CONTACT_POINT").put("value", "cassandra-db:9042");

    assertThat(problems()).anyMatch(p -> p.contains("the node's Cassandra contact points [cassandra-db:9042]"));
  }

  @Test
  void reportsAnEnvironmentVariableThatNoConfigReads() {
    env("PEAKTRADE_CASSANDRA_DATACENTER").put("name", "PEAKTRADE_CASSANDRA_DC");

    assertThat(problems()).anyMatch(p -> p.contains("environment variable PEAKTRADE_CASSANDRA_DC is read by no config"));
  }

  @Test
  void reportsADownwardApiVariableThatNothingComposes() {
    env("PEAKTRADE_CLUSTER_HOSTNAME").put("value", "$(POD_NAME).peak-trade-cluster.peak-trade.svc.cluster.local");

    assertThat(problems()).contains("40-peak-trade-statefulset.yaml StatefulSet/peak-trade: environment variable "
        + "POD_NAMESPACE is read by no config the node loads");
  }

  @Test
  void reportsASchemaThatDriftedFromSchemaCql() {
    ((ObjectNode) manifests.one("StatefulSet", "cassandra").body().path("spec")).put("replicas", 5);

    assertThat(problems()).anyMatch(p -> p.contains("schema.cql is not scripts/cassandra/schema.cql replicated 5 "
        + "times in dc1"));
  }

  @Test
  void reportsAnImageThatTheDockerfileDoesNotBuild() {
    container().put("image", "peak-trade:latest");

    assertThat(problems()).anyMatch(p -> p.contains("image peak-trade:latest is not the Dockerfile's documented tag "
        + "peak-trade:0.1.0-SNAPSHOT"));
  }

  @Test
  void reportsAnExposedPortThatTheConfigDoesNotUse() {
    dockerfile = dockerfile.replace("EXPOSE 8080 8558 25520", "EXPOSE 8080 8558 2552");

    assertThat(problems()).contains("Dockerfile: EXPOSE [2552, 8080, 8558] is not the configured ports "
        + "[8080, 8558, 25520]");
  }

  @Test
  void reportsACopiedJarThatThePackageStepDoesNotMake() {
    dockerfile = dockerfile.replace("/src/app/target/peak-trade.jar", "/src/app/target/app.jar");

    assertThat(problems()).anyMatch(p -> p.contains("no COPY --from=build of app/target/peak-trade.jar"));
  }

  @Test
  void reportsAnImageRunningAsRoot() {
    dockerfile = dockerfile.replace("USER 10001:10001", "USER root");

    assertThat(problems()).anyMatch(p -> p.contains("USER root must be a non-root user"));
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("k8s")) && Files.isRegularFile(dir.resolve("Dockerfile"))) {
        return dir;
      }
    }
    throw new IllegalStateException("k8s/ and Dockerfile not found above " + Path.of("").toAbsolutePath());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
