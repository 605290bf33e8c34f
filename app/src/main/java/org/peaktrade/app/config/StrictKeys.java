package org.peaktrade.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The valid keys under one root (e.g. {@code peaktrade}), taken from the documented defaults, and the check that a
 * configuration sets no other: every unknown key is reported at once, with where it was set and the closest valid
 * key. Sections whose children are user-named are {@link OpenSection}s: only the shape of their entries is checked. A
 * key that has moved is refused naming where it went. Keys outside the root are not looked at. Pure: no I/O.
 */
public final class StrictKeys {

  /** More valid keys than this next to an unknown one are not listed in its message. */
  private static final int MAX_LISTED = 20;

  private final String root;
  /** Every documented object under the root (the root included), with the keys valid in it. */
  private final Map<String, Set<String>> children;
  private final Map<String, OpenSection> open;
  /** Full paths of keys no longer read, with the full path of the key that took over. */
  private final Map<String, String> moved;

  private StrictKeys(String root, Map<String, Set<String>> children, Map<String, OpenSection> open,
      Map<String, String> moved) {
    this.root = root;
    this.children = children;
    this.open = open;
    this.moved = moved;
  }

  /**
   * The keys that {@code documented} (resolved defaults) sets under {@code root}, widened by {@code open}: the
   * entries of {@link OpenSection.Kind#NAMED} and {@link OpenSection.Kind#LIST} sections are checked against their
   * entry keys instead, and a {@link OpenSection.Kind#KEYS} section accepts its extra keys. A key of {@code moved}
   * (old full path to new full path) is refused naming its new path; it must not be documented any more.
   */
  public static StrictKeys documentedBy(Config documented, String root, List<OpenSection> open,
      Map<String, String> moved) {
    moved.keySet().stream().filter(documented::hasPathOrNull).findFirst().ifPresent(path -> {
      throw new IllegalArgumentException(path + " is documented, so it cannot have moved");
    });
    Map<String, Set<String>> children = new HashMap<>();
    children.put(root, new TreeSet<>());
    if (documented.root().get(root) instanceof ConfigObject object) {
      collect(root, object, children);
    }
    for (OpenSection section : open) {
      if (section.kind() != OpenSection.Kind.KEYS) {
        children.keySet().removeIf(path -> path.equals(section.path()) || path.startsWith(section.path() + "."));
      } else {
        children.computeIfAbsent(section.path(), path -> new TreeSet<>()).addAll(section.entryKeys());
      }
      String parent = parent(section.path());
      if (parent != null && children.containsKey(parent)) {
        children.get(parent).add(last(section.path()));
      }
    }
    return new StrictKeys(root, children, open.stream()
        .filter(section -> section.kind() != OpenSection.Kind.KEYS)
        .collect(Collectors.toMap(OpenSection::path, Function.identity())), Map.copyOf(moved));
  }

