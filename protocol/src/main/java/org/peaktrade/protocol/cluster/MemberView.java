package org.peaktrade.protocol.cluster;

import java.util.List;

/**
 * One member of the cluster as the operator view shows it. {@code address} is its Pekko address (what a session's
 * {@code member} names); {@code status} Pekko's member status ({@code Joining}, {@code WeaklyUp}, {@code Up},
 * {@code Leaving}, {@code Exiting}, {@code Down}, {@code PreparingForShutdown}, {@code ReadyForShutdown});
 * {@code reachable} false when some member cannot reach it; {@code upNumber} the order in which members became Up (the
 * lowest is the oldest, which hosts the singletons), null before it is Up. {@code shards} and {@code sessions} are the
 * session shards and session entities (stopped sessions included) its shard region hosts, both null when its region
 * did not answer the statistics query.
 */
public record MemberView(String address, String status, List<String> roles, boolean reachable, Integer upNumber,
    Integer shards, Integer sessions) {

  public MemberView {
    roles = List.copyOf(roles);
  }
}
