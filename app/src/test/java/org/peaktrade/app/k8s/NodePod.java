package org.peaktrade.app.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peaktrade.app.k8s.Manifests.Manifest;
import org.peaktrade.app.node.NodeConfig;

/**
 * One pod of the node Deployment as Kubernetes would run it, without Kubernetes: its environment (what Kubernetes sets
 * in every pod, such as the API server's address, then the container's variables with downward API values for a pod
 * named {@code <deployment>-<hash>-pod<index>} at IP {@code 10.244.<index>.10}, Secret values from {@link PodSecrets},
 * {@code $(VAR)} references expanded as the kubelet does), its command line (the image's ENTRYPOINT and the
 * container's args) and each {@code --config} file as a local file (from the repository for what the Dockerfile
 * copies into the image, from the ConfigMap or Secret mounted at its path), and the config the node loads from them
 * with {@link NodeConfig#load}. {@link PodException} says what does not fit.
 */
final class NodePod {

  static final String NODES = "peak-trade";
  /** What Kubernetes puts into every container: the API server's Service (the default namespace's "kubernetes"). */
  static final Map<String, String> KUBERNETES_ENVIRONMENT =
      Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443");
  private static final String POD_TEMPLATE_HASH = "6c9f7d8b5d";
  private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  /** A pod that could not be assembled; the message names the manifest part. */
  static final class PodException extends RuntimeException {
    PodException(String message) {
      super(message);
    }
  }

  private final Manifest deployment;
  private final String name;
  private final String ip;
  private final Map<String, String> environment;
  private final List<String> commandLine;
  private final List<Path> configFiles;
  private final Path pod;

  private NodePod(Manifest deployment, String name, String ip, Map<String, String> environment,
      List<String> commandLine, List<Path> configFiles, Path pod) {
    this.deployment = deployment;
    this.name = name;
    this.ip = ip;
    this.environment = environment;
    this.commandLine = commandLine;
    this.configFiles = configFiles;
    this.pod = pod;
  }

  /** Pod {@code index} (0, 1, ...) of the node Deployment; mounted files are written under {@code scratch}. */
  static NodePod of(Path repo, Manifests manifests, Dockerfile dockerfile, PodSecrets secrets, int index,
      Path scratch) {
    Manifest deployment = manifests.one("Deployment", NODES);
    String name = deployment.name() + "-" + POD_TEMPLATE_HASH + "-pod" + index;
    String ip = "10.244." + index + ".10";
    Path pod = scratch.resolve(name);
    try {
      Files.createDirectories(pod);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode container = container(deployment);
    Map<String, String> environment = environment(deployment, container, name, ip, secrets);
    List<String> commandLine = commandLine(dockerfile, container);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < commandLine.size() - 1; i++) {
      if (commandLine.get(i).equals("--config")) {
        files.add(configFile(repo, manifests, dockerfile, secrets, deployment, commandLine.get(i + 1), pod));
      }
    }
    if (files.isEmpty()) {
      throw new PodException("the container's command line " + commandLine + " names no --config file");
    }
    return new NodePod(deployment, name, ip, environment, commandLine, files, pod);
  }

  static JsonNode podTemplate(Manifest deployment) {
    return deployment.body().path("spec").path("template");
  }

  static JsonNode container(Manifest deployment) {
    return podTemplate(deployment).path("spec").path("containers").path(0);
  }

  String name() {
    return name;
  }

  /** The pod's IP, {@code status.podIP}. */
  String ip() {
    return ip;
  }

  Map<String, String> environment() {
    return environment;
  }

  List<String> commandLine() {
    return commandLine;
  }

  List<Path> configFiles() {
    return configFiles;
  }

  /**
   * The config {@code peak-trade node} loads in this pod: the --config files over the node defaults, with the pod's
   * environment standing in for the process environment (a {@code ${?NAME}} finds a root key before the process
   * environment, so the environment goes in as a first, lowest file).
   */
  Config config() {
    StringBuilder hocon = new StringBuilder();
    environment.forEach((variable, value) ->
        hocon.append(variable).append(" = ").append(ConfigValueFactory.fromAnyRef(value).render()).append('\n'));
    List<Path> files = new ArrayList<>();
    files.add(write(pod, "pod-environment.conf", hocon.toString()));
    files.addAll(configFiles);
    try {
      return NodeConfig.load(files, Optional.empty(), Optional.empty(), Optional.empty());
    } catch (ConfigException | IllegalArgumentException e) {
      throw new PodException("the node in pod " + name + " cannot load its config: " + e.getMessage());
    }
  }

