package org.peaktrade.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns everything the routes do not answer themselves (unknown path, wrong method, an unexpected exception) into
 * {@code application/problem+json}, so a client sees one error format from the whole API.
 */
public final class ApiErrors extends AllDirectives {

  /** {@code application/problem+json} (RFC 9457). */
  public static final ContentType PROBLEM_JSON =
      ContentTypes.create(MediaTypes.applicationWithFixedCharset("problem+json", HttpCharsets.UTF_8));

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
  private static final ApiErrors INSTANCE = new ApiErrors();

  private ApiErrors() {}

  /** The route with problem+json for rejections and unexpected exceptions. */
  public static Route handled(Route route) {
    return INSTANCE.handleExceptions(exceptions(), () -> INSTANCE.handleRejections(rejections(), () -> route));
  }

  /** {@link #handled} with {@code headers} on every answer (unless an answer sets one itself), errors included. */
  public static Route handled(Route route, List<HttpHeader> headers) {
    return INSTANCE.respondWithDefaultHeaders(headers, () -> handled(route));
  }

  /** A problem answer with extra headers (e.g. WWW-Authenticate, Allow, Retry-After). */
  public static HttpResponse response(Problem problem, List<HttpHeader> headers) {
    return HttpResponse.create()
        .withStatus(problem.status())
        .addHeaders(headers)
        .withEntity(PROBLEM_JSON, ApiJson.write(problem));
  }

  private static RejectionHandler rejections() {
    return RejectionHandler.defaultHandler().mapRejectionResponse(ApiErrors::asProblem);
  }

  private static ExceptionHandler exceptions() {
    return ExceptionHandler.newBuilder()
        .matchAny(e -> {
          LOG.error("unexpected failure answering an API request", e);
          return INSTANCE.complete(response(
              Problem.of("internal-error", "Internal error", 500, "unexpected failure; the node's log has the cause"),
              List.of()));
        })
        .build();
  }

  private static HttpResponse asProblem(HttpResponse response) {
    if (response.entity().getContentType().equals(PROBLEM_JSON)) {
      return response;
    }
    int status = response.status().intValue();
    String detail = response.entity() instanceof HttpEntity.Strict
        ? ((HttpEntity.Strict) response.entity()).getData().decodeString(StandardCharsets.UTF_8)
        : response.status().reason();
    Problem problem = Problem.of(slug(status), response.status().reason(), status, detail);
    return response.withEntity(PROBLEM_JSON, ApiJson.write(problem));
  }

  static String slug(int status) {
    if (status == StatusCodes.BAD_REQUEST.intValue()) {
      return "bad-request";
    }
    if (status == StatusCodes.NOT_FOUND.intValue()) {
      return "not-found";
    }
    if (status == StatusCodes.METHOD_NOT_ALLOWED.intValue()) {
      return "method-not-allowed";
    }
    return "http-" + status;
  }
}
