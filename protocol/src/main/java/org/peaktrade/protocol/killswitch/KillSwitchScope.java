package org.peaktrade.protocol.killswitch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which switch: the single global one ({@code global}) or one per trading session ({@code session:ID}). A session
 * may trade only while both its own switch and the global one are ACTIVE. The value is also the entity id.
 */
public record KillSwitchScope(@JsonValue String value) {
  public static final KillSwitchScope GLOBAL = new KillSwitchScope("global");
  private static final String SESSION_PREFIX = "session:";
  private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public KillSwitchScope {
    Objects.requireNonNull(value, "scope");
    if (!value.equals("global")
        && !(value.startsWith(SESSION_PREFIX) && SESSION_ID.matcher(value.substring(SESSION_PREFIX.length())).matches())) {
      throw new IllegalArgumentException(
          "kill-switch scope must be 'global' or 'session:ID' (ID: 1-64 of A-Z a-z 0-9 . _ -): '" + value + "'");
    }
  }

  public static KillSwitchScope session(String sessionId) {
    return new KillSwitchScope(SESSION_PREFIX + sessionId);
  }

  public boolean isGlobal() {
    return this.equals(GLOBAL);
  }

  @Override
  public String toString() {
    return value;
  }
}
