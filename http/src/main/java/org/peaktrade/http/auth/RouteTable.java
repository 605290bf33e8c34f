package org.peaktrade.http.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every route a node serves, with the role it requires: the one place that says who may do what. The
 * {@link Authorization} directive lets through only requests that match an entry here (anything else is 404 or 405
 * before it reaches a route), so a route added to the code but not to this table is unreachable rather than
 * unprotected. Templates are matched against the decoded, non-empty path segments ({@code /dashboard/} is
 * {@code /dashboard}): {@code {name}} is any one segment, a trailing {@code *} is one or more segments. Open entries
 * (the redirect to the dashboard and its static files) need no token.
 */
public final class RouteTable {

  /** One method and path template; {@code required} is null for an open entry. */
  public record Entry(String method, String template, Role required) {

    public boolean open() {
      return required == null;
    }

    boolean matchesPath(List<String> segments) {
      List<String> parts = Arrays.stream(template.split("/")).filter(part -> !part.isEmpty()).toList();
      boolean rest = !parts.isEmpty() && parts.get(parts.size() - 1).equals("*");
      if (rest ? segments.size() < parts.size() : segments.size() != parts.size()) {
        return false;
      }
      for (int i = 0; i < parts.size(); i++) {
        String part = parts.get(i);
        boolean any = part.equals("*") || part.startsWith("{") && part.endsWith("}");
        if (!any && !part.equals(segments.get(i))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return method + " " + template + " (" + (open() ? "open" : required.configName()) + ")";
    }
  }

  public static final List<Entry> ENTRIES = List.of(
      open("GET", "/"),
      open("GET", "/dashboard"),
      open("GET", "/dashboard/*"),
      entry("GET", "/metrics", Role.VIEWER),
      entry("GET", Authorization.WHOAMI, Role.VIEWER),
      entry("GET", "/api/v1/stream", Role.VIEWER),
      entry("GET", "/api/v1/kill-switch", Role.VIEWER),
      entry("GET", "/api/v1/kill-switch/events", Role.VIEWER),
      entry("POST", "/api/v1/kill-switch/trigger", Role.OPERATOR),
      entry("POST", "/api/v1/kill-switch/external", Role.OPERATOR),
      entry("POST", "/api/v1/kill-switch/recovery", Role.APPROVER),
      entry("POST", "/api/v1/kill-switch/recovery/complete", Role.APPROVER),
      entry("GET", "/api/v1/sessions", Role.VIEWER),
      entry("POST", "/api/v1/sessions", Role.OPERATOR),
      entry("GET", "/api/v1/sessions/{id}", Role.VIEWER),
      entry("DELETE", "/api/v1/sessions/{id}", Role.OPERATOR),
      entry("GET", "/api/v1/sessions/{id}/orders", Role.VIEWER),
      entry("GET", "/api/v1/sessions/{id}/fills", Role.VIEWER),
      entry("GET", "/api/v1/sessions/{id}/positions", Role.VIEWER),
      entry("GET", "/api/v1/sessions/{id}/equity", Role.VIEWER),
      entry("GET", "/api/v1/cluster", Role.VIEWER));

  private RouteTable() {}

  /** What the table says about a request. */
  public sealed interface Lookup {}

  /** The request's method and path match {@code entry}. */
  public record Found(Entry entry) implements Lookup {}

  /** The path is known but not with this method; {@code allowed} lists the methods that are. */
  public record WrongMethod(List<String> allowed) implements Lookup {}

  /** No route has this path. */
  public record Unknown() implements Lookup {}

  /** Looks up a request by method and its decoded, non-empty path segments. */
  public static Lookup lookup(String method, List<String> segments) {
    List<String> allowed = new ArrayList<>();
    for (Entry entry : ENTRIES) {
      if (entry.matchesPath(segments)) {
        if (entry.method().equals(method)) {
          return new Found(entry);
        }
        if (!allowed.contains(entry.method())) {
          allowed.add(entry.method());
        }
      }
    }
    return allowed.isEmpty() ? new Unknown() : new WrongMethod(List.copyOf(allowed));
  }

  /** The first entry with exactly this method and template. */
  public static Optional<Entry> entry(String method, String template) {
    return ENTRIES.stream().filter(e -> e.method().equals(method) && e.template().equals(template)).findFirst();
  }

  private static Entry open(String method, String template) {
    return new Entry(method, template, null);
  }

  private static Entry entry(String method, String template, Role required) {
    return new Entry(method, template, required);
  }
}
