package org.peaktrade.app.killswitch;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.peaktrade.app.client.ApiReply;
import org.peaktrade.app.client.NodeHttp;
import org.peaktrade.app.client.NodeUnreachableException;
import org.peaktrade.http.ApiJson;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * Talks to a node's kill-switch API over HTTP. A scope other than global is sent as {@code ?session=ID}. Connection
 * failures, timeouts and 503 answers become {@link NodeUnreachableException}. The approval code is written straight
 * from its char array into the request body, and both are cleared after sending.
 */
public final class KillSwitchClient {

  private static final String PATH = "/api/v1/kill-switch";
  /** Completing a recovery runs the health checks, so answers may take a while. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final NodeHttp http;
  private final KillSwitchScope scope;

  public KillSwitchClient(URI base, String token, KillSwitchScope scope) {
    this.http = new NodeHttp(base, token, "its kill switch", REQUEST_TIMEOUT);
    this.scope = scope;
  }

  public ApiReply status() {
    return http.send(request("", "").GET());
  }

  /** {@code identity} (may be null) is only a check: the node takes who acts from the token. */
  public ApiReply trigger(String identity, String reason) {
    return post("/trigger", json(g -> {
      if (identity != null) {
        g.writeStringField("identity", identity);
      }
      g.writeStringField("reason", reason);
    }));
  }

  /** {@code approver} (may be null) is only a check: the node takes who acts from the token. */
  public ApiReply requestRecovery(String approver, char[] approvalCode) {
    byte[] body = json(g -> {
      if (approver != null) {
        g.writeStringField("approver", approver);
      }
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

  /** {@code identity} (may be null) is only a check: the node takes who acts from the token. */
  public ApiReply completeRecovery(String identity) {
    return post("/recovery/complete", json(g -> {
      if (identity != null) {
        g.writeStringField("identity", identity);
      }
    }));
  }

  public ApiReply events(long after, int limit) {
    return http.send(request("/events", "after=" + after + "&limit=" + limit).GET());
  }

  /** The URL the client talks to, for messages. */
  public URI base() {
    return http.base();
  }

  private ApiReply post(String path, byte[] body) {
    return http.send(request(path, "").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder request(String path, String query) {
    String params = scope.isGlobal() ? query
        : "session=" + URLEncoder.encode(scope.value().substring("session:".length()), StandardCharsets.UTF_8)
            + (query.isEmpty() ? "" : "&" + query);
    return http.request(PATH + path + (params.isEmpty() ? "" : "?" + params));
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
