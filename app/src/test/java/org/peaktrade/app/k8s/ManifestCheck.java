package org.peaktrade.app.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peaktrade.actors.cluster.ClusterProfile;
import org.peaktrade.app.k8s.Manifests.Manifest;
import org.peaktrade.app.node.NodeConfig;
import org.peaktrade.http.auth.ApiTokens;

/**
 * Checks the k8s/ manifests and the Dockerfile against the node's configuration as each pod of the node Deployment
 * would load it ({@link NodePod}: the container's --config files from the image, the ConfigMap and the Secrets, its
 * environment with the downward API filled in for that pod, layered by {@link NodeConfig#load}). Every mismatch
 * becomes one problem naming the file and what differs. How the pods form the cluster is {@link BootstrapCheck}'s
 * and {@link RbacCheck}'s part, the network policy {@link NetworkPolicyCheck}'s, Cassandra {@link CassandraCheck}'s
 * and the image {@link ImageCheck}'s.
 */
final class ManifestCheck {

  static final String HTTP_PORT = "peaktrade.http.port";
  static final String HTTP_HOST = "peaktrade.http.host";
  static final String MANAGEMENT = "pekko.management";
  static final String MANAGEMENT_PORT = MANAGEMENT + ".http.port";
  static final String REMOTING_HOST = ClusterProfile.HOSTNAME;
  static final String REMOTING_PORT = ClusterProfile.PORT;
  static final String APPROVAL_CODE_HASH = "peaktrade.kill-switch.approval-code-hash";
  private static final double MAX_HEAP_SHARE = 0.75;
  private static final Pattern CONFIG_REFERENCE = Pattern.compile("\\$\\{\\??([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern KUBERNETES_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
  private static final Pattern INCLUDE = Pattern.compile("^\\s*include\\s+\"([^\"]+)\"", Pattern.MULTILINE);

  private final Path repo;
  private final Manifests manifests;
  private final Dockerfile dockerfile;
  private final PodSecrets secrets;
  private final Path scratch;
  private final List<String> problems = new ArrayList<>();

  private ManifestCheck(Path repo, Manifests manifests, Dockerfile dockerfile, PodSecrets secrets, Path scratch) {
    this.repo = repo;
    this.manifests = manifests;
    this.dockerfile = dockerfile;
    this.secrets = secrets;
    this.scratch = scratch;
  }

  /**
   * The problems found; empty when everything matches. {@code secrets} stand in for the Secrets the operator
   * creates; {@code scratch} receives each pod's mounted config files.
   */
  static List<String> problems(Path repo, Manifests manifests, Dockerfile dockerfile, PodSecrets secrets,
      Path scratch) {
    ManifestCheck check = new ManifestCheck(repo, manifests, dockerfile, secrets, scratch);
    check.run();
    return List.copyOf(check.problems);
  }

  void problem(String where, String what) {
    problems.add(where + ": " + what);
  }

  private void run() {
    Manifest deployment;
    try {
      deployment = manifests.one("Deployment", NodePod.NODES);
    } catch (IllegalStateException e) {
      problem("k8s/", e.getMessage() + ": the nodes are a Deployment whose pods find each other through the "
          + "Kubernetes API");
      return;
    }
    JsonNode pod = NodePod.podTemplate(deployment);
    JsonNode container = NodePod.container(deployment);
    Map<String, String> podLabels = Trees.strings(pod.path("metadata").path("labels"));
    int replicas = deployment.body().path("spec").path("replicas").asInt(1);
    List<NodePod> pods = new ArrayList<>();
    List<Config> configs = new ArrayList<>();
    try {
      for (int index = 0; index < Math.max(replicas, 1); index++) {
        NodePod nodePod = NodePod.of(repo, manifests, dockerfile, secrets, index, scratch);
        configs.add(nodePod.config());
        pods.add(nodePod);
      }
    } catch (NodePod.PodException e) {
      problem(deployment.where(), e.getMessage());
      return;
    }
    Config config = configs.get(0);
    checkNamespaces();
    checkPorts(deployment, container, config);
    checkProbes(deployment, container, config);
    checkMembers(deployment, podLabels, replicas, config);
    BootstrapCheck bootstrap = new BootstrapCheck(this, manifests, deployment);
    bootstrap.check(pods, configs);
    new RbacCheck(this, manifests, deployment).check(bootstrap.queriedNamespace(config));
    checkRollout(deployment, replicas);
    checkService(podLabels, container);
    checkDisruptionBudget(deployment, podLabels);
    Map<String, Integer> peerPorts = new LinkedHashMap<>();
    peerPorts.put("management", config.getInt(MANAGEMENT_PORT));
    peerPorts.put("remoting", config.getInt(REMOTING_PORT));
    new NetworkPolicyCheck(this, manifests).check(podLabels, Trees.containerPorts(container), peerPorts);
    checkResources(deployment.where(), container, Trees.env(container).get("JAVA_TOOL_OPTIONS"), "-Xmx");
    checkPodSecurity(deployment, pod, container);
    checkEnvironment(deployment, container, pods.get(0).configFiles(), config);
    checkSecrets(deployment, pod, config);
    checkDataDir(deployment, container, pod, config);
    new CassandraCheck(this, manifests, repo).check(deployment, config);
    new ImageCheck(this, dockerfile, repo).check(deployment, container, config, pod);
  }

  private void checkNamespaces() {
    Set<String> namespaces = new HashSet<>();
    manifests.ofKind("Namespace").forEach(n -> namespaces.add(n.name()));
    if (namespaces.size() != 1) {
      problem("k8s/", "expected one Namespace, found " + namespaces);
      return;
    }
    for (Manifest m : manifests.all()) {
      String namespace = m.body().path("metadata").path("namespace").asText();
      if (!m.kind().equals("Namespace") && !namespaces.contains(namespace)) {
        problem(m.where(), "namespace '" + namespace + "' is not " + namespaces);
      }
    }
  }

  private void checkPorts(Manifest set, JsonNode container, Config config) {
    Map<String, Integer> ports = Trees.containerPorts(container);
    expectPort(set, ports, "http", config.getInt(HTTP_PORT), HTTP_PORT);
    expectPort(set, ports, "management", config.getInt(MANAGEMENT_PORT), MANAGEMENT_PORT);
    expectPort(set, ports, "remoting", config.getInt(REMOTING_PORT), REMOTING_PORT);
    if (!config.getString(HTTP_HOST).equals("0.0.0.0")) {
      problem(set.where(), HTTP_HOST + " is " + config.getString(HTTP_HOST)
          + ": the API must listen on every interface of the pod (0.0.0.0) for the Service to reach it");
    }
    String bind = MANAGEMENT + ".http.bind-hostname";
    if (!config.hasPath(bind) || !config.getString(bind).equals("0.0.0.0")) {
      problem(set.where(), bind + " must be 0.0.0.0 for the kubelet's probes to reach the management port");
    }
    String remotingBind = "pekko.remote.artery.bind.hostname";
    if (!config.getString(remotingBind).equals("0.0.0.0")) {
      problem(set.where(), remotingBind + " must be 0.0.0.0 for the other pods to reach remoting at the pod IP");
    }
  }

  private void expectPort(Manifest set, Map<String, Integer> ports, String name, int expected, String key) {
    Integer actual = ports.get(name);
    if (actual == null || actual != expected) {
      problem(set.where(), "container port '" + name + "' is " + actual + " but " + key + " is " + expected);
    }
  }

  private void checkProbes(Manifest set, JsonNode container, Config config) {
    String ready = "/" + config.getString(MANAGEMENT + ".health-checks.readiness-path");
    String alive = "/" + config.getString(MANAGEMENT + ".health-checks.liveness-path");
    Map<String, Integer> ports = Trees.containerPorts(container);
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("readinessProbe", ready);
    expected.put("livenessProbe", alive);
    if (container.has("startupProbe")) {
      expected.put("startupProbe", alive);
    }
    String checkTimeout = MANAGEMENT + ".health-checks.check-timeout";
    expected.forEach((probeName, path) -> {
      JsonNode probe = container.path(probeName).path("httpGet");
      if (!probe.path("path").asText().equals(path)) {
        problem(set.where(), probeName + " asks " + probe.path("path").asText("(no httpGet path)")
            + " but the management serves it on " + path);
      }
      JsonNode port = probe.path("port");
      Integer number = port.isInt() ? Integer.valueOf(port.asInt()) : ports.get(port.asText());
      if (number == null || number != config.getInt(MANAGEMENT_PORT)) {
        problem(set.where(), probeName + " port " + port + " is not " + MANAGEMENT_PORT + " "
            + config.getInt(MANAGEMENT_PORT));
      }
      if (config.hasPath(checkTimeout)) {
        long timeoutSeconds = container.path(probeName).path("timeoutSeconds").asLong(1);
        if (timeoutSeconds * 1000 <= config.getDuration(checkTimeout).toMillis()) {
          problem(set.where(), probeName + " times out after " + timeoutSeconds + " s, not after the "
              + "node's own " + checkTimeout + " (" + config.getString(checkTimeout) + ")");
        }
      }
    });
  }

  /**
   * The Deployment selects its pods; an odd number of replicas, at least 3, gives the split-brain resolver
   * (keep-majority) a majority side.
   */
  private void checkMembers(Manifest deployment, Map<String, String> podLabels, int replicas, Config config) {
    Map<String, String> matchLabels =
        Trees.strings(deployment.body().path("spec").path("selector").path("matchLabels"));
    if (matchLabels.isEmpty() || !podLabels.entrySet().containsAll(matchLabels.entrySet())) {
      problem(deployment.where(), "selector " + matchLabels + " does not select its pods " + podLabels);
    }
    if (replicas < 3 || replicas % 2 == 0) {
      problem(deployment.where(), "replicas " + replicas + " must be odd and at least 3: the split-brain resolver "
          + "keeps the majority side, and an even split has none");
    }
    String strategy = config.getString("pekko.cluster.split-brain-resolver.active-strategy");
    if (!strategy.equals("keep-majority")) {
      problem("config", "pekko.cluster.split-brain-resolver.active-strategy is " + strategy + ", not keep-majority");
    }
  }

  /**
   * A rolling update that never leaves fewer ready pods than a majority of the replicas (Kubernetes rounds a
   * percentage of maxUnavailable down and one of maxSurge up; both default to 25 %). Recreate would stop every member
   * at once.
   */
  private void checkRollout(Manifest deployment, int replicas) {
    JsonNode strategy = deployment.body().path("spec").path("strategy");
    String type = strategy.path("type").asText("RollingUpdate");
    if (!type.equals("RollingUpdate")) {
      problem(deployment.where(), "strategy " + type + " stops every pod before starting new ones: the cluster "
          + "would go away on each update; use RollingUpdate");
      return;
    }
    JsonNode rolling = strategy.path("rollingUpdate");
    int unavailable = scaled(rolling.path("maxUnavailable"), replicas, false);
    int surge = scaled(rolling.path("maxSurge"), replicas, true);
    if (replicas - unavailable <= replicas / 2) {
      problem(deployment.where(), "rolling update maxUnavailable " + rolling.path("maxUnavailable").asText("25%")
          + " would leave " + (replicas - unavailable) + " of " + replicas + " pods: no majority for the split-brain "
          + "resolver; use maxUnavailable 0 and maxSurge 1");
    }
    if (unavailable == 0 && surge == 0) {
      problem(deployment.where(), "rolling update maxUnavailable and maxSurge are both 0: no pod could be replaced");
    }
  }

  private static int scaled(JsonNode value, int replicas, boolean roundUp) {
    String text = value.isMissingNode() ? "25%" : value.asText();
    if (!text.endsWith("%")) {
      return Integer.parseInt(text);
    }
    double share = replicas * Integer.parseInt(text.substring(0, text.length() - 1)) / 100.0;
    return (int) (roundUp ? Math.ceil(share) : Math.floor(share));
  }

  /** Non-root, no privilege escalation, a read-only root filesystem with a writable /tmp for the JVM and Netty. */
  private void checkPodSecurity(Manifest deployment, JsonNode pod, JsonNode container) {
    JsonNode podSecurity = pod.path("spec").path("securityContext");
    JsonNode security = container.path("securityContext");
    if (!security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false))) {
      problem(deployment.where(), "runAsNonRoot is not true");
    }
    if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
      problem(deployment.where(), "container " + container.path("name").asText() + " allows privilege escalation");
    }
    if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
      problem(deployment.where(), "container " + container.path("name").asText() + " has a writable root filesystem");
    } else if (writableMount(container, "/tmp").isEmpty()) {
      problem(deployment.where(), "the root filesystem is read-only but nothing writable is mounted at /tmp");
    }
  }

  private static Optional<String> writableMount(JsonNode container, String path) {
    for (JsonNode mount : container.path("volumeMounts")) {
      if (mount.path("mountPath").asText().equals(path) && !mount.path("readOnly").asBoolean(false)) {
        return Optional.of(mount.path("name").asText());
      }
    }
    return Optional.empty();
  }

  /** Secrets mounted or referenced must exist before the pods start, and the node must take its tokens from one. */
  private void checkSecrets(Manifest set, JsonNode pod, Config config) {
    String docs = read(repo.resolve("docs/deployment.md"));
    String namespace = set.body().path("metadata").path("namespace").asText();
    Map<String, String> referenced = new LinkedHashMap<>();
    for (JsonNode volume : pod.path("spec").path("volumes")) {
      if (volume.has("secret")) {
        if (volume.path("secret").path("optional").asBoolean(false)) {
          problem(set.where(), "Secret volume " + volume.path("name").asText() + " is optional: a pod without it "
              + "would make its own admin token and approval code, different on every pod");
        }
        referenced.put(volume.path("secret").path("secretName").asText(), "volume " + volume.path("name").asText());
      }
    }
    for (JsonNode variable : NodePod.container(set).path("env")) {
      JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
      if (!ref.isMissingNode()) {
        if (ref.path("optional").asBoolean(false)) {
          problem(set.where(), "environment variable " + variable.path("name").asText() + " reads an optional Secret");
        }
        referenced.put(ref.path("name").asText(), "environment variable " + variable.path("name").asText());
      }
    }
    referenced.forEach((secret, user) -> {
      if (!docs.contains("kubectl -n " + namespace + " create secret generic " + secret)) {
        problem(set.where(), "Secret " + secret + " (" + user + ") is not created by a `kubectl -n " + namespace
            + " create secret generic " + secret + "` of docs/deployment.md");
      }
    });
    if (!config.hasPath(ApiTokens.PATH) || ApiTokens.fromConfig(config).isEmpty()) {
      problem(set.where(), "the node's " + ApiTokens.PATH + " is empty: each pod would make its own admin token, and "
          + "a token would work on one pod of three; pass the Secret " + PodSecrets.AUTH + " as a --config file");
    }
    if (config.getString(APPROVAL_CODE_HASH).isBlank()) {
      problem(set.where(), APPROVAL_CODE_HASH + " is empty: each pod would make its own approval code");
    }
  }

  /**
   * The data dir is a writable emptyDir of each pod: it holds only that pod's session run logs (the journal is in
   * Cassandra), and a Deployment's pods cannot each have their own claim.
   */
  private void checkDataDir(Manifest deployment, JsonNode container, JsonNode pod, Config config) {
    String dataDir = config.getString(NodeConfig.DATA_DIR);
    Optional<String> volume = writableMount(container, dataDir);
    if (volume.isEmpty()) {
      problem(deployment.where(), "nothing writable is mounted at peaktrade.data-dir " + dataDir);
      return;
    }
    for (JsonNode candidate : pod.path("spec").path("volumes")) {
      if (candidate.path("name").asText().equals(volume.get()) && !candidate.has("emptyDir")) {
        problem(deployment.where(), "peaktrade.data-dir " + dataDir + " is on volume " + volume.get() + ", not an "
            + "emptyDir: it holds one pod's run logs, and all pods of a Deployment would share any other volume");
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void checkService(Map<String, String> podLabels, JsonNode container) {
    Manifest service = manifests.one("Service", "peak-trade");
    Map<String, String> selector = Trees.strings(service.body().path("spec").path("selector"));
    if (selector.isEmpty() || !podLabels.entrySet().containsAll(selector.entrySet())) {
      problem(service.where(), "selector " + selector + " does not select the node pods " + podLabels);
    }
    Map<String, Integer> ports = Trees.containerPorts(container);
    for (JsonNode port : service.body().path("spec").path("ports")) {
      JsonNode target = port.path("targetPort");
      boolean exists = target.isInt() ? ports.containsValue(target.asInt()) : ports.containsKey(target.asText());
      if (!exists) {
        problem(service.where(), "targetPort " + target + " is no container port of the nodes " + ports);
      }
    }
  }

  /** Evictions (drains, upgrades) one at a time and never below a majority of the members. */
  private void checkDisruptionBudget(Manifest set, Map<String, String> podLabels) {
    int replicas = set.body().path("spec").path("replicas").asInt(1);
    Optional<Manifest> budget = manifests.ofKind("PodDisruptionBudget").stream()
        .filter(pdb -> podLabels.entrySet().containsAll(
            Trees.strings(pdb.body().path("spec").path("selector").path("matchLabels")).entrySet()))
        .findFirst();
    if (budget.isEmpty()) {
      problem(set.where(), "no PodDisruptionBudget selects the node pods " + podLabels);
      return;
    }
    JsonNode spec = budget.get().body().path("spec");
    int evictable;
    String rule;
    if (spec.path("maxUnavailable").isInt()) {
      evictable = spec.path("maxUnavailable").asInt();
      rule = "maxUnavailable " + evictable;
    } else if (spec.path("minAvailable").isInt()) {
      evictable = replicas - spec.path("minAvailable").asInt();
      rule = "minAvailable " + spec.path("minAvailable").asInt();
    } else {
      problem(budget.get().where(), "needs a whole-number maxUnavailable or minAvailable, not " + spec);
      return;
    }
    if (replicas - evictable <= replicas / 2 || evictable < 1) {
      problem(budget.get().where(), rule + " must keep a majority of the " + replicas + " replicas (the split-brain "
          + "resolver keeps the majority) and still let one pod be evicted");
    }
  }

  /** Requests and limits set; the heap flag of {@code heapOptions} at most 75 % of the memory limit. */
  void checkResources(String where, JsonNode container, String heapOptions, String heapFlag) {
    JsonNode resources = container.path("resources");
    boolean complete = true;
    for (String kind : List.of("requests", "limits")) {
      for (String resource : List.of("cpu", "memory")) {
        if (!resources.path(kind).hasNonNull(resource)) {
          problem(where, "container " + container.path("name").asText() + " has no " + kind + "." + resource);
          complete = false;
        }
      }
    }
    if (!complete) {
      return;
    }
    long requestMemory = Quantities.kubernetesBytes(resources.path("requests").path("memory").asText());
    long limitMemory = Quantities.kubernetesBytes(resources.path("limits").path("memory").asText());
    if (requestMemory > limitMemory || Quantities.millicores(resources.path("requests").path("cpu").asText())
        > Quantities.millicores(resources.path("limits").path("cpu").asText())) {
      problem(where, "a request is above its limit: " + resources);
    }
    Optional<Long> heap = heapSize(heapOptions, heapFlag);
    if (heap.isEmpty()) {
      problem(where, "no " + heapFlag + " in " + heapOptions + ": the heap must be sized for the memory limit");
    } else if (heap.get() > limitMemory * MAX_HEAP_SHARE) {
      problem(where, "heap " + heapOptions + " is more than 75 % of the memory limit "
          + resources.path("limits").path("memory").asText() + ": off-heap memory would get the pod OOM-killed");
    }
    Optional<Long> initial = heapSize(heapOptions, "-Xms");
    if (heapFlag.equals("-Xmx") && initial.isPresent() && heap.isPresent() && initial.get() > heap.get()) {
      problem(where, "-Xms is above -Xmx in " + heapOptions);
    }
  }

  private static Optional<Long> heapSize(String options, String flag) {
    if (options == null) {
      return Optional.empty();
    }
    if (!flag.startsWith("-")) {
      return Optional.of(Quantities.jvmBytes(options));
    }
    for (String option : options.trim().split("\\s+")) {
      if (option.startsWith(flag)) {
        return Optional.of(Quantities.jvmBytes(option.substring(flag.length())));
      }
    }
    return Optional.empty();
  }

  /**
   * Every variable the container sets (but the JVM's own) is read by some config the node loads, or by Kubernetes API
   * discovery (the variables its settings name), or is composed into another variable with {@code $(NAME)}.
   */
  private void checkEnvironment(Manifest set, JsonNode container, List<Path> configFiles, Config config) {
    Set<String> read = new HashSet<>();
    for (String key : List.of("api-service-host-env-name", "api-service-port-env-name")) {
      read.add(config.getString(BootstrapCheck.KUBERNETES_API + "." + key));
    }
    for (String text : configTexts(configFiles)) {
      Matcher matcher = CONFIG_REFERENCE.matcher(text);
      while (matcher.find()) {
        read.add(matcher.group(1));
      }
    }
    for (JsonNode variable : container.path("env")) {
      Matcher matcher = KUBERNETES_REFERENCE.matcher(variable.path("value").asText());
      while (matcher.find()) {
        read.add(matcher.group(1));
      }
    }
    for (String name : Trees.env(container).keySet()) {
      if (!name.equals("JAVA_TOOL_OPTIONS") && !read.contains(name)) {
        problem(set.where(), "environment variable " + name + " is read by no config the node loads");
      }
    }
  }

  /** The config files, the files they include (one level deep), and the classpath's reference and node defaults. */
  private static List<String> configTexts(List<Path> configFiles) {
    List<String> texts = new ArrayList<>();
    try {
      for (Path file : configFiles) {
        String text = Files.readString(file);
        texts.add(text);
        Matcher include = INCLUDE.matcher(text);
        while (include.find()) {
          Path included = file.resolveSibling(include.group(1));
          if (Files.isRegularFile(included)) {
            texts.add(Files.readString(included));
          }
        }
      }
      ClassLoader loader = ManifestCheck.class.getClassLoader();
      for (String resource : List.of("reference.conf", "peaktrade-node.conf")) {
        for (URL url : Collections.list(loader.getResources(resource))) {
          try (var in = url.openStream()) {
            texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }
}