  /**
   * What Kubernetes sets, then the container's variables in order (a container's variable wins over Kubernetes' of
   * the same name); each {@code $(NAME)} of an earlier one expanded, {@code $$} an escaped $.
   */
  private static Map<String, String> environment(Manifest deployment, JsonNode container, String podName, String podIp,
      PodSecrets secrets) {
    Map<String, String> environment = new LinkedHashMap<>(KUBERNETES_ENVIRONMENT);
    for (JsonNode variable : container.path("env")) {
      String variableName = variable.path("name").asText();
      String value;
      if (variable.has("value")) {
        value = expand(variable.path("value").asText(), environment);
      } else if (variable.path("valueFrom").has("fieldRef")) {
        String field = variable.path("valueFrom").path("fieldRef").path("fieldPath").asText();
        value = switch (field) {
          case "metadata.name" -> podName;
          case "metadata.namespace" -> deployment.body().path("metadata").path("namespace").asText();
          case "status.podIP" -> podIp;
          default -> throw new PodException("environment variable " + variableName + " comes from fieldRef " + field
              + ", which this check does not know");
        };
      } else if (variable.path("valueFrom").has("secretKeyRef")) {
        JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
        value = secrets.value(ref.path("name").asText(), ref.path("key").asText())
            .orElseThrow(() -> new PodException("environment variable " + variableName + " reads Secret "
                + ref.path("name").asText() + " key " + ref.path("key").asText() + ", which is not one of the "
                + "Secrets docs/deployment.md tells to create"));
      } else {
        throw new PodException("environment variable " + variableName + " has neither a value nor a known valueFrom");
      }
      environment.put(variableName, value);
    }
    return environment;
  }

  private static String expand(String value, Map<String, String> earlier) {
    Matcher matcher = REFERENCE.matcher(value);
    StringBuilder expanded = new StringBuilder();
    while (matcher.find()) {
      String replacement;
      if (matcher.group().equals("$$")) {
        replacement = "$";
      } else {
        replacement = earlier.getOrDefault(matcher.group(1), matcher.group());
      }
      matcher.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(expanded);
    return expanded.toString();
  }

  /** The image's ENTRYPOINT (or the container's command) followed by the container's args (or the image's CMD). */
  private static List<String> commandLine(Dockerfile dockerfile, JsonNode container) {
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

  private static Path configFile(Path repo, Manifests manifests, Dockerfile dockerfile, PodSecrets secrets,
      Manifest deployment, String path, Path pod) {
    return fromVolume(manifests, secrets, deployment, path, pod).or(() -> fromImage(repo, dockerfile, path))
        .orElseThrow(() -> new PodException("--config " + path + " is neither in the image (a Dockerfile COPY of a "
            + "repository file) nor a key of a ConfigMap or Secret mounted there"));
  }

  /** The key of the ConfigMap or Secret (one of {@link PodSecrets}) that a volume mount puts at {@code path}. */
  private static Optional<Path> fromVolume(Manifests manifests, PodSecrets secrets, Manifest deployment, String path,
      Path pod) {
    for (JsonNode mount : container(deployment).path("volumeMounts")) {
      String dir = mount.path("mountPath").asText() + "/";
      if (!path.startsWith(dir)) {
        continue;
      }
      String key = path.substring(dir.length());
      for (JsonNode volume : podTemplate(deployment).path("spec").path("volumes")) {
        if (!volume.path("name").asText().equals(mount.path("name").asText())) {
          continue;
        }
        Optional<String> text = Optional.empty();
        if (volume.has("configMap")) {
          String mapName = volume.path("configMap").path("name").asText();
          text = manifests.ofKind("ConfigMap").stream().filter(m -> m.name().equals(mapName)).findFirst()
              .map(m -> m.body().path("data").path(key)).filter(JsonNode::isTextual).map(JsonNode::asText);
        } else if (volume.has("secret")) {
          text = secrets.value(volume.path("secret").path("secretName").asText(), key);
        }
        if (text.isPresent()) {
          return Optional.of(write(pod, key, text.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** A path of the final image that a {@code COPY src/ dest/} of the final stage fills from the repository. */
  private static Optional<Path> fromImage(Path repo, Dockerfile dockerfile, String path) {
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

  private static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Manifest deployment() {
    return deployment;
  }
}
