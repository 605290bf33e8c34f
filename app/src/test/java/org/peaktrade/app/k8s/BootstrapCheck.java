package org.peaktrade.app.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peaktrade.actors.cluster.ClusterProfile;
import org.peaktrade.app.k8s.Manifests.Manifest;

/**
 * How the node pods find each other: Cluster Bootstrap with Kubernetes API discovery as each pod's config sets it up,
 * against the Deployment. The label selector (with the service name filled in) selects the pod template and no other
 * pods of k8s/, the port name is the container port of the management endpoints, the container name is the node
 * container's, every pod advertises its own IP for remoting and as its contact point, the replicas are enough for
 * the required contact points (and not so many that two groups could each form a cluster), the API server's address
 * comes from variables the pod has and the ServiceAccount files from where Kubernetes mounts them. Who may list the
 * pods is {@link RbacCheck}'s part.
 */
final class BootstrapCheck {

  static final String BOOTSTRAP = "pekko.management.cluster.bootstrap";
  static final String DISCOVERY = BOOTSTRAP + ".contact-point-discovery";
  static final String REQUIRED_CONTACT_POINTS = DISCOVERY + ".required-contact-point-nr";
  static final String KUBERNETES_API = "pekko.discovery.kubernetes-api";
  static final String SERVICE_ACCOUNT_MOUNT = "/var/run/secrets/kubernetes.io/serviceaccount/";
  private static final String MANAGEMENT_HOST = "pekko.management.http.hostname";

  private final ManifestCheck check;
  private final Manifests manifests;
  private final Manifest deployment;

  BootstrapCheck(ManifestCheck check, Manifests manifests, Manifest deployment) {
    this.check = check;
    this.manifests = manifests;
    this.deployment = deployment;
  }

  /** The discovery settings every pod shares, then each pod's own address and contact-point count. */
  void check(List<NodePod> pods, List<Config> configs) {
    Config config = configs.get(0);
    if (!config.getString(ClusterProfile.JOIN).equals("bootstrap")) {
      check.problem("config", ClusterProfile.JOIN + " is " + config.getString(ClusterProfile.JOIN) + ", not "
          + "bootstrap: the pods have no stable names to be seed nodes");
      return;
    }
    if (!config.getStringList(ClusterProfile.SEED_NODES).isEmpty()) {
      check.problem("config", ClusterProfile.SEED_NODES + " must be empty with Cluster Bootstrap, not "
          + config.getStringList(ClusterProfile.SEED_NODES));
    }
    String method = discoveryMethod(config);
    if (!method.equals("kubernetes-api")) {
      check.problem("config", DISCOVERY + " finds the contact points with " + method + ", not kubernetes-api");
      return;
    }
    if (!config.getBoolean(BOOTSTRAP + ".new-cluster-enabled")) {
      check.problem("config", BOOTSTRAP + ".new-cluster-enabled is off: a first start never forms a cluster");
    }
    checkSelector(config);
    checkContactPort(config);
    checkContainerName(config);
    if (!config.getBoolean(KUBERNETES_API + ".use-raw-ip")) {
      check.problem("config", KUBERNETES_API + ".use-raw-ip is off: the pods would be contacted at DNS names "
          + "a-b-c-d.<namespace>.pod.<domain>, which not every cluster serves; they advertise their IPs");
    }
    checkApiAccess(pods.get(0), config);
    int replicas = pods.size();
    for (int i = 0; i < pods.size(); i++) {
      checkPodAddress(pods.get(i), configs.get(i));
      checkContactPointCount(pods.get(i), configs.get(i), replicas);
    }
  }

  /** The namespace whose pods the discovery lists: {@code pod-namespace} if set, else the pod's own. */
  String queriedNamespace(Config config) {
    String configured = config.getString(KUBERNETES_API + ".pod-namespace");
    return configured.startsWith("<") ? deployment.body().path("metadata").path("namespace").asText() : configured;
  }

  private static String discoveryMethod(Config config) {
    String method = config.getString(DISCOVERY + ".discovery-method");
    return method.equals("pekko.discovery") ? config.getString("pekko.discovery.method") : method;
  }

  /**
   * The name Cluster Bootstrap looks up, as its settings compute it: {@code effective-name} if set, else
   * {@code service-name} (the actor system's name if unset) with {@code .service-namespace} if that is set.
   */
  static String effectiveName(Config config) {
    String effective = config.getString(DISCOVERY + ".effective-name");
    if (!effective.isBlank() && !effective.startsWith("<")) {
      return effective;
    }
    String service = config.getString(DISCOVERY + ".service-name");
    String name = service.isBlank() || service.startsWith("<") ? ClusterProfile.SYSTEM_NAME : service;
    String namespace = config.getString(DISCOVERY + ".service-namespace");
    return namespace.isBlank() || namespace.startsWith("<") ? name : name + "." + namespace;
  }

