package org.peaktrade.app.killswitch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** One answer of the node's API: the HTTP status, the raw body, the body as JSON, and Retry-After if sent. */
public record ApiReply(int status, String raw, JsonNode body, Optional<String> retryAfter) {

  public boolean ok() {
    return status == 200;
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
