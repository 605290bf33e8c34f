package org.peaktrade.app.config;

import java.util.List;
import java.util.Optional;

/**
 * A key that no documented default and no open section knows, so nothing would read it: a typo, or a setting in the
 * wrong section.
 *
 * @param path its full path, e.g. {@code peaktrade.kill-switch.two-persn-rule}
 * @param origin where it was set, e.g. {@code /etc/peak-trade/node.conf:12} or {@code system properties}
 * @param suggestion the closest valid key's full path, when one is close enough
 * @param known the valid keys next to it, listed when there is no suggestion (empty when there are too many)
 */
public record UnknownKey(String path, String origin, Optional<String> suggestion, List<String> known) {

  public UnknownKey {
    known = List.copyOf(known);
  }

  /** One line for the operator: {@code PATH (ORIGIN): unknown key; did you mean VALID?} */
  public String message() {
    String hint = suggestion.map(valid -> "; did you mean " + valid + "?")
        .orElse(known.isEmpty() ? "" : "; valid keys here: " + String.join(", ", known));
    return path + " (" + origin + "): unknown key" + hint;
  }
}
