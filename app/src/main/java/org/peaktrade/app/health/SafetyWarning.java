package org.peaktrade.app.health;

/**
 * A safety control the configuration turns off. The node runs, but says so: a WARN at start, a line in its start
 * banner, and a named warning in {@code GET /ready} that does not fail readiness.
 *
 * @param name a stable name for alerts and scripts, e.g. {@code two-person-rule-off}
 * @param setting the setting that turns it off, e.g. {@code peaktrade.kill-switch.two-person-rule = false}
 * @param detail what that allows
 */
public record SafetyWarning(String name, String setting, String detail) {

  /** One line: {@code NAME: SETTING: DETAIL}. */
  public String message() {
    return name + ": " + setting + ": " + detail;
  }
}
