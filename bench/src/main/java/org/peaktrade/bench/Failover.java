package org.peaktrade.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@code kill -9} of a member and what the survivors show until every session it ran has moved: right before the
 * kill the sessions' {@code barsSeen} are read from the list on the measuring survivor (the first one); after it,
 * each moved session is polled on that survivor until it answers from another member with more bars seen; each
 * survivor's session list, one session on each survivor and the global kill switch's status are polled for their
 * status and latency. The survivors' logs give the cluster's steps (unreachable, downed, removed, singletons moved,
 * sessions trading).
 */
final class Failover {
  /** Pekko's Shard when its remember-entities store does not answer within waiting-for-state-timeout (2 s). */
  static final String SHARD_LOAD_TIMEOUT = "Failed to load initial entity ids from remember entities store";
  private static final long SESSION_POLL_MILLIS = 200;
  private static final long PROBE_POLL_MILLIS = 250;
  private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(300);

  private Failover() {}

  /** Seconds from the kill (log times are whole milliseconds of wall time, so these are too). */
  record Timeline(double unreachable, double downed, double removed, double singleton, double firstTrading,
      double lastTrading, long shardLoadTimeouts) {
    String describe() {
      return String.format("log: unreachable %s, downed %s, removed %s, singletons started %s, moved sessions "
              + "trading %s–%s; shards that did not load their remembered sessions in time: %d", s(unreachable),
          s(downed), s(removed), s(singleton), s(firstTrading), s(lastTrading), shardLoadTimeouts);
    }

    private static String s(double seconds) {
      return Double.isNaN(seconds) ? "-" : String.format("%.1f s", seconds);
    }
  }

  record Result(String victim, boolean oldest, int moved, double resumed, double newBar, double newBarMedian,
      double listBack, double killSwitchBack, long healthyMaxMillis, long healthyNotOk, List<String> healthyMoved,
      List<String> probes, long snapshotToKillMillis, Timeline timeline) {
    String describe() {
      return String.format("killed %s (%s, %d sessions): every moved session answering from a survivor %.1f s, "
              + "with a new bar %.1f s (median session %.1f s); snapshot→kill %d ms%n    %s%n    %s%s", victim,
          oldest ? "the oldest: ran the singletons" : "not the oldest", moved, resumed, newBar, newBarMedian,
          snapshotToKillMillis, String.join("\n    ", probes), timeline.describe(),
          healthyMoved.isEmpty() ? "" : "\n    moved by a rebalance during the run: " + healthyMoved);
    }
  }

