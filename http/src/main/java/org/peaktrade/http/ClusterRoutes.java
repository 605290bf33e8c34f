package org.peaktrade.http;

import java.util.List;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.peaktrade.actors.cluster.ClusterViewService;
import org.peaktrade.protocol.cluster.ClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator view of the cluster, {@code GET /api/v1/cluster}: the members with their status, reachability and the
 * sessions each hosts ({@link ClusterView}). The route only translates the {@link ClusterViewService} facade to JSON
 * (a test double can stand in for the cluster). The facade answers with what it knows when the shard statistics are
 * late, so only a facade that fails outright is a 503.
 */
public final class ClusterRoutes extends ApiRoutes {

  public static final String PATH = "/api/v1/cluster";

  /** What {@link #route} serves. */
  public static final List<Endpoint> ENDPOINTS = List.of(Endpoint.get(PATH));

  private static final Logger LOG = LoggerFactory.getLogger(ClusterRoutes.class);

  private final ClusterViewService service;

  public ClusterRoutes(ClusterViewService service) {
    this.service = service;
  }

  public Route route() {
    return path(PathMatchers.segment("api").slash("v1").slash("cluster"),
        () -> get(() -> answer(service::view, this::ok)));
  }

  @Override
  Route failed(Throwable cause) {
    LOG.error("cluster view failed", cause);
    return problem(Problem.of("unavailable", "Cluster view unavailable", 503,
        "the cluster view failed to answer; the node's log has the cause"));
  }
}
