package org.peaktrade.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The whole cluster stopped (SIGTERM to all three at once) and started again (all three at once, the same command
 * lines): how long until every session answers, and until each has processed a bar of the new replay. The new
 * replays start a minute of wall time further on the shared clock than the old ones stood, so a bar from them is
 * newer than any bar a session saw before the stop.
 */
final class FullRestart {
  private static final long POLL_MILLIS = 500;
  private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(400);
  private static final long JUMP_MILLIS = 60_000;

  private FullRestart() {}

  /** Seconds: the slowest member's stop; from the launch: the slowest ready, session answering, new bar. */
  record Result(double stopped, double ready, double answered, double newBar, List<String> startups) {
    String describe() {
      return String.format("stop (SIGTERM, all three) %.1f s; from the launch of all three: every member ready "
          + "%.1f s, every session answering %.1f s, every session with a new bar %.1f s%n    %s", stopped, ready,
          answered, newBar, String.join("\n    ", startups));
    }
  }

  static Result run(List<ClusterMember> members, ReplayClock clock, long leadMillis, List<String> ids)
      throws Exception {
    long stopping = System.nanoTime();
    inParallel(members, member -> member.node().terminate());
    double stopped = Failover.seconds(System.nanoTime() - stopping);

    long launchWall = System.currentTimeMillis();
    long market = clock.marketAt(launchWall + leadMillis + JUMP_MILLIS);
    long firstOpen = 0;
    for (ClusterMember member : members) {
      firstOpen = clock.writeFrom(member.replayFile(), market);
    }
    clock.align(launchWall + leadMillis, firstOpen);
    long launched = System.nanoTime();
    for (ClusterMember member : members) {
      member.launch();
    }
    Map<String, Long> readyAt = new ConcurrentHashMap<>();
    Map<String, Long> answered = new ConcurrentHashMap<>();
    Map<String, Long> newBar = new ConcurrentHashMap<>();
    long newReplay = firstOpen;
    try (Pollers pollers = new Pollers(GIVE_UP_NANOS)) {
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        int[] attempt = {i};
        pollers.every(POLL_MILLIS, () -> {
          ClusterMember member = members.get(attempt[0]++ % members.size());
          SessionsApi.Answer answer = SessionsApi.get(member.node(), SessionsApi.PATH + "/" + id);
          if (!answer.ok()) {
            return true;
          }
          answered.putIfAbsent(id, answer.answeredNanos() - launched);
          if (SessionsApi.view(answer).lastBarOpen().toEpochMilli() >= newReplay) {
            newBar.put(id, answer.answeredNanos() - launched);
            return false;
          }
          return true;
        });
      }
      inParallel(members, member -> {
        member.node().awaitReady();
        readyAt.put(member.name(), System.nanoTime() - launched);
        return 0;
      });
      pollers.awaitAll();
    }
    if (newBar.size() < ids.size()) {
      throw new IllegalStateException("gave up: " + (ids.size() - newBar.size()) + " sessions processed no bar "
          + "of the new replay within " + GIVE_UP_NANOS / 1e9 + " s of the restart");
    }
    List<String> startups = new ArrayList<>();
    for (ClusterMember member : members) {
      String log = member.log();
      startups.add(String.format("%s ready %.1f s, %s, its sessions trading %s–%s s, shards that did not load "
              + "their remembered sessions in time: %d", member.name(), Failover.seconds(readyAt.get(member.name())),
          member.startupSteps(), since(member, NodeLog.first(log, 0, line -> line.contains(" trading "))),
          since(member, NodeLog.last(log, 0, line -> line.contains(" trading "))),
          NodeLog.count(log, 0, Failover.SHARD_LOAD_TIMEOUT)));
    }
    return new Result(stopped, Failover.seconds(max(readyAt)), Failover.seconds(max(answered)),
        Failover.seconds(max(newBar)), startups);
  }

  private interface MemberStep {
    int apply(ClusterMember member) throws Exception;
  }

  private static void inParallel(List<ClusterMember> members, MemberStep step) throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Exception> failures = new ArrayList<>();
    for (ClusterMember member : members) {
      Thread thread = new Thread(() -> {
        try {
          step.apply(member);
        } catch (Exception e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
      }, member.name());
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }

  private static String since(ClusterMember member, OptionalLong at) {
    return at.isPresent() ? String.format("%.1f", (at.getAsLong() - member.launchedAt()) / 1e3) : "-";
  }

  private static long max(Map<String, Long> nanos) {
    return nanos.values().stream().mapToLong(Long::longValue).max().orElseThrow();
  }
}