  /** Kills {@code victim} and measures on {@code survivors} (the first one measures the sessions). */
  static Result run(ClusterMember victim, List<ClusterMember> survivors, boolean oldest) throws Exception {
    ClusterMember measuring = survivors.get(0);
    List<SessionsApi.View> snapshot = listed(measuring);
    long snapshotAt = System.nanoTime();
    Map<String, Long> before = new TreeMap<>();
    Map<String, String> healthy = new TreeMap<>();
    for (SessionsApi.View view : snapshot) {
      if (view.member().equals(victim.address())) {
        before.put(view.id(), view.barsSeen());
      }
      for (ClusterMember survivor : survivors) {
        if (view.member().equals(survivor.address()) && !healthy.containsValue(survivor.address())) {
          healthy.put(view.id(), survivor.address());
        }
      }
    }
    long killWall = System.currentTimeMillis();
    long killed = System.nanoTime();
    victim.node().killDashNine();

    Map<String, Long> resumed = new ConcurrentHashMap<>();
    Map<String, Long> newBar = new ConcurrentHashMap<>();
    List<Probe> lists = new ArrayList<>();
    List<Probe> healthyProbes = new ArrayList<>();
    Probe killSwitch = new Probe("global kill switch GET on " + measuring.name());
    List<String> healthyMoved = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger primary = new AtomicInteger(before.size() + survivors.size());
    try (Pollers pollers = new Pollers(GIVE_UP_NANOS)) {
      for (Map.Entry<String, Long> session : before.entrySet()) {
        pollers.every(SESSION_POLL_MILLIS, () -> {
          SessionsApi.Answer answer = SessionsApi.get(measuring.node(), SessionsApi.PATH + "/" + session.getKey());
          if (answer.ok()) {
            SessionsApi.View view = SessionsApi.view(answer);
            if (!view.member().equals(victim.address())) {
              resumed.putIfAbsent(session.getKey(), answer.answeredNanos() - killed);
              if (view.barsSeen() > session.getValue()) {
                newBar.put(session.getKey(), answer.answeredNanos() - killed);
                primary.decrementAndGet();
                return false;
              }
            }
          }
          return true;
        });
      }
      for (ClusterMember survivor : survivors) {
        Probe list = new Probe("session list on " + survivor.name());
        lists.add(list);
        pollers.every(PROBE_POLL_MILLIS, () -> {
          SessionsApi.Answer answer = SessionsApi.get(survivor.node(), SessionsApi.PATH);
          list.add(answer);
          boolean done = newBar.size() == before.size() && answer.ok()
              && answer.sentNanos() > killed + newBar.values().stream().mapToLong(Long::longValue).max().orElse(0);
          if (done) {
            primary.decrementAndGet();
          }
          return !done;
        });
      }
      for (Map.Entry<String, String> session : healthy.entrySet()) {
        Probe probe = new Probe("session " + session.getKey() + " (on " + name(survivors, session.getValue())
            + ") GET on " + measuring.name());
        healthyProbes.add(probe);
        pollers.every(PROBE_POLL_MILLIS, () -> {
          SessionsApi.Answer answer = SessionsApi.get(measuring.node(), SessionsApi.PATH + "/" + session.getKey());
          probe.add(answer);
          if (answer.ok() && !SessionsApi.view(answer).member().equals(session.getValue())
              && !healthyMoved.contains(session.getKey())) {
            healthyMoved.add(session.getKey());
          }
          return primary.get() > 0;
        });
      }
      pollers.every(PROBE_POLL_MILLIS, () -> {
        killSwitch.add(SessionsApi.get(measuring.node(), "/api/v1/kill-switch"));
        return primary.get() > 0;
      });
      pollers.awaitAll();
      if (newBar.size() < before.size()) {
        throw new IllegalStateException("gave up: " + (before.size() - newBar.size()) + " of " + before.size()
            + " sessions of " + victim.name() + " processed no new bar within " + GIVE_UP_NANOS / 1e9 + " s");
      }
    }

    List<String> probes = new ArrayList<>();
    for (Probe probe : lists) {
      probes.add(probe.describe(killed));
    }
    for (Probe probe : healthyProbes) {
      probes.add(probe.describe(killed));
    }
    probes.add(killSwitch.describe(killed));
    List<Long> newBars = new ArrayList<>(newBar.values());
    Collections.sort(newBars);
    return new Result(victim.name(), oldest, before.size(), seconds(Collections.max(resumed.values())),
        seconds(newBars.get(newBars.size() - 1)), seconds(newBars.get((newBars.size() - 1) / 2)),
        seconds(lists.stream().mapToLong(probe -> probe.backAfter(killed)).max().orElse(0)),
        seconds(killSwitch.backAfter(killed)),
        healthyProbes.stream().mapToLong(Probe::maxLatencyMillis).max().orElse(0),
        healthyProbes.stream().mapToLong(Probe::notOk).sum(), List.copyOf(healthyMoved), probes,
        (killed - snapshotAt) / 1_000_000, timeline(survivors, killWall, before.keySet().stream().toList()));
  }

  /** The session list of {@code member}, asked until it answers 200. */
  static List<SessionsApi.View> listed(ClusterMember member) {
    long deadline = System.nanoTime() + GIVE_UP_NANOS;
    while (System.nanoTime() < deadline) {
      SessionsApi.Answer answer = SessionsApi.get(member.node(), SessionsApi.PATH);
      if (answer.ok()) {
        return SessionsApi.views(answer);
      }
      Waiting.sleep(PROBE_POLL_MILLIS);
    }
    throw new IllegalStateException("the session list of " + member.name() + " did not answer 200");
  }

  private static Timeline timeline(List<ClusterMember> survivors, long killWall, List<String> moved)
      throws Exception {
    List<String> logs = new ArrayList<>();
    for (ClusterMember survivor : survivors) {
      logs.add(survivor.log());
    }
    List<Double> trading = new ArrayList<>();
    for (String id : moved) {
      double at = earliest(logs, killWall, "session " + id + " trading");
      if (!Double.isNaN(at)) {
        trading.add(at);
      }
    }
    Collections.sort(trading);
    return new Timeline(earliest(logs, killWall, "Marking node as UNREACHABLE"),
        earliest(logs, killWall, "SBR took decision"), earliest(logs, killWall, "Leader is removing"),
        earliest(logs, killWall, "Singleton manager starting singleton actor"),
        trading.isEmpty() ? Double.NaN : trading.get(0),
        trading.isEmpty() ? Double.NaN : trading.get(trading.size() - 1),
        logs.stream().mapToLong(log -> NodeLog.count(log, killWall, SHARD_LOAD_TIMEOUT)).sum());
  }

  private static double earliest(List<String> logs, long killWall, String text) {
    OptionalLong first = OptionalLong.empty();
    for (String log : logs) {
      OptionalLong at = NodeLog.first(log, killWall, line -> line.contains(text));
      if (at.isPresent() && (first.isEmpty() || at.getAsLong() < first.getAsLong())) {
        first = at;
      }
    }
    return first.isPresent() ? (first.getAsLong() - killWall) / 1e3 : Double.NaN;
  }

  private static String name(List<ClusterMember> members, String address) {
    return members.stream().filter(member -> member.address().equals(address)).findFirst().orElseThrow().name();
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
