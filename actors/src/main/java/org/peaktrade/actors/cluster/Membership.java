package org.peaktrade.actors.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.ClusterEvent.CurrentClusterState;

/**
 * The cluster's membership as this member sees it, as plain values ({@link ClusterViewBuilder} turns it into the
 * operator view): this member's address, the leader if there is one, every member in address order, and the addresses
 * some member cannot reach.
 */
public record Membership(String self, Optional<String> leader, List<Member> members, Set<String> unreachable) {

  /**
   * One member: its address, Pekko status ({@code Up}, {@code Joining}, ...), roles, and the number it got when it
   * became Up (empty before).
   */
  public record Member(String address, String status, List<String> roles, Optional<Integer> upNumber) {

    public Member {
      roles = List.copyOf(roles);
    }
  }

  public Membership {
    members = List.copyOf(members);
    unreachable = Set.copyOf(unreachable);
  }

  /** Reads Pekko's cluster state, taken by {@code self}. */
  public static Membership of(CurrentClusterState state, Address self) {
    List<Member> members = new ArrayList<>();
    for (org.apache.pekko.cluster.Member member : state.getMembers()) {
      members.add(new Member(member.address().toString(), member.status().toString(),
          List.copyOf(new TreeSet<>(member.getRoles())), upNumber(member)));
    }
    Set<String> unreachable = new TreeSet<>();
    state.getUnreachable().forEach(member -> unreachable.add(member.address().toString()));
    return new Membership(self.toString(), Optional.ofNullable(state.getLeader()).map(Address::toString), members,
        unreachable);
  }

  /**
   * Pekko keeps the up-number internal to its cluster package (public in the bytecode, so Java reads it); a member
   * that is not Up yet has {@link Integer#MAX_VALUE}.
   */
  private static Optional<Integer> upNumber(org.apache.pekko.cluster.Member member) {
    int upNumber = member.upNumber();
    return upNumber == Integer.MAX_VALUE ? Optional.empty() : Optional.of(upNumber);
  }
}
