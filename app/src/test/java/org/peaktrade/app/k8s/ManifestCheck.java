package org.peaktrade.app.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueFactory;
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
import org.peaktrade.app.k8s.Manifests.Manifest;
import org.peaktrade.app.node.NodeConfig;

/**
 * Checks the k8s/ manifests and the Dockerfile against the node's configuration as a pod would load it: the config
 * files of the container's command line (from the image or from a mounted ConfigMap), layered by
 * {@link NodeConfig#load}, with the Deployment's environment variables standing in for the pod's. Every mismatch
 * becomes one problem naming the file and what differs.
 */
final class ManifestCheck {

  static final String HTTP_PORT = "peaktrade.http.port";
  static final String HTTP_HOST = "peaktrade.http.host";
  static final String MANAGEMENT = "pekko.management";
  static final String MANAGEMENT_PORT = MANAGEMENT + ".http.port";
  static final String REMOTING_PORT = "pekko.remote.artery.canonical.port";
  static final String BOOTSTRAP = MANAGEMENT + ".cluster.bootstrap.contact-point-discovery";
  static final String LABEL_SELECTOR = "pekko.discovery.kubernetes-api.pod-label-selector";
  private static final double MAX_HEAP_SHARE = 0.75;
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{\\?([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern INCLUDE = Pattern.compile("^\\s*include\\s+\"([^\"]+)\"", Pattern.MULTILINE);

  private final Path repo;
  private final Manifests manifests;
  private final Dockerfile dockerfile;
  private final Path scratch;
  private final List<String> problems = new ArrayList<>();

  private ManifestCheck(Path repo, Manifests manifests, Dockerfile dockerfile, Path scratch) {
    this.repo = repo;
    this.manifests = manifests;
    this.dockerfile = dockerfile;
    this.scratch = scratch;
  }

  /** The problems found; empty when everything matches. {@code scratch} receives the mounted config files. */
  static List<String> problems(Path repo, Manifests manifests, Dockerfile dockerfile, Path scratch) {
    ManifestCheck check = new ManifestCheck(repo, manifests, dockerfile, scratch);
    check.run();
    return List.copyOf(check.problems);
  }

  void problem(String where, String what) {
    problems.add(where + ": " + what);
  }

  private void run() {
    Manifest deployment = manifests.only("Deployment");
    JsonNode pod = deployment.body().path("spec").path("template");
    JsonNode container = pod.path("spec").path("containers").path(0);
    Map<String, String> podLabels = Trees.strings(pod.path("metadata").path("labels"));

    List<String> commandLine = commandLine(container);
    List<Path> configFiles = configFiles(deployment, container, commandLine);
    if (configFiles.isEmpty()) {
      return;
    }
    Config config;
    try {
      config = NodeConfig.load(withEnvironment(container, configFiles), Optional.empty(), Optional.empty(),
          Optional.empty());
    } catch (ConfigException | IllegalArgumentException e) {
      problem(deployment.where(), "the node cannot load its config: " + e.getMessage());
      return;
    }
    checkNamespaces();
    checkPorts(deployment, container, config);
    checkProbes(deployment, container, config);
    checkDiscovery(deployment, podLabels, config);
    checkRbac(deployment);
    checkService(podLabels, container);
    checkDisruptionBudget(deployment, podLabels);
    checkNetworkPolicy(podLabels, container);
    checkResources(deployment.where(), container, Trees.env(container).get("JAVA_TOOL_OPTIONS"), "-Xmx");
    checkEnvironment(deployment, container, configFiles);
    new CassandraCheck(this, manifests, repo).check(deployment, config);
    new ImageCheck(this, dockerfile, repo).check(deployment, container, config, pod);
  }

  /** The image's ENTRYPOINT (or the container's command) followed by the container's args (or the image's CMD). */
  private List<String> commandLine(JsonNode container) {
    List<String> line = new ArrayList<>();
    if (container.has("command")) {
      line.addAll(Trees.texts(container.path("command")));
    } else {
      dockerfile.last("ENTRYPOINT").ifPresent(entrypoint -> line.addAll(entrypoint.execForm()));
    }
    if (container.has("args")) {
      line.addAll(Trees.texts(container.path("args")));
    } else {
      dockerfile.last("CMD").ifPresent(cmd -> line.addAll(cmd.execForm()));
    }
    return line;
  }

  /** Each --config of the command line as a local file: from the repository (image) or a ConfigMap (mount). */
  private List<Path> configFiles(Manifest deployment, JsonNode container, List<String> commandLine) {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < commandLine.size() - 1; i++) {
      if (!commandLine.get(i).equals("--config")) {
        continue;
      }
      String path = commandLine.get(i + 1);
      Optional<Path> local = fromConfigMap(deployment, container, path).or(() -> fromImage(path));
      if (local.isEmpty()) {
        problem(deployment.where(), "--config " + path + " is neither in the image (a Dockerfile COPY of a "
            + "repository file) nor a key of a ConfigMap mounted there");
        return List.of();
      }
      files.add(local.get());
    }
    if (files.isEmpty()) {
      problem(deployment.where(), "the container's command line " + commandLine + " names no --config file");
    }
    return files;
  }

  private Optional<Path> fromConfigMap(Manifest deployment, JsonNode container, String path) {
    for (JsonNode mount : container.path("volumeMounts")) {
      String dir = mount.path("mountPath").asText() + "/";
      if (!path.startsWith(dir)) {
        continue;
      }
      String key = path.substring(dir.length());
      for (JsonNode volume : deployment.body().path("spec").path("template").path("spec").path("volumes")) {
        if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("configMap")) {
          String mapName = volume.path("configMap").path("name").asText();
          Optional<Manifest> map = manifests.ofKind("ConfigMap").stream()
              .filter(m -> m.name().equals(mapName)).findFirst();
          if (map.isEmpty() || !map.get().body().path("data").has(key)) {
            return Optional.empty();
          }
          return Optional.of(write(key, map.get().body().path("data").path(key).asText()));
        }
      }
    }
    return Optional.empty();
  }

  /** A path of the final image that a {@code COPY src/ dest/} of the final stage fills from the repository. */
  private Optional<Path> fromImage(String path) {
    for (Dockerfile.Instruction copy : dockerfile.all("COPY")) {
      List<String> words = copy.words();
      if (copy.stage() != dockerfile.finalStage() || words.get(0).startsWith("--from") || words.size() != 2) {
        continue;
      }
      String source = words.get(0);
      String dest = words.get(1);
      if (dest.endsWith("/") && path.startsWith(dest)) {
        Path file = repo.resolve(source).resolve(path.substring(dest.length()));
        if (Files.isRegularFile(file)) {
          return Optional.of(file);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The config files preceded by one that sets the Deployment's environment variables as root keys: a
   * {@code ${?NAME}} substitution finds a config path before the process environment, so the node resolves them
   * as the pod would. Values from the downward API or a Secret are placeholders.
   */
  private List<Path> withEnvironment(JsonNode container, List<Path> configFiles) {
    StringBuilder hocon = new StringBuilder();
    Trees.env(container).forEach((name, value) ->
        hocon.append(name).append(" = ").append(ConfigValueFactory.fromAnyRef(value).render()).append('\n'));
    List<Path> files = new ArrayList<>();
    files.add(write("pod-environment.conf", hocon.toString()));
    files.addAll(configFiles);
    return files;
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

  private void checkPorts(Manifest deployment, JsonNode container, Config config) {
    Map<String, Integer> ports = Trees.containerPorts(container);
    expectPort(deployment, ports, "http", config.getInt(HTTP_PORT), HTTP_PORT);
    expectPort(deployment, ports, "management", config.getInt(MANAGEMENT_PORT), MANAGEMENT_PORT);
    expectPort(deployment, ports, "remoting", config.getInt(REMOTING_PORT), REMOTING_PORT);
    if (!config.getString(HTTP_HOST).equals("0.0.0.0")) {
      problem(deployment.where(), HTTP_HOST + " is " + config.getString(HTTP_HOST)
          + ": the API must listen on every interface of the pod (0.0.0.0) for the Service to reach it");
    }
    String bind = MANAGEMENT + ".http.bind-hostname";
    if (!config.hasPath(bind) || !config.getString(bind).equals("0.0.0.0")) {
      problem(deployment.where(), bind + " must be 0.0.0.0 for the kubelet's probes to reach the management port");
    }
  }

  private void expectPort(Manifest deployment, Map<String, Integer> ports, String name, int expected, String key) {
    Integer actual = ports.get(name);
    if (actual == null || actual != expected) {
      problem(deployment.where(), "container port '" + name + "' is " + actual + " but " + key + " is " + expected);
    }
  }

  private void checkProbes(Manifest deployment, JsonNode container, Config config) {
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
        problem(deployment.where(), probeName + " asks " + probe.path("path").asText("(no httpGet path)")
            + " but the management serves it on " + path);
      }
      JsonNode port = probe.path("port");
      Integer number = port.isInt() ? Integer.valueOf(port.asInt()) : ports.get(port.asText());
      if (number == null || number != config.getInt(MANAGEMENT_PORT)) {
        problem(deployment.where(), probeName + " port " + port + " is not " + MANAGEMENT_PORT + " "
            + config.getInt(MANAGEMENT_PORT));
      }
      if (config.hasPath(checkTimeout)) {
        long timeoutSeconds = container.path(probeName).path("timeoutSeconds").asLong(1);
        if (timeoutSeconds * 1000 <= config.getDuration(checkTimeout).toMillis()) {
          problem(deployment.where(), probeName + " times out after " + timeoutSeconds + " s, not after the "
              + "node's own " + checkTimeout + " (" + config.getString(checkTimeout) + ")");
        }
      }
    });
  }

  private void checkDiscovery(Manifest deployment, Map<String, String> podLabels, Config config) {
    String method = config.getString(BOOTSTRAP + ".discovery-method");
    if (!method.equals("kubernetes-api")) {
      problem("config", BOOTSTRAP + ".discovery-method is " + method + ", not kubernetes-api");
    }
    String serviceName = config.getString(BOOTSTRAP + ".service-name");
    Map<String, String> selector = Trees.parseSelector(config.getString(LABEL_SELECTOR).replace("%s", serviceName));
    selector.forEach((label, value) -> {
      if (!value.equals(podLabels.get(label))) {
        problem(deployment.where(), "pod label " + label + "=" + podLabels.get(label) + " is not found by "
            + LABEL_SELECTOR + " '" + config.getString(LABEL_SELECTOR) + "' with service-name " + serviceName);
      }
    });
    Map<String, String> matchLabels = Trees.strings(deployment.body().path("spec").path("selector").path("matchLabels"));
    if (matchLabels.isEmpty() || !podLabels.entrySet().containsAll(matchLabels.entrySet())) {
      problem(deployment.where(), "selector " + matchLabels + " does not select its pods " + podLabels);
    }
    String portName = config.getString(BOOTSTRAP + ".port-name");
    Integer port = Trees.containerPorts(deployment.body().path("spec").path("template").path("spec").path("containers")
        .path(0)).get(portName);
    if (port == null || port != config.getInt(MANAGEMENT_PORT)) {
      problem(deployment.where(), BOOTSTRAP + ".port-name '" + portName + "' names container port " + port
          + ", not the management port " + config.getInt(MANAGEMENT_PORT));
    }
    int replicas = deployment.body().path("spec").path("replicas").asInt(1);
    int required = config.getInt(BOOTSTRAP + ".required-contact-point-nr");
    if (required > replicas || required <= replicas / 2) {
      problem(deployment.where(), BOOTSTRAP + ".required-contact-point-nr " + required + " must be a majority of "
          + "the " + replicas + " replicas and no more than them: fewer lets two clusters form, more forms none");
    }
  }

  private void checkRbac(Manifest deployment) {
    String account = deployment.body().path("spec").path("template").path("spec").path("serviceAccountName")
        .asText("default");
    String namespace = deployment.body().path("metadata").path("namespace").asText();
    boolean bound = false;
    for (Manifest binding : manifests.ofKind("RoleBinding")) {
      boolean forAccount = false;
      for (JsonNode subject : binding.body().path("subjects")) {
        forAccount |= subject.path("kind").asText().equals("ServiceAccount")
            && subject.path("name").asText().equals(account) && subject.path("namespace").asText().equals(namespace);
      }
      JsonNode ref = binding.body().path("roleRef");
      if (!forAccount || !ref.path("kind").asText().equals("Role")) {
        continue;
      }
      Optional<Manifest> role = manifests.ofKind("Role").stream()
          .filter(r -> r.name().equals(ref.path("name").asText())).findFirst();
      bound |= role.isPresent() && readsPods(role.get());
    }
    if (manifests.ofKind("ServiceAccount").stream().noneMatch(a -> a.name().equals(account))) {
      problem(deployment.where(), "service account " + account + " is not defined in k8s/");
    }
    if (!bound) {
      problem(deployment.where(), "no Role bound to service account " + account + " allows get, watch and list on "
          + "pods: Kubernetes API discovery cannot find the other nodes");
    }
  }

  private static boolean readsPods(Manifest role) {
    for (JsonNode rule : role.body().path("rules")) {
      if (Trees.texts(rule.path("apiGroups")).contains("") && Trees.texts(rule.path("resources")).contains("pods")
          && Trees.texts(rule.path("verbs")).containsAll(List.of("get", "watch", "list"))) {
        return true;
      }
    }
    return false;
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

  private void checkDisruptionBudget(Manifest deployment, Map<String, String> podLabels) {
    int replicas = deployment.body().path("spec").path("replicas").asInt(1);
    Optional<Manifest> budget = manifests.ofKind("PodDisruptionBudget").stream()
        .filter(pdb -> podLabels.entrySet().containsAll(
            Trees.strings(pdb.body().path("spec").path("selector").path("matchLabels")).entrySet()))
        .findFirst();
    if (budget.isEmpty()) {
      problem(deployment.where(), "no PodDisruptionBudget selects the node pods " + podLabels);
      return;
    }
    JsonNode minAvailable = budget.get().body().path("spec").path("minAvailable");
    if (!minAvailable.isInt() || minAvailable.asInt() <= replicas / 2 || minAvailable.asInt() >= replicas) {
      problem(budget.get().where(), "minAvailable " + minAvailable + " must keep a majority of the " + replicas
          + " replicas (the split-brain resolver keeps the majority) and still let one pod be evicted");
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
      if (!fromNodes.containsAll(List.of("management", "remoting"))) {
        problem(policy.where(), "the nodes cannot reach each other's management and remoting ports: only "
            + fromNodes);
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

  /** Every variable the pod gets (but the JVM's own) is read by some config the node loads. */
  private void checkEnvironment(Manifest deployment, JsonNode container, List<Path> configFiles) {
    Set<String> read = new HashSet<>();
    for (String text : configTexts(configFiles)) {
      Matcher matcher = ENV_REFERENCE.matcher(text);
      while (matcher.find()) {
        read.add(matcher.group(1));
      }
    }
    for (String name : Trees.env(container).keySet()) {
      if (!name.equals("JAVA_TOOL_OPTIONS") && !read.contains(name)) {
        problem(deployment.where(), "environment variable " + name + " is read by no config the node loads");
      }
    }
    for (JsonNode variable : container.path("env")) {
      if (variable.path("name").asText().equals("POD_IP")
          && !variable.path("valueFrom").path("fieldRef").path("fieldPath").asText().equals("status.podIP")) {
        problem(deployment.where(), "POD_IP must come from the downward API (fieldRef status.podIP)");
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

  private Path write(String name, String text) {
    try {
      return Files.writeString(scratch.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
