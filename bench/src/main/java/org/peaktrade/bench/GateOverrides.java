package org.peaktrade.bench;

import java.util.Map;

/** The harnesses' {@code -Drefresh=} and {@code -Dstale=}: the gate's refresh interval and stale-after, if given. */
final class GateOverrides {
  private GateOverrides() {}

  /** Adds the given overrides to {@code settings}; without them the gate runs on the node's defaults (1 s / 5 s). */
  static void put(Map<String, Object> settings) {
    if (System.getProperty("refresh") != null) {
      settings.put("peaktrade.kill-switch.gate.refresh-interval", System.getProperty("refresh"));
    }
    if (System.getProperty("stale") != null) {
      settings.put("peaktrade.kill-switch.gate.stale-after", System.getProperty("stale"));
    }
  }
}
