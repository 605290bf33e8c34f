package org.peaktrade.app.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The k8s/ manifests and the Dockerfile agree with the node's configuration as each pod of the Deployment loads it
 * (config/kubernetes.conf from the image, node.conf from the ConfigMap, tokens.conf from the Secret, the pod's
 * environment), and each check reports a manifest that does not.
 */
class KubernetesManifestsTest {

  private static final Path REPO = Repository.ROOT;

  @TempDir
  Path scratch;

  private static final PodSecrets SECRETS = new PodSecrets();

  private final Manifests manifests = Manifests.load(REPO.resolve("k8s"));
  private String dockerfile = Repository.read(REPO.resolve("Dockerfile"));

  private List<String> problems() {
    return ManifestCheck.problems(REPO, manifests, Dockerfile.parse(dockerfile), SECRETS, scratch);
  }

  private ObjectNode nodes() {
    return manifests.one("Deployment", NodePod.NODES).body();
  }

  private ObjectNode podSpec() {
    return (ObjectNode) nodes().path("spec").path("template").path("spec");
  }

  /** Appends HOCON to the ConfigMap's node.conf, which the container loads after config/kubernetes.conf. */
  private void siteConfig(String hocon) {
    ObjectNode data = (ObjectNode) manifests.one("ConfigMap", "peak-trade-config").body().path("data");
    data.put("node.conf", data.path("node.conf").asText() + "\n" + hocon + "\n");
  }

