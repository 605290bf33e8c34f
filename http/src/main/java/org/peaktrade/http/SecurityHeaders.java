package org.peaktrade.http;

import java.util.List;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;

/**
 * The headers every answer of the API and the dashboard carries ({@link HttpServer} adds them to whatever the routes
 * answer, errors included, and {@link ProblemParsingErrorHandler} to answers of requests too broken to route): no
 * caching (answers are authenticated and show live trading state), no MIME sniffing, no referrer, no framing (the
 * dashboard has a kill button: no clickjacking), and a Content-Security-Policy under which the dashboard works
 * because it loads only its own script, stylesheet and API (no inline script or style, no eval). A route may set
 * one of these itself; its own value wins.
 */
public final class SecurityHeaders {

  /** The dashboard's policy: its own files and API only; nothing may frame it, nothing inline runs. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  public static final List<HttpHeader> ALL = List.of(
      RawHeader.create("Cache-Control", "no-store"),
      RawHeader.create("X-Content-Type-Options", "nosniff"),
      RawHeader.create("Referrer-Policy", "no-referrer"),
      RawHeader.create("X-Frame-Options", "DENY"),
      RawHeader.create("Content-Security-Policy", CONTENT_SECURITY_POLICY));

  private SecurityHeaders() {}

  /** {@code response} with every header of {@link #ALL} it does not have yet. */
  public static HttpResponse addTo(HttpResponse response) {
    HttpResponse withHeaders = response;
    for (HttpHeader header : ALL) {
      if (response.getHeader(header.name()).isEmpty()) {
        withHeaders = withHeaders.addHeader(header);
      }
    }
    return withHeaders;
  }
}
