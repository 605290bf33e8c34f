package org.peaktrade.app.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peaktrade.app.k8s.Manifests.Manifest;
import org.peaktrade.app.node.NodeConfig;

/**
 * The Dockerfile against the build and the node's config: its stages, the jar the package step makes and the
 * entrypoint runs, the exposed ports, the data volume, a non-root user, and the tag the node Deployment pulls.
 */
final class ImageCheck {

  private final ManifestCheck check;
  private final Dockerfile dockerfile;
  private final Path repo;

  ImageCheck(ManifestCheck check, Dockerfile dockerfile, Path repo) {
    this.check = check;
    this.dockerfile = dockerfile;
    this.repo = repo;
  }

  void check(Manifest set, JsonNode container, Config config, JsonNode pod) {
    String image = container.path("image").asText();
    if (dockerfile.documentedTag().isEmpty() || !dockerfile.documentedTag().get().equals(image)) {
      check.problem(set.where(), "image " + image + " is not the Dockerfile's documented tag "
          + dockerfile.documentedTag().orElse("(none)"));
    }
    String version = projectVersion();
    if (!image.endsWith(":" + version)) {
      check.problem(set.where(), "image " + image + " is not tagged with the project version " + version);
    }
    List<Dockerfile.Instruction> froms = dockerfile.all("FROM");
    if (froms.size() != 2 || !froms.get(0).arguments().matches("maven:3-eclipse-temurin-17 AS build")
        || !froms.get(1).words().get(0).equals("eclipse-temurin:17-jre")) {
      check.problem("Dockerfile", "expected a maven:3-eclipse-temurin-17 build stage and an eclipse-temurin:17-jre "
          + "runtime stage, found " + froms.stream().map(Dockerfile.Instruction::arguments).toList());
    }
    boolean packages = dockerfile.all("RUN").stream().anyMatch(run -> run.stage() == 0
        && run.arguments().contains("mvn ") && run.arguments().contains("-pl app -am package"));
    if (!packages) {
      check.problem("Dockerfile", "the build stage does not run mvn ... -pl app -am package");
    }
    String jar = "app/target/" + finalName() + ".jar";
    Optional<String> copiedJar = dockerfile.all("COPY").stream()
        .filter(copy -> copy.words().get(0).equals("--from=build"))
        .filter(copy -> copy.words().get(1).endsWith("/" + jar))
        .map(copy -> copy.words().get(2)).findFirst();
    List<String> entrypoint = dockerfile.last("ENTRYPOINT").map(Dockerfile.Instruction::execForm).orElse(List.of());
    if (copiedJar.isEmpty()) {
      check.problem("Dockerfile", "no COPY --from=build of " + jar + ", the jar the package step makes");
    } else if (!entrypoint.containsAll(List.of("java", "-jar", copiedJar.get(), "node"))) {
      check.problem("Dockerfile", "ENTRYPOINT " + entrypoint + " does not run java -jar " + copiedJar.get() + " node");
    }
    Set<Integer> exposed = new TreeSet<>();
    dockerfile.all("EXPOSE").forEach(expose -> expose.words().forEach(word -> exposed.add(Integer.parseInt(word))));
    Set<Integer> configured = new TreeSet<>(List.of(config.getInt(ManifestCheck.HTTP_PORT),
        config.getInt(ManifestCheck.MANAGEMENT_PORT), config.getInt(ManifestCheck.REMOTING_PORT)));
    if (!exposed.equals(configured)) {
      check.problem("Dockerfile", "EXPOSE " + exposed + " is not the configured ports " + configured);
    }
    String dataDir = config.getString(NodeConfig.DATA_DIR);
    if (dockerfile.last("VOLUME").map(volume -> volume.arguments().trim()).filter(dataDir::equals).isEmpty()) {
      check.problem("Dockerfile", "VOLUME is not peaktrade.data-dir " + dataDir);
    }
    String user = dockerfile.last("USER").map(u -> u.arguments().trim().split(":")[0]).orElse("root");
    String runAs = pod.path("spec").path("securityContext").path("runAsUser").asText();
    if (user.equals("root") || user.equals("0") || !user.equals(runAs)) {
      check.problem("Dockerfile", "USER " + user + " must be a non-root user, the pod's runAsUser " + runAs);
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
}
