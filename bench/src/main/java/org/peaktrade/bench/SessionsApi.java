package org.peaktrade.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peaktrade.app.fixtures.NodeProcess;
import org.peaktrade.http.ApiJson;
import org.peaktrade.http.fixtures.TestTokens;

/** The sessions API of a node process as the harness uses it: start, list, show, each answer with its latency. */
final class SessionsApi {
  static final String PATH = "/api/v1/sessions";
  private static final int START_ATTEMPTS = 5;

  private SessionsApi() {}

  /** What the harness reads of a session's view. */
  record View(String id, String member, long barsSeen, Instant lastBarOpen) {
    static View of(JsonNode json) {
      JsonNode last = json.get("lastBarOpen");
      return new View(json.get("spec").get("id").asText(), json.get("member").asText(),
          json.get("barsSeen").asLong(), last == null || last.isNull() ? Instant.EPOCH : Instant.parse(last.asText()));
    }
  }

  /** One GET: its status (-1 when the request itself failed) and how long it took. */
  record Answer(int status, long sentNanos, long answeredNanos, String body) {
    long latencyNanos() {
      return answeredNanos - sentNanos;
    }

    boolean ok() {
      return status == 200;
    }
  }

  /**
   * Starts the SHADOW ma-cross session {@code id} through {@code node}, as app's {@code ClusterProcesses} does. A 503
   * (the node's ask timed out, as it does on a loaded machine) is retried; 409 then means an earlier try registered it.
   */
  static void start(NodeProcess node, String id) throws Exception {
    String body = "{\"id\":\"" + id + "\",\"strategy\":\"ma-cross\",\"params\":{\"fast\":\"3\",\"slow\":\"8\"},"
        + "\"symbol\":\"BTC/USD\",\"mode\":\"SHADOW\",\"sizing\":\"equity-pct:95\",\"startingCash\":10000}";
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> started = node.postFromRoot(PATH, body, TestTokens.ALICE);
      boolean retried = attempt > 1 && started.statusCode() == 409;
      if (started.statusCode() == 201 || retried) {
        return;
      }
      if (started.statusCode() != 503 || attempt == START_ATTEMPTS) {
        throw new IllegalStateException("starting " + id + ": " + started.statusCode() + " " + started.body());
      }
      Waiting.sleep(1_000);
    }
  }

  static Answer get(NodeProcess node, String path) {
    long sent = System.nanoTime();
    try {
      HttpResponse<String> response = node.getFromRoot(path);
      return new Answer(response.statusCode(), sent, System.nanoTime(), response.body());
    } catch (IOException e) {
      return new Answer(-1, sent, System.nanoTime(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every session as {@code node} lists it, or empty when the list does not answer 200. */
  static Optional<List<View>> list(NodeProcess node) {
    Answer answer = get(node, PATH);
    return answer.ok() ? Optional.of(views(answer)) : Optional.empty();
  }

  static List<View> views(Answer listed) {
    List<View> views = new ArrayList<>();
    for (JsonNode session : json(listed).get("sessions")) {
      views.add(View.of(session));
    }
    return views;
  }

  /** The view in a 200 answer of {@code GET /api/v1/sessions/{id}}. */
  static View view(Answer shown) {
    return View.of(json(shown));
  }

  private static JsonNode json(Answer answer) {
    try {
      return ApiJson.MAPPER.readTree(answer.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + answer.body(), e);
    }
  }
}
