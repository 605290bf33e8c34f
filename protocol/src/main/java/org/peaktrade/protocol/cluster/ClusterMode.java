package org.peaktrade.protocol.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the node is a member of a Pekko Cluster ({@code peaktrade.cluster.enabled}) or runs alone. */
public enum ClusterMode {
  @JsonProperty("cluster")
  CLUSTER,
  @JsonProperty("single-node")
  SINGLE_NODE
}
