package org.peaktrade.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.peaktrade.http.ApiJson;

/**
 * HTTP to one node's API with a bearer token. Connection failures, timeouts and 503 answers become
 * {@link NodeUnreachableException} naming the node (and, for a 503, {@code part}: what is up but unavailable); a
 * refused token (401) or role (403 {@code forbidden}) becomes {@link NotAuthorizedException}; every other answer is an
 * {@link ApiReply}, its body parsed as JSON with exact decimals.
 */
public final class NodeHttp {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final URI base;
  private final String token;
  private final String part;
  private final Duration requestTimeout;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  /**
   * {@code token} goes with every request as {@code Authorization: Bearer}; {@code part} names what a 503 is about in
   * messages, e.g. {@code "its kill switch"}.
   */
  public NodeHttp(URI base, String token, String part, Duration requestTimeout) {
    String url = base.toString();
    this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    this.token = token;
    this.part = part;
    this.requestTimeout = requestTimeout;
  }

  /** The node's base URL, for messages. */
  public URI base() {
    return base;
  }

  /** A request to {@code pathAndQuery} (starting with {@code /}) that accepts JSON and problem answers. */
  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .timeout(requestTimeout)
        .header("Accept", "application/json, application/problem+json")
        .header("Authorization", "Bearer " + token);
  }

  public ApiReply send(HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new NodeUnreachableException("cannot reach the node at " + base + " (" + describe(e)
          + "); is 'peak-trade node' running there?", e);
    } catch (HttpTimeoutException e) {
      throw new NodeUnreachableException("the node at " + base + " did not answer within " + requestTimeout, e);
    } catch (IOException e) {
      throw new NodeUnreachableException("cannot talk to the node at " + base + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeUnreachableException("interrupted while waiting for the node at " + base, e);
    }
    ApiReply reply = new ApiReply(response.statusCode(), response.body(), parse(response.body()),
        response.headers().firstValue("Retry-After"));
    if (reply.status() == 401) {
      throw new NotAuthorizedException("the node at " + base + " refused the token: " + reply.detail()
          + " (the token comes from --token-file, " + NodeOptions.TOKEN_VARIABLE + " or <data-dir>/admin.token)");
    }
    if (reply.status() == 403 && reply.problemType().equals("forbidden")) {
      throw new NotAuthorizedException("not allowed: " + reply.detail());
    }
    if (reply.status() == 503) {
      throw new NodeUnreachableException("the node at " + base + " is up but " + part + " is unavailable: "
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
}
