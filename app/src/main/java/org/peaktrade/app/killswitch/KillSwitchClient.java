package org.peaktrade.app.killswitch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.peaktrade.http.ApiJson;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * Talks to a node's kill-switch API over HTTP. A scope other than global is sent as {@code ?session=ID}. Connection
 * failures, timeouts and 503 answers become {@link NodeUnreachableException}. The approval code is written straight
 * from its char array into the request body, and both are cleared after sending.
 */
public final class KillSwitchClient {

  private static final String PATH = "/api/v1/kill-switch";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Completing a recovery runs the health checks, so answers may take a while. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final KillSwitchScope scope;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  public KillSwitchClient(URI base, KillSwitchScope scope) {
    String url = base.toString();
    this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    this.scope = scope;
  }

  public ApiReply status() {
    return send(request("", "").GET());
  }

  public ApiReply trigger(String identity, String reason) {
    return post("/trigger", json(g -> {
      g.writeStringField("identity", identity);
      g.writeStringField("reason", reason);
    }));
  }

  public ApiReply requestRecovery(String approver, char[] approvalCode) {
    byte[] body = json(g -> {
      g.writeStringField("approver", approver);
      g.writeFieldName("approvalCode");
      g.writeString(approvalCode, 0, approvalCode.length);
    });
    try {
      return post("/recovery", body);
    } finally {
      Arrays.fill(body, (byte) 0);
      Arrays.fill(approvalCode, '\0');
    }
  }

  public ApiReply completeRecovery(String identity) {
    return post("/recovery/complete", json(g -> g.writeStringField("identity", identity)));
  }

  public ApiReply events(long after, int limit) {
    return send(request("/events", "after=" + after + "&limit=" + limit).GET());
  }

  /** The URL the client talks to, for messages. */
  public URI base() {
    return base;
  }

  private ApiReply post(String path, byte[] body) {
    return send(request(path, "").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder request(String path, String query) {
    String params = scope.isGlobal() ? query
        : "session=" + URLEncoder.encode(scope.value().substring("session:".length()), StandardCharsets.UTF_8)
            + (query.isEmpty() ? "" : "&" + query);
    return HttpRequest.newBuilder(URI.create(base + PATH + path + (params.isEmpty() ? "" : "?" + params)))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json, application/problem+json");
  }

  private ApiReply send(HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new NodeUnreachableException("cannot reach the node at " + base + " (" + describe(e)
          + "); is 'peak-trade node' running there?", e);
    } catch (HttpTimeoutException e) {
      throw new NodeUnreachableException("the node at " + base + " did not answer within " + REQUEST_TIMEOUT, e);
    } catch (IOException e) {
      throw new NodeUnreachableException("cannot talk to the node at " + base + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeUnreachableException("interrupted while waiting for the node at " + base, e);
    }
    ApiReply reply = new ApiReply(response.statusCode(), response.body(), parse(response.body()),
        response.headers().firstValue("Retry-After"));
    if (reply.status() == 503) {
      throw new NodeUnreachableException("the node at " + base + " is up but its kill switch is unavailable: "
          + reply.detail(), null);
    }
    return reply;
  }

  private static JsonNode parse(String body) {
    try {
      return body.isEmpty() ? MissingNode.getInstance() : ApiJson.MAPPER.readTree(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
  }

  private interface Fields {
    void write(JsonGenerator generator) throws IOException;
  }

  private static byte[] json(Fields fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = ApiJson.MAPPER.getFactory().createGenerator(out)) {
      generator.writeStartObject();
      fields.write(generator);
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