  /** The pod-label-selector with the name filled in selects the node pods and no other pod template of k8s/. */
  private void checkSelector(Config config) {
    String selector = String.format(config.getString(KUBERNETES_API + ".pod-label-selector"), effectiveName(config));
    Optional<Map<String, String>> terms = Trees.equalitySelector(selector);
    if (terms.isEmpty()) {
      check.problem("config", KUBERNETES_API + ".pod-label-selector gives '" + selector + "': this check knows "
          + "only selectors of key=value terms");
      return;
    }
    Map<String, String> podLabels = Trees.strings(NodePod.podTemplate(deployment).path("metadata").path("labels"));
    if (!podLabels.entrySet().containsAll(terms.get().entrySet())) {
      check.problem(deployment.where(), "the pod labels " + podLabels + " do not match Kubernetes API discovery's "
          + "label selector " + selector + " (" + KUBERNETES_API + ".pod-label-selector with " + DISCOVERY
          + ".service-name): no pod would find another");
    }
    for (Manifest other : manifests.all()) {
      JsonNode labels = other.body().path("spec").path("template").path("metadata").path("labels");
      if (other != deployment && labels.isObject()
          && Trees.strings(labels).entrySet().containsAll(terms.get().entrySet())) {
        check.problem(other.where(), "its pods match Kubernetes API discovery's label selector " + selector
            + " too: the nodes would take them for contact points");
      }
    }
  }

  private void checkContactPort(Config config) {
    String portName = config.getString(DISCOVERY + ".port-name");
    Map<String, Integer> ports = Trees.containerPorts(NodePod.container(deployment));
    int management = config.getInt(ManifestCheck.MANAGEMENT_PORT);
    if (!ports.containsKey(portName)) {
      check.problem(deployment.where(), "no container port is named '" + portName + "' (" + DISCOVERY
          + ".port-name): Cluster Bootstrap would find no contact point on the pods, only " + ports.keySet());
    } else if (ports.get(portName) != management) {
      check.problem(deployment.where(), "container port '" + portName + "' (" + DISCOVERY + ".port-name) is "
          + ports.get(portName) + " but the management endpoints are on " + ManifestCheck.MANAGEMENT_PORT + " "
          + management);
    }
  }

  private void checkContainerName(Config config) {
    String expected = config.getString(KUBERNETES_API + ".container-name");
    String actual = NodePod.container(deployment).path("name").asText();
    if (!actual.equals(expected)) {
      check.problem(deployment.where(), "the node container is named '" + actual + "' but " + KUBERNETES_API
          + ".container-name is '" + expected + "': the discovery waits for a container that is not there");
    }
  }

  /** The API server's address from variables the pod has; the token, CA and namespace from the token mount. */
  private void checkApiAccess(NodePod pod, Config config) {
    for (String key : List.of("api-service-host-env-name", "api-service-port-env-name")) {
      String variable = config.getString(KUBERNETES_API + "." + key);
      if (!pod.environment().containsKey(variable)) {
        check.problem(deployment.where(), KUBERNETES_API + "." + key + " names " + variable + ", which neither "
            + "Kubernetes (" + NodePod.KUBERNETES_ENVIRONMENT.keySet() + ") nor the container sets");
      }
    }
    List<String> files = config.getString(KUBERNETES_API + ".pod-namespace").startsWith("<")
        ? List.of("api-token-path", "api-ca-path", "pod-namespace-path")
        : List.of("api-token-path", "api-ca-path");
    for (String key : files) {
      String path = config.getString(KUBERNETES_API + "." + key);
      if (!path.startsWith(SERVICE_ACCOUNT_MOUNT)) {
        check.problem("config", KUBERNETES_API + "." + key + " is " + path + ", not in " + SERVICE_ACCOUNT_MOUNT
            + " where Kubernetes mounts the ServiceAccount's token");
      }
    }
  }

  private void checkPodAddress(NodePod pod, Config config) {
    for (String key : List.of(ManifestCheck.REMOTING_HOST, MANAGEMENT_HOST)) {
      String host = config.hasPath(key) ? config.getString(key) : "(unset)";
      if (!host.equals(pod.ip())) {
        check.problem(deployment.where(), "pod " + pod.name() + " has " + key + " " + host + ", not its IP "
            + pod.ip() + " (status.podIP): the other pods reach it, and Cluster Bootstrap finds it, by its IP");
      }
    }
  }

  private void checkContactPointCount(NodePod pod, Config config, int replicas) {
    int required = config.getInt(REQUIRED_CONTACT_POINTS);
    if (required > replicas) {
      check.problem(deployment.where(), "pod " + pod.name() + ": " + REQUIRED_CONTACT_POINTS + " " + required
          + " is more than the " + replicas + " replicas: a first start would never form a cluster");
    } else if (required <= replicas / 2) {
      check.problem(deployment.where(), "pod " + pod.name() + ": " + REQUIRED_CONTACT_POINTS + " " + required
          + " is no majority of the " + replicas + " replicas: two groups of pods that do not see each other yet "
          + "could each form a cluster");
    }
  }
}