  private ObjectNode networkPolicy() {
    return (ObjectNode) manifests.one("NetworkPolicy", "peak-trade").body().path("spec");
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

  private void removeMount(String path) {
    removeWhere((ArrayNode) container().path("volumeMounts"), "mountPath", path);
  }

  private static void removeNamed(ArrayNode items, String name) {
    removeWhere(items, "name", name);
  }

  private static void removeWhere(ArrayNode items, String field, String value) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).path(field).asText().equals(value)) {
        items.remove(i);
        return;
      }
    }
    throw new IllegalStateException("no " + field + " " + value + " in " + items);
  }

  @Test
  void theShippedManifestsAndDockerfileMatchTheNodeConfig() {
    assertThat(problems()).isEmpty();

    assertThat(manifests.all()).extracting(Manifests.Manifest::kind).contains("Namespace", "ConfigMap", "Service",
        "Deployment", "ServiceAccount", "Role", "RoleBinding", "StatefulSet", "Job", "PodDisruptionBudget",
        "NetworkPolicy");
    // The nodes need no stable names: Cassandra is the only StatefulSet, and no headless Service names node pods.
    assertThat(manifests.ofKind("StatefulSet")).extracting(Manifests.Manifest::name).containsExactly("cassandra");
    assertThat(manifests.ofKind("Service")).extracting(Manifests.Manifest::name)
        .containsExactlyInAnyOrder("peak-trade", "cassandra");
  }

  @Test
  void reportsAContainerPortThatIsNotTheConfiguredHttpPort() {
    containerPort("http").put("containerPort", 9090);

    assertThat(problems()).anyMatch(p -> p.contains("container port 'http' is 9090 but peaktrade.http.port is 8080"));
  }

  @Test
  void readsThePortsFromTheConfigMapTheContainerIsToldToUse() {
    siteConfig("peaktrade.http.port = 8081");

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

    assertThat(problems())
        .anyMatch(p -> p.contains("readinessProbe asks /health but the management serves it on /ready"));
  }

  @Test
  void reportsALivenessProbeOnAnotherPort() {
    ((ObjectNode) container().path("livenessProbe").path("httpGet")).put("port", "http");

    assertThat(problems()).anyMatch(p -> p.contains("livenessProbe port \"http\" is not pekko.management.http.port"));
  }

  @Test
  void reportsAnEvenNumberOfReplicas() {
    spec().put("replicas", 4);

    assertThat(problems()).anyMatch(p -> p.contains("replicas 4 must be odd and at least 3"));
  }

  @Test
  void reportsPodLabelsThatTheDiscoverySelectorDoesNotMatch() {
    ((ObjectNode) nodes().path("spec").path("template").path("metadata").path("labels")).put("app", "node");
    ((ObjectNode) nodes().path("spec").path("selector").path("matchLabels")).put("app", "node");

    assertThat(problems()).contains("40-peak-trade-deployment.yaml Deployment/peak-trade: the pod labels {app=node} "
        + "do not match Kubernetes API discovery's label selector app=peak-trade (pekko.discovery.kubernetes-api."
        + "pod-label-selector with pekko.management.cluster.bootstrap.contact-point-discovery.service-name): no pod "
        + "would find another");
  }

  @Test
  void fillsTheServiceNameIntoTheDiscoverySelector() {
    siteConfig("pekko.management.cluster.bootstrap.contact-point-discovery.service-name = trading");

    assertThat(problems()).anyMatch(p -> p.contains("do not match Kubernetes API discovery's label selector "
        + "app=trading"));
  }

  @Test
  void reportsOtherPodsThatTheDiscoverySelectorMatches() {
    ((ObjectNode) manifests.one("Job", "cassandra-schema").body().path("spec").path("template").path("metadata")
        .path("labels")).put("app", "peak-trade");

    assertThat(problems()).contains("32-cassandra-schema-job.yaml Job/cassandra-schema: its pods match Kubernetes "
        + "API discovery's label selector app=peak-trade too: the nodes would take them for contact points");
  }

  @Test
  void reportsAContactPointPortNameThatNoContainerPortHas() {
    containerPort("management").put("name", "admin");

    assertThat(problems()).anyMatch(p -> p.contains("no container port is named 'management' (pekko.management."
        + "cluster.bootstrap.contact-point-discovery.port-name)"));
  }

  @Test
  void reportsAContactPointPortThatIsNotTheManagementPort() {
    siteConfig("pekko.management.cluster.bootstrap.contact-point-discovery.port-name = http");

    assertThat(problems()).anyMatch(p -> p.contains("container port 'http' (pekko.management.cluster.bootstrap."
        + "contact-point-discovery.port-name) is 8080 but the management endpoints are on pekko.management.http.port "
        + "8558"));
  }

  @Test
  void reportsANodeContainerThatTheDiscoveryDoesNotWaitFor() {
    container().put("name", "peak-trade");

    assertThat(problems()).anyMatch(p -> p.contains("the node container is named 'peak-trade' but pekko.discovery."
        + "kubernetes-api.container-name is 'node'"));
  }

  @Test
  void reportsADiscoveryThatWouldReachThePodsByDnsName() {
    siteConfig("pekko.discovery.kubernetes-api.use-raw-ip = false");

    assertThat(problems()).anyMatch(p -> p.contains("pekko.discovery.kubernetes-api.use-raw-ip is off"));
  }

  @Test
  void reportsSeedNodesBesideClusterBootstrap() {
    siteConfig("pekko.cluster.seed-nodes = [\"pekko://peak-trade@10.0.0.1:25520\"]");

    assertThat(problems()).anyMatch(p -> p.contains("pekko.cluster.seed-nodes must be empty with Cluster Bootstrap"));
  }

  @Test
  void reportsMoreRequiredContactPointsThanReplicasFromTheEnvironmentOverride() {
    ((ArrayNode) container().path("env")).addObject().put("name", "PEAKTRADE_REQUIRED_CONTACT_POINTS").put("value",
        "5");

    assertThat(problems()).anyMatch(p -> p.contains(": pekko.management.cluster.bootstrap.contact-point-discovery."
        + "required-contact-point-nr 5 is more than the 3 replicas: a first start would never form a cluster"));
  }

  @Test
  void reportsSoManyReplicasThatTheRequiredContactPointsAreNoMajority() {
    spec().put("replicas", 7);

    assertThat(problems()).anyMatch(p -> p.contains("required-contact-point-nr 3 is no majority of the 7 replicas"));
  }

  @Test
  void reportsAPodThatAdvertisesAnotherAddressThanItsIp() {
    ((ObjectNode) env("PEAKTRADE_POD_IP").path("valueFrom").path("fieldRef")).put("fieldPath", "metadata.name");

    assertThat(problems()).contains("40-peak-trade-deployment.yaml Deployment/peak-trade: pod "
        + "peak-trade-6c9f7d8b5d-pod1 has pekko.remote.artery.canonical.hostname peak-trade-6c9f7d8b5d-pod1, not its "
        + "IP 10.244.1.10 (status.podIP): the other pods reach it, and Cluster Bootstrap finds it, by its IP")
        .anyMatch(p -> p.contains("has pekko.management.http.hostname peak-trade-6c9f7d8b5d-pod1, not its IP"));
  }

  @Test
  void reportsAPodWithoutItsIp() {
    removeNamed((ArrayNode) container().path("env"), "PEAKTRADE_POD_IP");

    assertThat(problems()).anyMatch(p -> p.contains("cannot load its config")
        && p.contains("PEAKTRADE_POD_IP"));
  }

  @Test
  void reportsAnApiServerVariableThatThePodDoesNotHave() {
    siteConfig("pekko.discovery.kubernetes-api.api-service-host-env-name = API_SERVER_HOST");

    assertThat(problems()).anyMatch(p -> p.contains("pekko.discovery.kubernetes-api.api-service-host-env-name names "
        + "API_SERVER_HOST, which neither Kubernetes"));
  }

  @Test
  void countsAVariableThatTheDiscoveryReadsAsRead() {
    siteConfig("pekko.discovery.kubernetes-api.api-service-host-env-name = API_SERVER_HOST");
    ((ArrayNode) container().path("env")).addObject().put("name", "API_SERVER_HOST").put("value", "10.96.0.1");

    assertThat(problems()).isEmpty();
  }

  @Test
  void reportsAServiceAccountTokenPathOutsideTheMount() {
    siteConfig("pekko.discovery.kubernetes-api.api-token-path = /etc/peak-trade-auth/token");

    assertThat(problems()).anyMatch(p -> p.contains("pekko.discovery.kubernetes-api.api-token-path is "
        + "/etc/peak-trade-auth/token, not in /var/run/secrets/kubernetes.io/serviceaccount/"));
  }

  @Test
  void reportsARoleThatDoesNotAllowListingPods() {
    ((ObjectNode) manifests.one("Role", "pod-reader").body().path("rules").path(0)).putArray("verbs").add("get")
        .add("watch");

    assertThat(problems()).contains("40-peak-trade-deployment.yaml Deployment/peak-trade: no Role bound to "
        + "ServiceAccount peak-trade/peak-trade grants list on pods (core API group) in namespace peak-trade: "
        + "Kubernetes API discovery's GET /api/v1/namespaces/peak-trade/pods would be forbidden (403)");
  }

  @Test
  void reportsARoleOnAnotherApiGroup() {
    ((ObjectNode) manifests.one("Role", "pod-reader").body().path("rules").path(0)).putArray("apiGroups").add("apps");

    assertThat(problems()).anyMatch(p -> p.contains("no Role bound to ServiceAccount peak-trade/peak-trade grants "
        + "list on pods"));
  }

  @Test
  void reportsARoleBindingForAnotherServiceAccount() {
    ((ObjectNode) manifests.one("RoleBinding", "peak-trade-pod-reader").body().path("subjects").path(0))
        .put("name", "default");

    assertThat(problems()).anyMatch(p -> p.contains("no Role bound to ServiceAccount peak-trade/peak-trade grants "
        + "list on pods"));
  }

  @Test
  void reportsANamespaceMoveThatLeavesTheRoleBindingBehind() {
    manifests.all().forEach(m -> {
      if (m.kind().equals("Namespace")) {
        ((ObjectNode) m.body().path("metadata")).put("name", "trading");
      } else {
        ((ObjectNode) m.body().path("metadata")).put("namespace", "trading");
      }
    });

    assertThat(problems()).anyMatch(p -> p.contains("no Role bound to ServiceAccount trading/peak-trade grants list "
        + "on pods (core API group) in namespace trading"));
  }

  @Test
  void reportsAServiceAccountThatK8sDoesNotCreate() {
    podSpec().put("serviceAccountName", "trader");

    assertThat(problems()).anyMatch(p -> p.contains("serviceAccountName trader is no ServiceAccount of k8s/ in "
        + "namespace peak-trade"))
        .anyMatch(p -> p.contains("no Role bound to ServiceAccount peak-trade/trader"));
  }

  @Test
  void reportsAServiceAccountTokenThatIsNotMounted() {
    podSpec().put("automountServiceAccountToken", false);

    assertThat(problems()).anyMatch(p -> p.contains("the ServiceAccount token is not mounted"));
  }

  @Test
  void reportsAServiceAccountThatWithholdsItsTokenFromPodsThatDoNotAsk() {
    podSpec().remove("automountServiceAccountToken");
    manifests.one("ServiceAccount", "peak-trade").body().put("automountServiceAccountToken", false);

    assertThat(problems()).anyMatch(p -> p.contains("the ServiceAccount token is not mounted"));
  }

  @Test
  void reportsARecreateStrategy() {
    ((ObjectNode) spec().path("strategy")).put("type", "Recreate").remove("rollingUpdate");

    assertThat(problems()).anyMatch(p -> p.contains("strategy Recreate stops every pod before starting new ones"));
  }

  @Test
  void reportsARollingUpdateThatLetsTheMajorityGo() {
    ((ObjectNode) spec().path("strategy").path("rollingUpdate")).put("maxUnavailable", "67%");

    assertThat(problems()).anyMatch(p -> p.contains("rolling update maxUnavailable 67% would leave 1 of 3 pods"));
  }

  @Test
  void reportsADataDirThatEveryPodWouldShare() {
    ObjectNode data = volume("data");
    data.remove("emptyDir");
    data.putObject("persistentVolumeClaim").put("claimName", "peak-trade-data");

    assertThat(problems()).anyMatch(p -> p.contains("peaktrade.data-dir /var/lib/peak-trade is on volume data, not "
        + "an emptyDir"));
  }

  @Test
  void reportsAPodWithNothingMountedAtTheDataDir() {
    removeMount("/var/lib/peak-trade");

    assertThat(problems()).anyMatch(p -> p.contains("nothing writable is mounted at peaktrade.data-dir "
        + "/var/lib/peak-trade"));
  }

  @Test
  void reportsAReadOnlyRootFilesystemWithoutAWritableTmp() {
    removeMount("/tmp");

    assertThat(problems()).anyMatch(p -> p.contains("the root filesystem is read-only but nothing writable is "
        + "mounted at /tmp"));
  }

  @Test
  void reportsAContainerThatMayEscalateItsPrivileges() {
    ((ObjectNode) container().path("securityContext")).remove("allowPrivilegeEscalation");

    assertThat(problems()).anyMatch(p -> p.contains("container node allows privilege escalation"));
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
    ObjectNode peers = (ObjectNode) networkPolicy().path("ingress").path(0).path("from").path(0).path("podSelector")
        .path("matchLabels");
    peers.put("app", "other");

    assertThat(problems())
        .anyMatch(p -> p.contains("ingress: the nodes cannot reach each other's management port 8558"))
        .anyMatch(p -> p.contains("ingress: the nodes cannot reach each other's remoting port 25520"));
  }

  @Test
  void reportsANetworkPolicyThatKeepsClusterBootstrapFromTheOtherNodesManagementPort() {
    ((ArrayNode) networkPolicy().path("ingress").path(0).path("ports")).remove(0);

    assertThat(problems()).contains("45-peak-trade-network-policy.yaml NetworkPolicy/peak-trade: ingress: the nodes "
        + "cannot reach each other's management port 8558, only [25520]");
  }

  /** Restricts egress to what the nodes need among themselves: the rule the ingress has, towards the peers. */
  private ArrayNode egressToPeersOnly() {
    ((ArrayNode) networkPolicy().path("policyTypes")).add("Egress");
    ArrayNode egress = networkPolicy().putArray("egress");
    ObjectNode peers = egress.addObject();
    peers.set("to", networkPolicy().path("ingress").path(0).path("from").deepCopy());
    peers.set("ports", networkPolicy().path("ingress").path(0).path("ports").deepCopy());
    return egress;
  }

  @Test
  void reportsAnEgressPolicyThatKeepsTheNodesFromTheKubernetesApi() {
    egressToPeersOnly();

    assertThat(problems()).contains("45-peak-trade-network-policy.yaml NetworkPolicy/peak-trade: restricts egress "
        + "but lets the nodes reach the Kubernetes API server only on [], not on [443, 6443]: Kubernetes API discovery "
        + "cannot list the pods");
  }

  @Test
  void acceptsAnEgressPolicyThatLetsTheNodesReachEachOtherAndTheKubernetesApi() {
    ObjectNode api = egressToPeersOnly().addObject();
    api.putArray("to").addObject().putObject("ipBlock").put("cidr", "0.0.0.0/0");
    ArrayNode ports = api.putArray("ports");
    ports.addObject().put("port", 443);
    ports.addObject().put("port", 6443);

    assertThat(problems()).isEmpty();
  }

  @Test
  void reportsAHeapTooLargeForTheMemoryLimit() {
    env("JAVA_TOOL_OPTIONS").put("value", "-Xmx1200m");

    assertThat(problems()).anyMatch(p -> p.contains("heap -Xmx1200m is more than 75 % of the memory limit 1280Mi"));
  }

  @Test
  void reportsAContainerWithoutAMemoryLimit() {
    ((ObjectNode) container().path("resources").path("limits")).remove("memory");

    assertThat(problems()).anyMatch(p -> p.contains("container node has no limits.memory"));
  }

  @Test
  void reportsACassandraContactPointThatIsNoCassandraService() {
    env("PEAKTRADE_CASSANDRA_CONTACT_POINT").put("value", "cassandra-db:9042");

    assertThat(problems()).anyMatch(p -> p.contains("the node's Cassandra contact points [cassandra-db:9042]"));
  }

  @Test
  void reportsAnEnvironmentVariableThatNoConfigReads() {
    env("PEAKTRADE_CASSANDRA_DATACENTER").put("name", "PEAKTRADE_CASSANDRA_DC");

    assertThat(problems())
        .anyMatch(p -> p.contains("environment variable PEAKTRADE_CASSANDRA_DC is read by no config"));
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
}
