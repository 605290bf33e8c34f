package org.peaktrade.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code GET /metrics}: the node's metrics in the Prometheus text exposition format (version 0.0.4). */
public final class MetricsRoutes extends AllDirectives {
  /** What {@link #route} serves. */
  public static final List<Endpoint> ENDPOINTS = List.of(Endpoint.get("/metrics"));
  static final ContentType PROMETHEUS_TEXT = ContentTypes.parse("text/plain; version=0.0.4; charset=utf-8");

  private final Supplier<String> scrape;

  public MetricsRoutes(Supplier<String> scrape) {
    this.scrape = scrape;
  }

  public Route route() {
    return path("metrics", () -> get(() -> complete(
        HttpEntities.create(PROMETHEUS_TEXT, scrape.get().getBytes(StandardCharsets.UTF_8)))));
  }
}
