package org.peaktrade.http.auth;

import java.util.Set;
import java.util.stream.Collectors;

/** Who sent a request: the name of the token it carried (the identity in the audit trail) and its roles. */
public record Caller(String name, Set<Role> roles) {

  public Caller {
    roles = Set.copyOf(roles);
  }

  public boolean may(Role required) {
    return roles.stream().anyMatch(role -> role.grants(required));
  }

  /** The roles for messages, e.g. {@code operator, viewer}. */
  public String describeRoles() {
    return roles.stream().map(Role::configName).sorted().collect(Collectors.joining(", "));
  }
}
