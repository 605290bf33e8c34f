package org.peaktrade.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.Uri;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.http.KillSwitchJson.StatusView;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

/**
 * The operator dashboard: a static page (HTML, CSS and hand-written JavaScript from the classpath, no build step)
 * under {@code /dashboard/}, which talks to the JSON API of the same node, and {@code GET /api/v1/stream}, a
 * server-sent-event stream with an event {@code kill-switch} (the status JSON of the kill-switch API) for every
 * state change of any scope, kept alive with a comment every {@link #KEEP_ALIVE}. The stream opens with the global
 * switch's current status (asked after the subscription is in place, so no change falls between the two) and never
 * sends a status of a scope older than one it sent before: a reader needs no separate request to start from.
 */
public final class DashboardRoutes extends AllDirectives {
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  /** What {@link #route} serves; {@code {file}} is any file of the dashboard directory on the classpath. */
  public static final List<Endpoint> ENDPOINTS = List.of(
      Endpoint.get("/"),
      Endpoint.get("/dashboard"),
      Endpoint.get("/dashboard/"),
      Endpoint.get("/dashboard/{file}"),
      Endpoint.get("/api/v1/stream"));

  private final Source<KillSwitchStatus, NotUsed> statuses;
  private final Supplier<CompletionStage<KillSwitchStatus>> current;
  private final Clock clock;

  /**
   * {@code statuses} is materialised once per stream client (subscribing it); {@code current} is then asked once for
   * the global switch's status, which the stream sends first.
   */
  public DashboardRoutes(Source<KillSwitchStatus, NotUsed> statuses,
      Supplier<CompletionStage<KillSwitchStatus>> current, Clock clock) {
    this.statuses = statuses;
    this.current = current;
    this.clock = clock;
  }

  public Route route() {
    return concat(
        pathSingleSlash(() -> get(() -> redirect(Uri.create("/dashboard/"), StatusCodes.FOUND))),
        pathPrefix("dashboard", () -> concat(
            pathEnd(() -> get(() -> redirect(Uri.create("/dashboard/"), StatusCodes.FOUND))),
            pathSingleSlash(() -> getFromResource("dashboard/index.html", ContentTypes.TEXT_HTML_UTF8)),
            getFromResourceDirectory("dashboard"))),
        path(PathMatchers.segment("api").slash("v1").slash("stream"), () -> get(() -> completeOK(
            stream().map(status -> ServerSentEvent.create(json(status), "kill-switch"))
                .keepAlive(KEEP_ALIVE, ServerSentEvent::heartbeat),
            EventStreamMarshalling.toEventStream()))));
  }

  /** The live statuses after the current one, each scope's revisions only going up. */
  Source<KillSwitchStatus, NotUsed> stream() {
    // The live source subscribes when the stream is materialised; the lazy question goes out at the first demand,
    // after that. A switch that does not answer costs the first event only (the page then shows its state UNKNOWN
    // from its own request).
    Source<KillSwitchStatus, NotUsed> first = Source.lazyCompletionStage(() -> current.get()
            .handle((status, failure) -> failure == null ? List.of(status) : List.<KillSwitchStatus>of()))
        .mapMaterializedValue(ignored -> NotUsed.notUsed())
        .mapConcat(statuses -> statuses);
    return statuses.prepend(first).statefulMapConcat(() -> {
      Map<String, Long> sent = new HashMap<>();
      return status -> {
        Long before = sent.get(status.scope().value());
        if (before != null && status.revision() <= before) {
          return List.of();
        }
        sent.put(status.scope().value(), status.revision());
        return List.of(status);
      };
    });
  }

  private String json(KillSwitchStatus status) {
    return new String(ApiJson.write(StatusView.of(status, clock)), StandardCharsets.UTF_8);
  }
}
