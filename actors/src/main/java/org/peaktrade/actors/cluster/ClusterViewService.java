package org.peaktrade.actors.cluster;

import java.util.concurrent.CompletionStage;
import org.peaktrade.protocol.cluster.ClusterView;

/**
 * The operator view of the cluster, for the HTTP API and the CLI (a test can stand in for it): {@link ClusterViews} on
 * a cluster member, {@link SingleNodeClusterView} on a node that runs alone. The view completes within the
 * statistics timeout ({@link ClusterViewSettings}) with whatever answered, so it keeps answering while members come,
 * go or fail over.
 */
public interface ClusterViewService {

  CompletionStage<ClusterView> view();
}
