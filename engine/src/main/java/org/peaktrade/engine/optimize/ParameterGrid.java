package org.peaktrade.engine.optimize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cartesian product of sweep ranges on top of fixed parameters, in a deterministic order; each
 * combination keeps the parameters in the order given. */
public final class ParameterGrid {
  private static final int MAX_COMBINATIONS = 100_000;

  private ParameterGrid() {}

  public static List<Map<String, String>> combinations(Map<String, String> fixed, List<ParameterRange> ranges) {
    List<Map<String, String>> grid = new ArrayList<>();
    grid.add(new LinkedHashMap<>(fixed));
    for (ParameterRange range : ranges) {
      if (fixed.containsKey(range.name())) {
        throw new IllegalArgumentException("parameter '" + range.name() + "' is both fixed (--param) and swept");
      }
      List<Map<String, String>> next = new ArrayList<>(grid.size() * range.values().size());
      for (Map<String, String> partial : grid) {
        for (String value : range.values()) {
          Map<String, String> combination = new LinkedHashMap<>(partial);
          if (combination.put(range.name(), value) != null) {
            throw new IllegalArgumentException("parameter '" + range.name() + "' is swept twice");
          }
          next.add(combination);
        }
      }
      if (next.size() > MAX_COMBINATIONS) {
        throw new IllegalArgumentException("the sweep has more than " + MAX_COMBINATIONS + " combinations");
      }
      grid = next;
    }
    return grid.stream().map(Collections::unmodifiableMap).toList();
  }
}
