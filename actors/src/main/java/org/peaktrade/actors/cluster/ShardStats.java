package org.peaktrade.actors.cluster;

import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.cluster.sharding.ShardRegion;

/**
 * Cluster Sharding's statistics of the session entities as plain values: per member address, what its shard region
 * answered, or no answer at all (the query timed out or failed).
 */
public sealed interface ShardStats {

  /** The regions that answered, by member address. */
  record Answered(Map<String, Region> regions) implements ShardStats {

    public Answered {
      regions = Map.copyOf(regions);
    }
  }

  /** No statistics: {@code reason} says why (for the log). */
  record Unanswered(String reason) implements ShardStats {}

  /**
   * One region's shards and session entities (stopped sessions included); {@code failed} when some of its shards did
   * not answer the region in time, so the counts cover only the others.
   */
  record Region(int shards, int sessions, boolean failed) {}

  /** Reads Pekko's answer to {@code GetClusterShardingStats}. */
  static ShardStats of(ShardRegion.ClusterShardingStats stats) {
    Map<String, Region> regions = new TreeMap<>();
    stats.getRegions().forEach((address, region) -> {
      int sessions = 0;
      for (Object entities : region.getStats().values()) {
        sessions += ((Number) entities).intValue();
      }
      regions.put(address.toString(), new Region(region.getStats().size(), sessions, !region.getFailed().isEmpty()));
    });
    return new Answered(regions);
  }
}
