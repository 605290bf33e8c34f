package org.peaktrade.http;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.peaktrade.actors.session.SessionRefusedException;
import org.peaktrade.actors.session.SessionService;
import org.peaktrade.http.auth.Caller;
import org.peaktrade.http.SessionJson.Equity;
import org.peaktrade.http.SessionJson.Fills;
import org.peaktrade.http.SessionJson.Orders;
import org.peaktrade.http.SessionJson.Positions;
import org.peaktrade.http.SessionJson.SessionList;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.session.SessionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trading-sessions API under {@code /api/v1/sessions}: start (POST), list, show, stop (DELETE) and a session's
 * orders, fills, positions and equity curve. The routes only translate HTTP to the {@link SessionService} facade and
 * back (a test double can stand in for the actors). A start body is checked field by field before the facade sees
 * it (400 naming every bad field and value); an id already in use is 409; a start the facade refuses (mode gate,
 * unknown risk profile, unsubscribed symbol, ...) is 422 with its message; an unknown id is 404; a facade that
 * times out or fails is 503. Starts and stops are logged with the caller's token name (and audited by the
 * {@code Authorization} gate).
 */
public final class SessionRoutes extends ApiRoutes {

  /** Where the sessions live; a started session's Location is this plus {@code /ID}. */
  public static final String PATH = "/api/v1/sessions";

  /** What {@link #route} serves. */
  public static final List<Endpoint> ENDPOINTS = List.of(
      Endpoint.get(PATH),
      Endpoint.post(PATH),
      Endpoint.get(PATH + "/{id}"),
      Endpoint.delete(PATH + "/{id}"),
      Endpoint.get(PATH + "/{id}/orders"),
      Endpoint.get(PATH + "/{id}/fills"),
      Endpoint.get(PATH + "/{id}/positions"),
      Endpoint.get(PATH + "/{id}/equity"));

  private static final Logger LOG = LoggerFactory.getLogger(SessionRoutes.class);

  private final SessionService service;

  public SessionRoutes(SessionService service) {
    this.service = service;
  }

  public Route route() {
    return pathPrefix(PathMatchers.segment("api").slash("v1").slash("sessions"), () -> concat(
        pathEnd(() -> concat(
            get(this::list),
            post(() -> asCaller(caller -> body(StartSessionBody.class, body -> start(caller, body)))))),
        pathPrefix(PathMatchers.segment(), id -> validId(id, () -> concat(
            pathEnd(() -> concat(
                get(() -> found(id, service::get, view -> view)),
                delete(() -> asCaller(caller -> stop(caller, id))))),
            path("orders", () -> get(() -> found(id, service::orders, orders -> new Orders(id, orders)))),
            path("fills", () -> get(() -> found(id, service::fills, fills -> new Fills(id, fills)))),
            path("positions", () -> get(() -> found(id, service::positions, p -> new Positions(id, p)))),
            path("equity", () -> get(() -> found(id, service::equity, points -> new Equity(id, points)))))))));
  }

  private Route list() {
    return answer(service::list, sessions -> ok(new SessionList(sessions)));
  }

  private Route start(Caller caller, StartSessionBody body) {
    SessionSpec spec;
    try {
      spec = body.spec();
    } catch (BadRequestException e) {
      return problem(e);
    }
    return answer(() -> service.get(spec.id()), existing -> existing.isPresent() ? taken(existing.get())
        : answer(() -> service.start(spec), view -> {
          LOG.info("session {} started by {}: {} {} on {} ({})", spec.id(), caller.name(), spec.mode(),
              spec.strategy(), spec.symbol(), view.status());
          return complete(StatusCodes.CREATED, List.of(Location.create(PATH + "/" + spec.id())), view,
              Jackson.marshaller(ApiJson.MAPPER));
        }));
  }

  private Route stop(Caller caller, String id) {
    return found(id, service::stop, view -> {
      LOG.info("session {} stopped by {} ({})", id, caller.name(), view.status());
      return view;
    });
  }

  /** Answers 200 with {@code shape} of what the facade found, or 404 when it knows no such session. */
  private <T> Route found(String id, Function<String, CompletionStage<Optional<T>>> lookup,
      Function<T, Object> shape) {
    Supplier<CompletionStage<Optional<T>>> call = () -> lookup.apply(id);
    return answer(call, result -> result.map(value -> ok(shape.apply(value))).orElseGet(() -> problem(
        Problem.of("session-not-found", "Session not found", 404,
            "no session '" + id + "' on this node; GET " + PATH + " lists them"))));
  }

  private Route taken(SessionView existing) {
    return problem(Problem.of("session-exists", "Session id in use", 409, "a session with id '"
        + existing.spec().id() + "' already exists (" + existing.status() + "); choose another id"));
  }

  private Route validId(String id, Supplier<Route> inner) {
    if (StartSessionBody.NAME.matcher(id).matches()) {
      return inner.get();
    }
    return problem(new BadRequestException("session id in the path must be " + StartSessionBody.NAME_RULE + ", not '"
        + (id.length() > 64 ? id.substring(0, 64) + "..." : id) + "'"));
  }

  @Override
  Route failed(Throwable cause) {
    if (cause instanceof SessionRefusedException) {
      LOG.info("session start refused: {}", cause.getMessage());
      return problem(Problem.of("session-refused", "Session refused", 422, cause.getMessage()));
    }
    if (cause instanceof TimeoutException) {
      LOG.warn("sessions did not answer in time: {}", cause.getMessage());
      return problem(Problem.of("unavailable", "Sessions unavailable", 503,
          "the sessions did not answer in time; retry, and check the node's log if it persists"));
    }
    LOG.error("sessions request failed", cause);
    return problem(Problem.of("unavailable", "Sessions unavailable", 503,
        "the sessions failed to answer; the node's log has the cause"));
  }
}
