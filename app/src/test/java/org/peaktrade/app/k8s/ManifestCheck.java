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
 * Checks the k8s/ manifests and the Dockerfile against the node's configuration as each pod of the node StatefulSet
 * would load it ({@link NodePod}: the container's --config files from the image, the ConfigMap and the Secrets, its
 * environment with the downward API filled in for that pod, layered by {@link NodeConfig#load}). Every mismatch
 * becomes one problem naming the file and what differs.
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
    Manifest set;
    try {
      set = manifests.one("StatefulSet", NodePod.NODE_SET);
    } catch (IllegalStateException e) {
      problem("k8s/", e.getMessage() + ": the nodes must be a StatefulSet for stable pod names");
      return;
    }
    JsonNode pod = NodePod.podTemplate(set);
    JsonNode container = NodePod.container(set);
    Map<String, String> podLabels = Trees.strings(pod.path("metadata").path("labels"));
    int replicas = set.body().path("spec").path("replicas").asInt(1);
    List<NodePod> pods = new ArrayList<>();
    List<Config> configs = new ArrayList<>();
    try {
      for (int ordinal = 0; ordinal < Math.max(replicas, 1); ordinal++) {
        NodePod nodePod = NodePod.of(repo, manifests, dockerfile, secrets, ordinal, scratch);
        configs.add(nodePod.config());
        pods.add(nodePod);
      }
    } catch (NodePod.PodException e) {
      problem(set.where(), e.getMessage());
      return;
    }
    Config config = configs.get(0);
    checkNamespaces();
    checkPorts(set, container, config);
    checkProbes(set, container, config);
    checkCluster(set, podLabels, pods, configs);
    checkService(podLabels, container);
    checkDisruptionBudget(set, podLabels);
    checkNetworkPolicy(podLabels, container);
    checkResources(set.where(), container, Trees.env(container).get("JAVA_TOOL_OPTIONS"), "-Xmx");
    checkEnvironment(set, container, pods.get(0).configFiles());
    checkSecrets(set, pod, config);
    checkDataDir(set, container, config);
    new CassandraCheck(this, manifests, repo).check(set, config);
    new ImageCheck(this, dockerfile, repo).check(set, container, config, pod);
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
      problem(set.where(), remotingBind + " must be 0.0.0.0: the pod's DNS name may not resolve yet when it binds");
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
   * Static seed nodes on the StatefulSet's stable names: the set's serviceName is a headless Service publishing
   * not-ready pods; each pod advertises {@code <set>-<i>.<service>.<namespace>.svc.cluster.local} on the remoting
   * port; every seed is the address of one of the pods, the first seed pod 0 (the one that forms a new cluster); an
   * odd number of replicas gives the split-brain resolver (keep-majority) a majority side.
   */
  private void checkCluster(Manifest set, Map<String, String> podLabels, List<NodePod> pods, List<Config> configs) {
    Map<String, String> matchLabels = Trees.strings(set.body().path("spec").path("selector").path("matchLabels"));
    if (matchLabels.isEmpty() || !podLabels.entrySet().containsAll(matchLabels.entrySet())) {
      problem(set.where(), "selector " + matchLabels + " does not select its pods " + podLabels);
    }
    String serviceName = set.body().path("spec").path("serviceName").asText();
    String namespace = set.body().path("metadata").path("namespace").asText();
    Optional<Manifest> headless = manifests.ofKind("Service").stream().filter(s -> s.name().equals(serviceName))
        .findFirst();
    if (headless.isEmpty()) {
      problem(set.where(), "serviceName '" + serviceName + "' is no Service of k8s/: the pods get no DNS names");
    } else {
      JsonNode spec = headless.get().body().path("spec");
      if (!spec.path("clusterIP").asText().equals("None")) {
        problem(headless.get().where(), "must be headless (clusterIP: None) to give each pod its own DNS name");
      }
      if (!spec.path("publishNotReadyAddresses").asBoolean(false)) {
        problem(headless.get().where(), "publishNotReadyAddresses must be true: a pod joins the cluster (and pod 0 "
            + "forms it) before it is ready, so its name must resolve before");
      }
      Map<String, String> selector = Trees.strings(spec.path("selector"));
      if (selector.isEmpty() || !podLabels.entrySet().containsAll(selector.entrySet())) {
        problem(headless.get().where(), "selector " + selector + " does not select the node pods " + podLabels);
      }
    }
    int replicas = pods.size();
    if (replicas < 3 || replicas % 2 == 0) {
      problem(set.where(), "replicas " + replicas + " must be odd and at least 3: the split-brain resolver keeps the "
          + "majority side, and an even split has none");
    }
    Config first = configs.get(0);
    String strategy = first.getString("pekko.cluster.split-brain-resolver.active-strategy");
    if (!strategy.equals("keep-majority")) {
      problem("config", "pekko.cluster.split-brain-resolver.active-strategy is " + strategy + ", not keep-majority");
    }
    Map<String, String> podAddresses = new LinkedHashMap<>();
    for (int i = 0; i < replicas; i++) {
      Config config = configs.get(i);
      String expectedHost = pods.get(i).name() + "." + serviceName + "." + namespace + ".svc.cluster.local";
      String host = config.getString(REMOTING_HOST);
      if (!host.equals(expectedHost)) {
        problem(set.where(), "pod " + pods.get(i).name() + " advertises " + REMOTING_HOST + " " + host + ", not its "
            + "DNS name " + expectedHost);
      }
      podAddresses.put(ClusterProfile.seedNode(host + ":" + config.getInt(REMOTING_PORT)), pods.get(i).name());
      if (!config.getStringList(ClusterProfile.SEED_NODES).equals(first.getStringList(ClusterProfile.SEED_NODES))) {
        problem(set.where(), "pod " + pods.get(i).name() + " has other seed nodes than pod 0");
      }
    }
    List<String> seeds = first.getStringList(ClusterProfile.SEED_NODES);
    if (seeds.isEmpty()) {
      problem("config", ClusterProfile.SEED_NODES + " is empty: the pods never form a cluster");
      return;
    }
    for (String seed : seeds) {
      if (!podAddresses.containsKey(seed)) {
        problem("config", "seed node " + seed + " is the address of no pod of " + set.where() + " " + podAddresses
            .keySet());
      }
    }
    String firstPod = pods.get(0).name();
    if (!firstPod.equals(podAddresses.get(seeds.get(0)))) {
      problem("config", "the first seed node " + seeds.get(0) + " is not pod " + firstPod + ", the pod that starts "
          + "first and forms the cluster");
    }
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

  /** The data dir is each pod's own PersistentVolume, so run logs outlive the pod. */
  private void checkDataDir(Manifest set, JsonNode container, Config config) {
    String dataDir = config.getString(NodeConfig.DATA_DIR);
    Optional<String> volume = Optional.empty();
    for (JsonNode mount : container.path("volumeMounts")) {
      if (mount.path("mountPath").asText().equals(dataDir)) {
        volume = Optional.of(mount.path("name").asText());
      }
    }
    if (volume.isEmpty()) {
      problem(set.where(), "nothing is mounted at peaktrade.data-dir " + dataDir);
      return;
    }
    boolean claimed = false;
    for (JsonNode template : set.body().path("spec").path("volumeClaimTemplates")) {
      claimed |= template.path("metadata").path("name").asText().equals(volume.get());
    }
    if (!claimed) {
      problem(set.where(), "peaktrade.data-dir " + dataDir + " is on volume " + volume.get() + ", not on a "
          + "volumeClaimTemplate: the run logs would be lost with the pod");
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

  /** The policy covers the node pods, names only their ports, and lets the nodes reach each other's cluster ports. */
  private void checkNetworkPolicy(Map<String, String> podLabels, JsonNode container) {
    Map<String, Integer> ports = Trees.containerPorts(container);
    for (Manifest policy : manifests.ofKind("NetworkPolicy")) {
      Map<String, String> selected = Trees.strings(policy.body().path("spec").path("podSelector").path("matchLabels"));
      if (selected.isEmpty() || !podLabels.entrySet().containsAll(selected.entrySet())) {
        problem(policy.where(), "podSelector " + selected + " does not select the node pods " + podLabels);
        continue;
      }
      Set<String> fromNodes = new HashSet<>();
      for (JsonNode rule : policy.body().path("spec").path("ingress")) {
        boolean peers = false;
        for (JsonNode from : rule.path("from")) {
          Map<String, String> peer = Trees.strings(from.path("podSelector").path("matchLabels"));
          peers |= !peer.isEmpty() && podLabels.entrySet().containsAll(peer.entrySet());
        }
        for (JsonNode port : rule.path("ports")) {
          String name = port.path("port").asText();
          if (!ports.containsKey(name) && !ports.containsValue(port.path("port").asInt(-1))) {
            problem(policy.where(), "allows port " + name + ", which is no container port of the nodes " + ports);
          }
          if (peers) {
            fromNodes.add(name);
          }
        }
      }
      if (!fromNodes.contains("remoting")) {
        problem(policy.where(), "the nodes cannot reach each other's remoting port: only " + fromNodes);
      }
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
   * Every variable the pod gets (but the JVM's own) is read by some config the node loads, or is composed into
   * another variable with {@code $(NAME)}.
   */
  private void checkEnvironment(Manifest set, JsonNode container, List<Path> configFiles) {
    Set<String> read = new HashSet<>();
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
