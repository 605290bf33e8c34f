package org.peaktrade.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.peaktrade.app.client.TextTable;

/**
 * The cluster view for people: a line per member, then the totals, and a warning when the counts are incomplete.
 * A count the node does not have (the member's shard region did not answer) is {@code -}.
 */
final class ClusterText {

  private ClusterText() {}

  static void print(PrintWriter out, JsonNode view) {
    String leader = view.path("leader").asText("");
    TextTable table = new TextTable("MEMBER", "STATUS", "REACHABLE", "LEADER", "SHARDS", "SESSIONS");
    int shards = 0;
    int up = 0;
    for (JsonNode member : view.path("members")) {
      String address = member.path("address").asText();
      table.row(address, member.path("status").asText(), yesNo(member.path("reachable").asBoolean()),
          yesNo(address.equals(leader)), count(member.path("shards")), count(member.path("sessions")));
      shards += member.path("shards").asInt(0);
      up += member.path("status").asText().equals("Up") ? 1 : 0;
    }
    table.print(out);
    int members = view.path("members").size();
    int unreachable = view.path("unreachable").size();
    out.printf("%s %s: %d member%s (%d Up, %d unreachable), %d shards, %d sessions%n",
        view.path("mode").asText().equals("single-node") ? "single node" : "cluster seen from",
        view.path("self").asText(), members, members == 1 ? "" : "s", up, unreachable, shards,
        view.path("sessionsTotal").asInt());
    if (!view.path("shardStatsComplete").asBoolean(true)) {
      out.println("incomplete: not every shard region answered in time (peaktrade.cluster.stats-timeout); the "
          + "counts are what answered");
      List<String> failed = new ArrayList<>();
      view.path("failedRegions").forEach(region -> failed.add(region.asText()));
      if (!failed.isEmpty()) {
        out.println("  regions with shards that did not answer: " + String.join(", ", failed));
      }
    }
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  private static String count(JsonNode value) {
    return value.isNumber() ? value.asText() : "-";
  }
}
