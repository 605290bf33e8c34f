package org.peaktrade.http.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a token may do. Every valid token may read ({@link #VIEWER}); {@link #OPERATOR} kills (manual and external
 * triggers) and starts and stops sessions; {@link #APPROVER} requests and completes recoveries; {@link #ADMIN} holds
 * every role. Operator and approver are deliberately independent (separation of duties): a person who needs both
 * gets both.
 */
public enum Role {
  VIEWER, OPERATOR, APPROVER, ADMIN;

  /** The lower-case name used in config and messages. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when a token holding this role may use a route that requires {@code required}. */
  public boolean grants(Role required) {
    return this == ADMIN || this == required || required == VIEWER;
  }

  /** Throws {@link IllegalArgumentException} listing the known roles for any other name. */
  public static Role parse(String name) {
    for (Role role : values()) {
      if (role.configName().equals(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role '" + name + "'; expected one of " + known());
  }

  static String known() {
    return Arrays.stream(values()).map(Role::configName).collect(Collectors.joining(", "));
  }
}
