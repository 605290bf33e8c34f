package org.peaktrade.app.node;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.peaktrade.app.config.OpenSection;

/**
 * The key reference of docs/configuration.md against the defaults files. {@link #defaults} flattens the documented
 * defaults to one row per key (one per entry of an open section, whose keys are user-chosen, and one for an empty
 * open section); {@link #rows} reads the doc's tables; {@link #problems} names every difference, each with what to
 * change, so adding a key means pasting the row the failure prints and writing its meaning.
 */
final class ConfigReference {

  static final String SECTION = "## Reference: every key";
  private static final Pattern BLOCK_HEADING = Pattern.compile("^### `([^`]+)`\\s*$");
  private static final Pattern CODE = Pattern.compile("^`(.*)`$");

  /** One row of the doc: a key, its default as the doc shows it, its meaning, and the block heading above it. */
  record Row(String key, String defaultValue, String meaning, String block) {}

  private ConfigReference() {}

  /** Every key under {@code root} with its default rendered as the doc shows it, in path order. */
  static Map<String, String> defaults(String root, ConfigObject defaults, List<OpenSection> open) {
    Set<String> openPaths = open.stream().filter(section -> section.kind() != OpenSection.Kind.KEYS)
        .map(OpenSection::path).collect(Collectors.toSet());
    Map<String, String> flat = new TreeMap<>();
    flatten(root, defaults, openPaths, flat);
    return flat;
  }

  private static void flatten(String path, ConfigValue value, Set<String> openPaths, Map<String, String> flat) {
    if (openPaths.contains(path) && value instanceof ConfigObject entries && !entries.isEmpty()) {
      entries.forEach((name, entry) -> flat.put(path + "." + ConfigUtil.joinPath(name), render(entry)));
    } else if (openPaths.contains(path) && value instanceof ConfigList entries && !entries.isEmpty()) {
      for (int i = 0; i < entries.size(); i++) {
        flat.put(path + "[" + i + "]", render(entries.get(i)));
      }
    } else if (value instanceof ConfigObject object && !object.isEmpty()) {
      object.forEach((key, child) -> flatten(path + "." + ConfigUtil.joinPath(key), child, openPaths, flat));
    } else {
      flat.put(path, render(value));
    }
  }

  /**
   * A default as the doc shows it: a string as written ({@code 300s}, {@code global}; an empty one as {@code ""}), a
   * number in plain notation, anything else (lists, entries of open sections) as concise JSON.
   */
  static String render(ConfigValue value) {
    Object unwrapped = value.unwrapped();
    if (unwrapped instanceof String text) {
      return text.isEmpty() ? "\"\"" : text;
    }
    if (unwrapped instanceof Double number) {
      return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
    return value.render(ConfigRenderOptions.concise());
  }

  /** The rows of every table in the doc's reference section, each with the {@code ### `block`} heading above it. */
  static List<Row> rows(String markdown) {
    List<Row> rows = new ArrayList<>();
    String block = "";
    boolean inSection = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("## ")) {
        inSection = line.strip().equals(SECTION);
        continue;
      }
      Matcher heading = BLOCK_HEADING.matcher(line);
      if (inSection && heading.matches()) {
        block = heading.group(1);
      } else if (inSection && line.startsWith("| `")) {
        List<String> cells = cells(line);
        if (cells.size() >= 3) {
          rows.add(new Row(code(cells.get(0)), code(cells.get(1)), cells.get(2), block));
        }
      }
    }
    return rows;
  }

  /** A table line's cells, split at unescaped pipes, with {@code \|} read back as a pipe. */
  private static List<String> cells(String line) {
    String inner = line.strip().replaceAll("^\\|", "").replaceAll("(?<!\\\\)\\|$", "");
    List<String> cells = new ArrayList<>();
    for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
      cells.add(cell.strip().replace("\\|", "|"));
    }
    return cells;
  }

  private static String code(String cell) {
    Matcher code = CODE.matcher(cell);
    return code.matches() ? code.group(1) : cell;
  }

  /**
   * What the doc must change to match the defaults: a key missing (with the row to add), a row no defaults file
   * sets (stale), another default, a row without a meaning, a row under another block's heading, a key twice.
   */
  static List<String> problems(Map<String, String> defaults, List<Row> rows) {
    List<String> problems = new ArrayList<>();
    Map<String, Row> documented = new LinkedHashMap<>();
    for (Row row : rows) {
      if (documented.putIfAbsent(row.key(), row) != null) {
        problems.add("`" + row.key() + "` is documented twice; keep one row");
      }
      if (!row.key().equals(row.block()) && !row.key().startsWith(row.block() + ".")
          && !row.key().startsWith(row.block() + "[")) {
        problems.add("`" + row.key() + "` is under ### `" + row.block() + "`; move it under ### `" + block(row.key())
            + "`");
      }
      if (row.meaning().isBlank()) {
        problems.add("`" + row.key() + "` has no meaning; say in one line what it does");
      }
    }
    defaults.forEach((key, value) -> {
      Row row = documented.get(key);
      if (row == null) {
        problems.add("missing: `" + key + "`; add this row under ### `" + block(key) + "` (a new heading if there is "
            + "none) and say what it does:\n"
            + "      | `" + key + "` | `" + value.replace("|", "\\|") + "` | |");
      } else if (!row.defaultValue().equals(value)) {
        problems.add("`" + key + "` is documented with default `" + row.defaultValue() + "`, the defaults files say `"
            + value + "`");
      }
    });
    documented.keySet().stream().filter(key -> !defaults.containsKey(key)).forEach(key -> problems.add(
        "stale: `" + key + "` is documented, but no defaults file sets it; remove the row, or document the key with "
            + "its default and a comment in its module's reference.conf"));
    return problems;
  }

  /** The component block a key belongs to: {@code peaktrade.} and the next segment. */
  static String block(String key) {
    List<String> segments = ConfigUtil.splitPath(key.replaceAll("\\[\\d+]$", ""));
    return ConfigUtil.joinPath(segments.subList(0, Math.min(2, segments.size())));
  }
}
