package org.peaktrade.app.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every Kubernetes object of the {@code *.yaml} files in a folder, as parsed trees a test may change. */
final class Manifests {

  /** One object and the file it came from. */
  record Manifest(String file, ObjectNode body) {
    String kind() {
      return body.path("kind").asText();
    }

    String name() {
      return body.path("metadata").path("name").asText();
    }

    String where() {
      return file + " " + kind() + "/" + name();
    }
  }

  private static final YAMLMapper YAML = new YAMLMapper();

  private final List<Manifest> all;

  private Manifests(List<Manifest> all) {
    this.all = all;
  }

  /** Throws when a file is not YAML or holds something that is not a Kubernetes object. */
  static Manifests load(Path dir) {
    List<Manifest> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
          while (docs.hasNext()) {
            JsonNode doc = docs.next();
            if (doc == null || doc.isNull() || doc.isEmpty()) {
              continue;
            }
            if (!(doc instanceof ObjectNode object) || !doc.hasNonNull("apiVersion") || !doc.hasNonNull("kind")
                || !doc.path("metadata").hasNonNull("name")) {
              throw new IllegalArgumentException(file + ": a document without apiVersion, kind or metadata.name");
            }
            all.add(new Manifest(file.getFileName().toString(), object));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the manifests in " + dir, e);
    }
    return new Manifests(List.copyOf(all));
  }

  List<Manifest> all() {
    return all;
  }

  List<Manifest> ofKind(String kind) {
    return all.stream().filter(m -> m.kind().equals(kind)).toList();
  }

  /** The one object of this kind and name; throws naming what is missing. */
  Manifest one(String kind, String name) {
    return all.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + kind + "/" + name + " in k8s/"));
  }

  /** The one object of this kind; throws when there is none or more than one. */
  Manifest only(String kind) {
    List<Manifest> found = ofKind(kind);
    if (found.size() != 1) {
      throw new IllegalStateException("expected exactly one " + kind + " in k8s/, found " + found.size());
    }
    return found.get(0);
  }
}
