package org.peaktrade.http;

/**
 * One operation a route class serves: an HTTP method and the path as an OpenAPI template (e.g.
 * {@code /api/v1/sessions/{id}}). Each route class lists its own in {@code ENDPOINTS}; the contract test checks the
 * list both ways against docs/api/openapi.yaml and against what the routes actually answer.
 */
public record Endpoint(String method, String path) {

  static Endpoint get(String path) {
    return new Endpoint("GET", path);
  }

  static Endpoint post(String path) {
    return new Endpoint("POST", path);
  }

  static Endpoint delete(String path) {
    return new Endpoint("DELETE", path);
  }
}
