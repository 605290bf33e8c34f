package org.peaktrade.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** One answer of the node's API: the HTTP status, the raw body, the body as JSON, and Retry-After if sent. */
public record ApiReply(int status, String raw, JsonNode body, Optional<String> retryAfter) {

  private static final String PROBLEM_URN = "urn:peaktrade:problem:";

  /** Any 2xx answer (200, or 201 for a started session). */
  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The stable problem type without its URN prefix ({@code session-not-found}), or empty when there is none. */
  public String problemType() {
    String type = body.path("type").asText("");
    return type.startsWith(PROBLEM_URN) ? type.substring(PROBLEM_URN.length()) : "";
  }

  /** A problem document that carries a kill-switch refusal reason. */
  public boolean refused() {
    return !ok() && body.hasNonNull("refusal");
  }

  /** The problem's detail, or the raw body when the answer is not a problem document. */
  public String detail() {
    return body.hasNonNull("detail") ? body.get("detail").asText() : raw;
  }
}
