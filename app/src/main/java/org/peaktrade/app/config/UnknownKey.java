package org.peaktrade.app.config;

import java.util.List;
import java.util.Optional;

/**
 * A key that no documented default and no open section knows, so nothing would read it: a typo, a setting in the
 * wrong section, or a setting that has moved to another key.
 *
 * @param path its full path, e.g. {@code peaktrade.kill-switch.two-persn-rule}
 * @param origin where it was set, e.g. {@code /etc/peak-trade/node.conf:12} or {@code system properties}
 * @param suggestion the closest valid key's full path, when one is close enough
 * @param known the valid keys next to it, listed when there is no suggestion (empty when there are too many)
 * @param movedTo the full path of the key that now holds this setting, when it has moved
 */
public record UnknownKey(String path, String origin, Optional<String> suggestion, List<String> known,
    Optional<String> movedTo) {

  public UnknownKey {
    known = List.copyOf(known);
  }

  /** A key no longer read because {@code movedTo} took over its setting. */
  public static UnknownKey moved(String path, String origin, String movedTo) {
    return new UnknownKey(path, origin, Optional.empty(), List.of(), Optional.of(movedTo));
  }

  /**
   * One line for the operator: {@code PATH (ORIGIN): unknown key; did you mean VALID?}, or for a moved key
   * {@code PATH (ORIGIN): moved to NEW; set that instead}.
   */
  public String message() {
    if (movedTo.isPresent()) {
      return path + " (" + origin + "): moved to " + movedTo.get() + "; set that instead";
    }
    String hint = suggestion.map(valid -> "; did you mean " + valid + "?")
        .orElse(known.isEmpty() ? "" : "; valid keys here: " + String.join(", ", known));
    return path + " (" + origin + "): unknown key" + hint;
  }
}
