package org.peaktrade.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.http.fixtures.RecordingSessionService;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The whole API as a node serves it (kill switch, dashboard and stream, metrics, sessions, in the node's order),
 * bound to a free loopback port with recording doubles behind it, and a plain HTTP/1.1 client for it.
 */
final class ServedApi {

  static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final KillSwitchStatus KILLED = new KillSwitchStatus(KillSwitchScope.GLOBAL, KillSwitchState.KILLED,
      NOW.minusSeconds(60), 3, TriggerKind.MANUAL, "alice", "fat finger", null, null);
  static final String METRICS = "# TYPE peaktrade_kill_switch_state gauge\npeaktrade_kill_switch_state{scope=\"global\"} 1\n";

  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  final RecordingKillSwitchService killSwitch;
  final RecordingSessionService sessions;
  private final int port;
  private final String base;

  private ServedApi(RecordingKillSwitchService killSwitch, RecordingSessionService sessions, int port) {
    this.killSwitch = killSwitch;
    this.sessions = sessions;
    this.port = port;
    this.base = "http://127.0.0.1:" + port;
  }

  static ServedApi start(ActorSystem<?> system, RecordingSessionService sessions) {
    RecordingKillSwitchService killSwitch = new RecordingKillSwitchService(KILLED);
    Route routes = new KillSwitchRoutes(killSwitch, CLOCK).route()
        .orElse(new DashboardRoutes(Source.single(KILLED), CLOCK).route())
        .orElse(new MetricsRoutes(() -> METRICS).route())
        .orElse(new SessionRoutes(sessions).route());
    InetSocketAddress address = HttpServer.start(system, routes, "127.0.0.1", 0);
    return new ServedApi(killSwitch, sessions, address.getPort());
  }

  int port() {
    return port;
  }

  /** Sends {@code body} (none when null) with {@code contentType} (none when null); redirects are not followed. */
  Reply send(String method, String pathAndQuery, String contentType, byte[] body) throws IOException,
      InterruptedException {
    return send(method, pathAndQuery, contentType, body, false);
  }

  /** As {@link #send(String, String, String, byte[])}; {@code chunked} leaves out the Content-Length. */
  Reply send(String method, String pathAndQuery, String contentType, byte[] body, boolean chunked)
      throws IOException, InterruptedException {
    BodyPublisher publisher = body == null ? BodyPublishers.noBody()
        : chunked ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
        : BodyPublishers.ofByteArray(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT)
        .method(method, publisher);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }

  Reply get(String pathAndQuery) throws IOException, InterruptedException {
    return send("GET", pathAndQuery, null, null);
  }

  Reply postJson(String pathAndQuery, String json) throws IOException, InterruptedException {
    return send("POST", pathAndQuery, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  record Reply(int status, String contentType, String body) {

    JsonNode json() throws IOException {
      return ApiJson.MAPPER.readTree(body);
    }

    boolean isProblem() {
      return contentType.equals("application/problem+json");
    }

    /** The route table did not match: an unknown path (404 {@code not-found}) or a wrong method (405). */
    boolean unrouted() throws IOException {
      return status == 405 || status == 404 && isProblem() && json().path("type").asText()
          .equals("urn:peaktrade:problem:not-found");
    }
  }
}