  private static void collect(String path, ConfigObject object, Map<String, Set<String>> children) {
    Set<String> keys = children.computeIfAbsent(path, p -> new TreeSet<>());
    for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
      keys.add(entry.getKey());
      if (entry.getValue() instanceof ConfigObject child) {
        collect(join(path, entry.getKey()), child, children);
      }
    }
  }

  /** Every key under the root of {@code config} that is not valid, in path order; empty when all are. */
  public List<UnknownKey> unknownKeys(Config config) {
    List<UnknownKey> unknown = new ArrayList<>();
    if (config.root().get(root) instanceof ConfigObject object) {
      walk(root, object, unknown);
    }
    return List.copyOf(unknown);
  }

  private void walk(String path, ConfigObject object, List<UnknownKey> unknown) {
    Set<String> valid = children.getOrDefault(path, Set.of());
    for (Map.Entry<String, ConfigValue> entry : new TreeMap<>(object).entrySet()) {
      String key = entry.getKey();
      String childPath = join(path, key);
      ConfigValue value = entry.getValue();
      if (open.containsKey(childPath)) {
        walkOpen(open.get(childPath), value, unknown);
      } else if (moved.containsKey(childPath)) {
        unknown.add(UnknownKey.moved(childPath, where(value.origin()), moved.get(childPath)));
      } else if (!valid.contains(key)) {
        unknown.add(unknownKey(childPath, key, value.origin(), path, valid));
      } else if (value instanceof ConfigObject child && children.containsKey(childPath)) {
        walk(childPath, child, unknown);
      }
    }
  }

  private void walkOpen(OpenSection section, ConfigValue value, List<UnknownKey> unknown) {
    if (section.entryKeys().isEmpty()) {
      return;
    }
    if (section.kind() == OpenSection.Kind.NAMED && value instanceof ConfigObject entries) {
      for (Map.Entry<String, ConfigValue> entry : new TreeMap<>(entries).entrySet()) {
        checkEntry(join(section.path(), entry.getKey()), entry.getValue(), section.entryKeys(), unknown);
      }
    } else if (section.kind() == OpenSection.Kind.LIST && value instanceof ConfigList entries) {
      for (int i = 0; i < entries.size(); i++) {
        checkEntry(section.path() + "[" + i + "]", entries.get(i), section.entryKeys(), unknown);
      }
    }
  }

  /** An entry that is not an object is left to the settings that read it, which name its path and type. */
  private void checkEntry(String path, ConfigValue entry, Set<String> valid, List<UnknownKey> unknown) {
    if (!(entry instanceof ConfigObject object)) {
      return;
    }
    for (Map.Entry<String, ConfigValue> field : new TreeMap<>(object).entrySet()) {
      if (!valid.contains(field.getKey())) {
        unknown.add(unknownKey(join(path, field.getKey()), field.getKey(), field.getValue().origin(), path, valid));
      }
    }
  }

  private UnknownKey unknownKey(String path, String key, ConfigOrigin origin, String parent, Set<String> siblings) {
    Optional<String> suggestion = closest(key, siblings).map(sibling -> join(parent, sibling))
        .or(() -> closestAnywhere(key));
    List<String> known = suggestion.isEmpty() && siblings.size() <= MAX_LISTED
        ? List.copyOf(new TreeSet<>(siblings)) : List.of();
    return new UnknownKey(path, where(origin), suggestion, known, Optional.empty());
  }

  /** A valid key elsewhere whose last segment is close: a setting put into the wrong section. */
  private Optional<String> closestAnywhere(String key) {
    return children.entrySet().stream()
        .flatMap(entry -> entry.getValue().stream().map(child -> join(entry.getKey(), child)))
        .filter(path -> distance(key, last(path)) <= tolerance(key))
        .min(Comparator.<String>comparingInt(path -> distance(key, last(path)))
            .thenComparingInt(String::length).thenComparing(Comparator.naturalOrder()));
  }

  private static Optional<String> closest(String key, Set<String> candidates) {
    return candidates.stream().filter(candidate -> distance(key, candidate) <= tolerance(key))
        .min(Comparator.<String>comparingInt(candidate -> distance(key, candidate))
            .thenComparing(Comparator.naturalOrder()));
  }

  /** About one edit in three characters, at least one: {@code cooldwon} is {@code cooldown}, {@code port} is not {@code host}. */
  private static int tolerance(String key) {
    return Math.max(1, key.length() / 3);
  }

  /**
   * The optimal-string-alignment distance (Damerau-Levenshtein without repeated edits of one substring): insertions,
   * deletions, substitutions and transpositions of neighbours each count one.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** {@code file:line} for a value read from a file, otherwise what Typesafe Config says (system properties, ...). */
  static String where(ConfigOrigin origin) {
    if (origin.filename() != null) {
      return origin.lineNumber() > 0 ? origin.filename() + ":" + origin.lineNumber() : origin.filename();
    }
    if (origin.resource() != null) {
      return origin.lineNumber() > 0 ? origin.resource() + ":" + origin.lineNumber() : origin.resource();
    }
    return origin.description();
  }

  private static String join(String path, String key) {
    return path + "." + ConfigUtil.joinPath(key);
  }

  private static String parent(String path) {
    List<String> segments = ConfigUtil.splitPath(path);
    return segments.size() < 2 ? null : ConfigUtil.joinPath(segments.subList(0, segments.size() - 1));
  }

  private static String last(String path) {
    List<String> segments = ConfigUtil.splitPath(path);
    return segments.get(segments.size() - 1);
  }
}
