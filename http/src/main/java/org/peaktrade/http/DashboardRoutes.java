package org.peaktrade.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * state change of any scope, kept alive with a comment every {@link #KEEP_ALIVE}.
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
  private final Clock clock;

  /** {@code statuses} is materialised once per stream client. */
  public DashboardRoutes(Source<KillSwitchStatus, NotUsed> statuses, Clock clock) {
    this.statuses = statuses;
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
            statuses.map(status -> ServerSentEvent.create(json(status), "kill-switch"))
                .keepAlive(KEEP_ALIVE, ServerSentEvent::heartbeat),
            EventStreamMarshalling.toEventStream()))));
  }

  private String json(KillSwitchStatus status) {
    return new String(ApiJson.write(StatusView.of(status, clock)), StandardCharsets.UTF_8);
  }
}
