package org.peaktrade.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.http.auth.Authorization;
import org.peaktrade.http.fixtures.RecordingClusterViewService;
import org.peaktrade.http.fixtures.RecordingSessionService;
import org.peaktrade.http.fixtures.TestTokens;
import org.peaktrade.http.fixtures.TestTokens.Person;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The whole API as a node serves it (kill switch, dashboard and stream, metrics, sessions, cluster view, in the
 * node's order, behind the {@link Authorization} gate with the {@link TestTokens}), bound to a free loopback port with
 * recording doubles behind it, and a plain HTTP/1.1 client for it that sends one {@code Authorization} header (or
 * none).
 */
final class ServedApi {

  static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final KillSwitchStatus KILLED = new KillSwitchStatus(KillSwitchScope.GLOBAL, KillSwitchState.KILLED,
      NOW.minusSeconds(60), 3, TriggerKind.MANUAL, "alice", "fat finger", null, null, null);
  static final String METRICS = "# TYPE peaktrade_kill_switch_state gauge\npeaktrade_kill_switch_state{scope=\"global\"} 1\n";

  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int RAW_TIMEOUT_MILLIS = 2_000;

  final RecordingKillSwitchService killSwitch;
  final RecordingSessionService sessions;
  final RecordingClusterViewService cluster;
  private final int port;
  private final String base;
  private final String authorization;

  private ServedApi(RecordingKillSwitchService killSwitch, RecordingSessionService sessions,
      RecordingClusterViewService cluster, int port, String authorization) {
    this.killSwitch = killSwitch;
    this.sessions = sessions;
    this.cluster = cluster;
    this.port = port;
    this.base = "http://127.0.0.1:" + port;
    this.authorization = authorization;
  }

  /** The routes behind the gate, as the node serves them; requests carry no token until {@link #as}. */
  static ServedApi start(ActorSystem<?> system, RecordingSessionService sessions) {
    return start(system, sessions, true);
  }

  /**
   * The route classes alone, without the gate: only for probing what the route classes themselves answer (a route
   * missing from the table would be unreachable on a node, but still served by its class).
   */
  static ServedApi startWithoutGate(ActorSystem<?> system, RecordingSessionService sessions) {
    return start(system, sessions, false);
  }

  private static ServedApi start(ActorSystem<?> system, RecordingSessionService sessions, boolean gated) {
    RecordingKillSwitchService killSwitch = new RecordingKillSwitchService(KILLED);
    RecordingClusterViewService cluster = new RecordingClusterViewService();
    Route routes = new KillSwitchRoutes(killSwitch, CLOCK).route()
        .orElse(new DashboardRoutes(Source.empty(), () -> killSwitch.status(KillSwitchScope.GLOBAL), CLOCK).route())
        .orElse(new MetricsRoutes(() -> METRICS).route())
        .orElse(new SessionRoutes(sessions).route())
        .orElse(new ClusterRoutes(cluster).route());
    Route served = gated ? new Authorization(TestTokens.tokens()).secure(routes) : routes;
    InetSocketAddress address = HttpServer.start(system, served, "127.0.0.1", 0);
    return new ServedApi(killSwitch, sessions, cluster, address.getPort(), null);
  }

  /** The same server, with requests that carry {@code person}'s token. */
  ServedApi as(Person person) {
    return withAuthorization(TestTokens.bearer(person));
  }

  /** The same server, with requests that carry this {@code Authorization} header (none when null). */
  ServedApi withAuthorization(String header) {
    return new ServedApi(killSwitch, sessions, cluster, port, header);
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
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
        throw e;
      }
      // The pooled keep-alive connection was closed by the server as the request went out (it closes a connection
      // after refusing a body it did not read): no byte of an answer came, so the request is sent once more, on a
      // new connection, as a browser would. A server that stopped serving fails this second send too.
      response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
    Map<String, List<String>> headers = new TreeMap<>();
    response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
        response.body(), headers);
  }

  Reply get(String pathAndQuery) throws IOException, InterruptedException {
    return send("GET", pathAndQuery, null, null);
  }

  Reply postJson(String pathAndQuery, String json) throws IOException, InterruptedException {
    return send("POST", pathAndQuery, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends bytes no HTTP client would (this instance's Authorization is not added) and reads the answer: up to its
   * Content-Length, or until the server closes, or until 2 s pass.
   */
  Reply raw(byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(RAW_TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      try {
        int read;
        while (!complete(answer) && (read = in.read(buffer)) >= 0) {
          answer.write(buffer, 0, read);
        }
      } catch (SocketTimeoutException e) {
        // the server keeps the connection open; what arrived is the answer
      } catch (IOException e) {
        if (answer.size() == 0) {
          throw e;
        }
        // reset after the answer (the server closes on a request it refuses to parse)
      }
      return parse(answer.toString(StandardCharsets.UTF_8));
    }
  }

  Reply raw(String request) throws IOException {
    return raw(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static boolean complete(ByteArrayOutputStream answer) {
    String text = answer.toString(StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    Optional<String> length = headerLines(text.substring(0, end)).entrySet().stream()
        .filter(e -> e.getKey().equals("content-length")).map(e -> e.getValue().get(0)).findFirst();
    return length.isPresent() && text.length() - end - 4 >= Integer.parseInt(length.get().trim());
  }

  private static Reply parse(String answer) {
    int end = answer.indexOf("\r\n\r\n");
    if (!answer.startsWith("HTTP/1.1 ") || end < 0) {
      throw new IllegalStateException("not an HTTP/1.1 answer: " + answer);
    }
    int status = Integer.parseInt(answer.substring(9, 12));
    Map<String, List<String>> headers = headerLines(answer.substring(0, end));
    String contentType = headers.getOrDefault("content-type", List.of("")).get(0);
    return new Reply(status, contentType, answer.substring(end + 4), headers);
  }

  private static Map<String, List<String>> headerLines(String head) {
    Map<String, List<String>> headers = new TreeMap<>();
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    return headers;
  }

  /** An answer; header names in lower case. */
  record Reply(int status, String contentType, String body, Map<String, List<String>> headers) {

    JsonNode json() throws IOException {
      return ApiJson.MAPPER.readTree(body);
    }

    boolean isProblem() {
      return contentType.equals("application/problem+json");
    }

    Optional<String> header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream().findFirst();
    }

    /** The route table did not match: an unknown path (404 {@code not-found}) or a wrong method (405). */
    boolean unrouted() throws IOException {
      return status == 405 || status == 404 && isProblem() && json().path("type").asText()
          .equals("urn:peaktrade:problem:not-found");
    }
  }
}
