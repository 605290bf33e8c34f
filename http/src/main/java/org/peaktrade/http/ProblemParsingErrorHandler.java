package org.peaktrade.http;

import java.util.List;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.ErrorInfo;
import org.apache.pekko.http.scaladsl.model.StatusCode;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;

/**
 * Answers requests too malformed to reach the routes (a broken request line or header, a URI or headers over
 * Pekko's limits) with problem+json like every other error, instead of Pekko's plain text, and with the
 * {@link SecurityHeaders}. {@link HttpServer} installs it; Pekko creates it by class name.
 */
public final class ProblemParsingErrorHandler extends ParsingErrorHandler {

  @Override
  public HttpResponse handle(StatusCode status, ErrorInfo error, LoggingAdapter log, ServerSettings settings) {
    String detail = error.withFallbackSummary(status.reason()).formatPretty();
    log.debug("unparsable request answered {}: {}", status.intValue(), detail);
    return SecurityHeaders.addTo(ApiErrors.response(Problem.of(ApiErrors.slug(status.intValue()), status.reason(),
        status.intValue(), detail), List.of()));
  }
}
