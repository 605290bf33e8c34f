package org.peaktrade.app.session;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.peaktrade.app.client.ApiReply;
import org.peaktrade.app.client.NodeHttp;
import org.peaktrade.app.client.NodeUnreachableException;
import org.peaktrade.http.SessionRoutes;

/**
 * Talks to a node's sessions API over HTTP. Connection failures, timeouts and 503 answers become
 * {@link NodeUnreachableException}. Ids are checked by the commands before they reach a path.
 */
final class SessionsClient {

  /** Starting a session waits for its actors, so answers may take a while. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final NodeHttp http;

  SessionsClient(URI base, String token) {
    this.http = new NodeHttp(base, token, "its sessions service", REQUEST_TIMEOUT);
  }

  ApiReply list() {
    return http.send(http.request(SessionRoutes.PATH).GET());
  }

  ApiReply start(byte[] body) {
    return http.send(http.request(SessionRoutes.PATH).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  ApiReply show(String id) {
    return http.send(http.request(SessionRoutes.PATH + "/" + id).GET());
  }

  ApiReply stop(String id) {
    return http.send(http.request(SessionRoutes.PATH + "/" + id).DELETE());
  }

  /** One of a session's lists: {@code orders}, {@code fills}, {@code positions} or {@code equity}. */
  ApiReply part(String id, String part) {
    return http.send(http.request(SessionRoutes.PATH + "/" + id + "/" + part).GET());
  }

  URI base() {
    return http.base();
  }
}
