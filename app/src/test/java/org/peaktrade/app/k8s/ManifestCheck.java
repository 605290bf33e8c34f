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
import java.util.TreeSet;
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
  private static final Pattern SIMPLE_REPLICATION =
      Pattern.compile(Pattern.quote("{ 'class' : 'SimpleStrategy','replication_factor':1 }"));

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

  private void problem(String where, String what) {
    problems.add(where + ": " + what);
  }

  private void run() {
    Manifest deployment = manifests.only("Deployment");
    JsonNode pod = deployment.body().path("spec").path("template");
    JsonNode container = pod.path("spec").path("containers").path(0);
    Map<String, String> podLabels = strings(pod.path("metadata").path("labels"));

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
    checkResources(deployment.where(), container, env(container).get("JAVA_TOOL_OPTIONS"), "-Xmx");
    checkEnvironment(deployment, container, configFiles);
    checkCassandra(deployment, container, config);
    checkImage(deployment, container, config, pod);
  }

  /** The image's ENTRYPOINT (or the container's command) followed by the container's args (or the image's CMD). */
  private List<String> commandLine(JsonNode container) {
    List<String> line = new ArrayList<>();
    if (container.has("command")) {
      line.addAll(texts(container.path("command")));
    } else {
      dockerfile.last("ENTRYPOINT").ifPresent(entrypoint -> line.addAll(entrypoint.execForm()));
    }
    if (container.has("args")) {
      line.addAll(texts(container.path("args")));
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
    env(container).forEach((name, value) ->
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
    Map<String, Integer> ports = containerPorts(container);
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
    Map<String, Integer> ports = containerPorts(container);
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
    Map<String, String> selector = parseSelector(config.getString(LABEL_SELECTOR).replace("%s", serviceName));
    selector.forEach((label, value) -> {
      if (!value.equals(podLabels.get(label))) {
        problem(deployment.where(), "pod label " + label + "=" + podLabels.get(label) + " is not found by "
            + LABEL_SELECTOR + " '" + config.getString(LABEL_SELECTOR) + "' with service-name " + serviceName);
      }
    });
    Map<String, String> matchLabels = strings(deployment.body().path("spec").path("selector").path("matchLabels"));
    if (matchLabels.isEmpty() || !podLabels.entrySet().containsAll(matchLabels.entrySet())) {
      problem(deployment.where(), "selector " + matchLabels + " does not select its pods " + podLabels);
    }
    String portName = config.getString(BOOTSTRAP + ".port-name");
    Integer port = containerPorts(deployment.body().path("spec").path("template").path("spec").path("containers")
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
      if (texts(rule.path("apiGroups")).contains("") && texts(rule.path("resources")).contains("pods")
          && texts(rule.path("verbs")).containsAll(List.of("get", "watch", "list"))) {
        return true;
      }
    }
    return false;
  }

  private void checkService(Map<String, String> podLabels, JsonNode container) {
    Manifest service = manifests.one("Service", "peak-trade");
    Map<String, String> selector = strings(service.body().path("spec").path("selector"));
    if (selector.isEmpty() || !podLabels.entrySet().containsAll(selector.entrySet())) {
      problem(service.where(), "selector " + selector + " does not select the node pods " + podLabels);
    }
    Map<String, Integer> ports = containerPorts(container);
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
            strings(pdb.body().path("spec").path("selector").path("matchLabels")).entrySet()))
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
    Map<String, Integer> ports = containerPorts(container);
    for (Manifest policy : manifests.ofKind("NetworkPolicy")) {
      Map<String, String> selected = strings(policy.body().path("spec").path("podSelector").path("matchLabels"));
      if (selected.isEmpty() || !podLabels.entrySet().containsAll(selected.entrySet())) {
        problem(policy.where(), "podSelector " + selected + " does not select the node pods " + podLabels);
        continue;
      }
      Set<String> fromNodes = new HashSet<>();
      for (JsonNode rule : policy.body().path("spec").path("ingress")) {
        boolean peers = false;
        for (JsonNode from : rule.path("from")) {
          Map<String, String> peer = strings(from.path("podSelector").path("matchLabels"));
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
  private void checkResources(String where, JsonNode container, String heapOptions, String heapFlag) {
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
    for (String name : env(container).keySet()) {
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

  private void checkCassandra(Manifest deployment, JsonNode container, Config config) {
    if (!config.getString("pekko.persistence.journal.plugin").equals("pekko.persistence.cassandra.journal")) {
      problem(deployment.where(), "the journal is not on Cassandra: pods would each keep their own H2 journal");
    }
    Manifest set = manifests.only("StatefulSet");
    JsonNode cassandra = set.body().path("spec").path("template").path("spec").path("containers").path(0);
    Manifest service = manifests.one("Service", set.body().path("spec").path("serviceName").asText());
    if (!service.body().path("spec").path("clusterIP").asText().equals("None")) {
      problem(service.where(), "the StatefulSet's serviceName must be a headless Service (clusterIP: None)");
    }
    Map<String, String> cassandraLabels =
        strings(set.body().path("spec").path("template").path("metadata").path("labels"));
    if (!cassandraLabels.entrySet().containsAll(strings(service.body().path("spec").path("selector")).entrySet())) {
      problem(service.where(), "selector does not select the Cassandra pods " + cassandraLabels);
    }
    Map<String, Integer> cassandraPorts = containerPorts(cassandra);
    Integer cqlServicePort = null;
    for (JsonNode port : service.body().path("spec").path("ports")) {
      if (port.path("name").asText().equals("cql")) {
        cqlServicePort = port.path("port").asInt();
        JsonNode target = port.path("targetPort");
        Integer targetPort = target.isInt() ? Integer.valueOf(target.asInt()) : cassandraPorts.get(target.asText());
        if (!Integer.valueOf(9042).equals(targetPort)) {
          problem(service.where(), "port cql targets " + target + ", not Cassandra's CQL port 9042");
        }
      }
    }
    String expectedContact = service.name() + ":" + cqlServicePort;
    List<String> contactPoints = config.getStringList("datastax-java-driver.basic.contact-points");
    if (!contactPoints.equals(List.of(expectedContact))) {
      problem(deployment.where(), "the node's Cassandra contact points " + contactPoints + " (PEAKTRADE_CASSANDRA_"
          + "CONTACT_POINT) are not the Cassandra service " + expectedContact);
    }
    Map<String, String> cassandraEnv = env(cassandra);
    String dc = cassandraEnv.get("CASSANDRA_DC");
    String localDc = config.getString("datastax-java-driver.basic.load-balancing-policy.local-datacenter");
    if (!localDc.equals(dc)) {
      problem(deployment.where(), "the node's local data center " + localDc + " (PEAKTRADE_CASSANDRA_DATACENTER) is"
          + " not the StatefulSet's CASSANDRA_DC " + dc);
    }
    if (!String.valueOf(cassandraEnv.get("CASSANDRA_SEEDS")).startsWith(set.name() + "-0." + service.name())) {
      problem(set.where(), "CASSANDRA_SEEDS " + cassandraEnv.get("CASSANDRA_SEEDS") + " does not start with the "
          + "first pod's stable name " + set.name() + "-0." + service.name());
    }
    checkResources(set.where(), cassandra, cassandraEnv.get("MAX_HEAP_SIZE"), "MAX_HEAP_SIZE");
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
      problem(map.where(), "schema.cql is not scripts/cassandra/schema.cql replicated " + replicas + " times in "
          + dc + ": run scripts/k8s/cassandra-schema-configmap " + dc + " " + replicas);
    }
    for (String keyspace : List.of(config.getString("pekko.persistence.cassandra.journal.keyspace"),
        config.getString("pekko.persistence.cassandra.snapshot.keyspace"))) {
      if (!expected.contains("CREATE KEYSPACE IF NOT EXISTS " + keyspace + "\n")) {
        problem(map.where(), "the schema does not create the node's keyspace " + keyspace);
      }
    }
  }

  private void checkSchemaJob(String serviceName, Integer cqlPort) {
    Manifest job = manifests.only("Job");
    String script = String.join(" ", texts(job.body().path("spec").path("template").path("spec").path("containers")
        .path(0).path("command")));
    if (!script.contains("cqlsh " + serviceName + " " + cqlPort + " -f ")) {
      problem(job.where(), "does not run cqlsh -f against the Cassandra service " + serviceName + " " + cqlPort);
    }
  }

  private void checkImage(Manifest deployment, JsonNode container, Config config, JsonNode pod) {
    String image = container.path("image").asText();
    if (dockerfile.documentedTag().isEmpty() || !dockerfile.documentedTag().get().equals(image)) {
      problem(deployment.where(), "image " + image + " is not the Dockerfile's documented tag "
          + dockerfile.documentedTag().orElse("(none)"));
    }
    String version = projectVersion();
    if (!image.endsWith(":" + version)) {
      problem(deployment.where(), "image " + image + " is not tagged with the project version " + version);
    }
    List<Dockerfile.Instruction> froms = dockerfile.all("FROM");
    if (froms.size() != 2 || !froms.get(0).arguments().matches("maven:3-eclipse-temurin-17 AS build")
        || !froms.get(1).words().get(0).equals("eclipse-temurin:17-jre")) {
      problem("Dockerfile", "expected a maven:3-eclipse-temurin-17 build stage and an eclipse-temurin:17-jre "
          + "runtime stage, found " + froms.stream().map(Dockerfile.Instruction::arguments).toList());
    }
    boolean packages = dockerfile.all("RUN").stream().anyMatch(run -> run.stage() == 0
        && run.arguments().contains("mvn ") && run.arguments().contains("-pl app -am package"));
    if (!packages) {
      problem("Dockerfile", "the build stage does not run mvn ... -pl app -am package");
    }
    String jar = "app/target/" + finalName() + ".jar";
    Optional<String> copiedJar = dockerfile.all("COPY").stream()
        .filter(copy -> copy.words().get(0).equals("--from=build"))
        .filter(copy -> copy.words().get(1).endsWith("/" + jar))
        .map(copy -> copy.words().get(2)).findFirst();
    List<String> entrypoint = dockerfile.last("ENTRYPOINT").map(Dockerfile.Instruction::execForm).orElse(List.of());
    if (copiedJar.isEmpty()) {
      problem("Dockerfile", "no COPY --from=build of " + jar + ", the jar the package step makes");
    } else if (!entrypoint.containsAll(List.of("java", "-jar", copiedJar.get(), "node"))) {
      problem("Dockerfile", "ENTRYPOINT " + entrypoint + " does not run java -jar " + copiedJar.get() + " node");
    }
    Set<Integer> exposed = new TreeSet<>();
    dockerfile.all("EXPOSE").forEach(expose -> expose.words().forEach(word -> exposed.add(Integer.parseInt(word))));
    Set<Integer> configured = new TreeSet<>(List.of(config.getInt(HTTP_PORT), config.getInt(MANAGEMENT_PORT),
        config.getInt(REMOTING_PORT)));
    if (!exposed.equals(configured)) {
      problem("Dockerfile", "EXPOSE " + exposed + " is not the configured ports " + configured);
    }
    String dataDir = config.getString(NodeConfig.DATA_DIR);
    if (dockerfile.last("VOLUME").map(volume -> volume.arguments().trim()).filter(dataDir::equals).isEmpty()) {
      problem("Dockerfile", "VOLUME is not peaktrade.data-dir " + dataDir);
    }
    boolean mounted = false;
    for (JsonNode mount : container.path("volumeMounts")) {
      mounted |= mount.path("mountPath").asText().equals(dataDir);
    }
    if (!mounted) {
      problem(deployment.where(), "nothing is mounted at peaktrade.data-dir " + dataDir);
    }
    String user = dockerfile.last("USER").map(u -> u.arguments().trim().split(":")[0]).orElse("root");
    String runAs = pod.path("spec").path("securityContext").path("runAsUser").asText();
    if (user.equals("root") || user.equals("0") || !user.equals(runAs)) {
      problem("Dockerfile", "USER " + user + " must be a non-root user, the Deployment's runAsUser " + runAs);
    }
  }

  private String projectVersion() {
    return xmlText(repo.resolve("pom.xml"), "<version>([^<]+)</version>");
  }

  private String finalName() {
    return xmlText(repo.resolve("app/pom.xml"), "<finalName>([^<]+)</finalName>");
  }

  /** The first match in the file: the root POM's own version comes before any dependency's. */
  private static String xmlText(Path file, String regex) {
    try {
      Matcher matcher = Pattern.compile(regex).matcher(Files.readString(file));
      if (!matcher.find()) {
        throw new IllegalStateException(file + " has no " + regex);
      }
      return matcher.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path write(String name, String text) {
    try {
      return Files.writeString(scratch.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Integer> containerPorts(JsonNode container) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    container.path("ports").forEach(port -> ports.put(port.path("name").asText(), port.path("containerPort").asInt()));
    return ports;
  }

  /** The container's environment; values from the downward API or a Secret as {@code <from ...>} placeholders. */
  private static Map<String, String> env(JsonNode container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode variable : container.path("env")) {
      env.put(variable.path("name").asText(), variable.has("value") ? variable.path("value").asText()
          : "<from " + variable.path("valueFrom") + ">");
    }
    return env;
  }

  private static Map<String, String> parseSelector(String selector) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String term : selector.split(",")) {
      String[] pair = term.trim().split("==?", 2);
      labels.put(pair[0].trim(), pair.length > 1 ? pair[1].trim() : "");
    }
    return labels;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
    return map;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
