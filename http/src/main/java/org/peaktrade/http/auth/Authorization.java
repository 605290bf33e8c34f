package org.peaktrade.http.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.AttributeKey;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.Allow;
import org.apache.pekko.http.javadsl.model.headers.HttpChallenge;
import org.apache.pekko.http.javadsl.model.headers.WWWAuthenticate;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.peaktrade.http.ApiErrors;
import org.peaktrade.http.ApiJson;
import org.peaktrade.http.Endpoint;
import org.peaktrade.http.Problem;
import org.peaktrade.http.auth.RouteTable.Entry;
import org.peaktrade.http.auth.RouteTable.Found;
import org.peaktrade.http.auth.RouteTable.WrongMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate in front of every route: a request must match the {@link RouteTable}; unless its entry is open it must
 * carry {@code Authorization: Bearer TOKEN} with a known token (else 401 with {@code WWW-Authenticate: Bearer}) whose
 * roles include the entry's (else 403). The caller then rides on the request ({@link #CALLER}) so the routes take
 * identities from the token, never from the body. Every request other than a GET is logged to the
 * {@code org.peaktrade.audit} logger with the caller and the answer's status, and so is every refused token.
 * {@code GET /api/v1/auth/whoami} answers the caller's name and roles.
 */
public final class Authorization extends AllDirectives {

  /** The authenticated caller of a request that passed the gate. */
  public static final AttributeKey<Caller> CALLER = AttributeKey.create("peaktrade-caller", Caller.class);
  /** The route the gate answers itself: the caller's name and roles. */
  public static final String WHOAMI = "/api/v1/auth/whoami";
  /** What the gate serves itself (besides refusing). */
  public static final List<Endpoint> ENDPOINTS = List.of(new Endpoint("GET", WHOAMI));
  static final String REALM = "peak-trade";

  private static final Logger AUDIT = LoggerFactory.getLogger("org.peaktrade.audit");
  private static final String BEARER = "bearer ";

  private final ApiTokens tokens;

  /** Throws {@link IllegalArgumentException} without tokens: a gate nobody can pass is a misconfiguration. */
  public Authorization(ApiTokens tokens) {
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("no API tokens configured");
    }
    this.tokens = tokens;
  }

  /** What the caller of the whoami route sees. */
  public record WhoAmI(String name, List<String> roles) {}

  public Route secure(Route inner) {
    return extractRequest(request -> {
      String method = request.method().value();
      String path = request.getUri().path();
      RouteTable.Lookup lookup = RouteTable.lookup(method, segments(request));
      if (lookup instanceof Found found && found.entry().open()) {
        return inner;
      }
      Optional<String> header = request.getHeader("Authorization").map(HttpHeader::value);
      if (header.isEmpty()) {
        return unauthorized("send the header 'Authorization: Bearer TOKEN' (docs/api.md, Authentication)", false);
      }
      Optional<String> token = bearer(header.get());
      if (token.isEmpty()) {
        return unauthorized("the Authorization header must be 'Bearer TOKEN'", true);
      }
      Optional<Caller> caller = tokens.authenticate(token.get());
      if (caller.isEmpty()) {
        AUDIT.warn("refused {} {}: unknown token", method, path);
        return unauthorized("the token is not known to this node", true);
      }
      if (lookup instanceof WrongMethod wrong) {
        return complete(ApiErrors.response(Problem.of("method-not-allowed", "Method Not Allowed", 405,
            method + " is not allowed on " + path + "; allowed: " + String.join(", ", wrong.allowed())),
            List.of(allow(wrong.allowed()))));
      }
      if (!(lookup instanceof Found found)) {
        return complete(ApiErrors.response(Problem.of("not-found", "Not Found", 404,
            "no route " + path + " on this node; docs/api.md lists the API"), List.of()));
      }
      return admitted(request, found.entry(), caller.get(), inner);
    });
  }

  private Route admitted(HttpRequest request, Entry entry, Caller caller, Route inner) {
    String method = entry.method();
    String path = request.getUri().path();
    if (!caller.may(entry.required())) {
      AUDIT.warn("refused {} {} by {} [{}]: needs {}", method, path, caller.name(), caller.describeRoles(),
          entry.required().configName());
      return complete(ApiErrors.response(Problem.of("forbidden", "Forbidden", 403,
          method + " " + entry.template() + " needs the role " + entry.required().configName() + "; the token '"
              + caller.name() + "' has " + caller.describeRoles()), List.of()));
    }
    Route withCaller = mapRequest(r -> r.addAttribute(CALLER, caller), () -> entry.template()
        .equals(WHOAMI) ? whoAmI(caller) : ApiErrors.handled(inner));
    if (method.equals("GET")) {
      return withCaller;
    }
    String target = request.getUri().rawQueryString().map(query -> path + "?" + query).orElse(path);
    return mapResponse(response -> {
      AUDIT.info("{} {} by {} [{}]: {}", method, target, caller.name(), caller.describeRoles(),
          response.status().intValue());
      return response;
    }, () -> withCaller);
  }

  private Route whoAmI(Caller caller) {
    List<String> roles = caller.roles().stream().map(Role::configName).sorted().toList();
    return completeOK(new WhoAmI(caller.name(), roles), Jackson.<WhoAmI>marshaller(ApiJson.MAPPER));
  }

  /** The 401 for a route that needs a caller but was reached without the gate (fail closed). */
  public static HttpResponse noCaller() {
    return ApiErrors.response(Problem.of("unauthorized", "Unauthorized", 401,
        "this route needs an authenticated caller"), List.of(challenge(false)));
  }

  private Route unauthorized(String detail, boolean tokenRejected) {
    return complete(ApiErrors.response(Problem.of("unauthorized", "Unauthorized", 401, detail),
        List.of(challenge(tokenRejected))));
  }

  private static HttpHeader challenge(boolean tokenRejected) {
    return WWWAuthenticate.create(tokenRejected
        ? HttpChallenge.create("Bearer", REALM, Map.of("error", "invalid_token"))
        : HttpChallenge.create("Bearer", REALM));
  }

  private static Optional<String> bearer(String header) {
    if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return Optional.empty();
    }
    String token = header.substring(BEARER.length()).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  private static List<String> segments(HttpRequest request) {
    List<String> segments = new ArrayList<>();
    request.getUri().pathSegments().forEach(segments::add);
    return segments;
  }

  private static Allow allow(List<String> methods) {
    return Allow.create(methods.stream().map(name -> HttpMethods.lookup(name).orElseThrow())
        .toArray(org.apache.pekko.http.javadsl.model.HttpMethod[]::new));
  }
}
