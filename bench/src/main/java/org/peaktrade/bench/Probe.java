package org.peaktrade.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The answers one polling loop got to one GET, in the order it sent them, and what they add up to. */
final class Probe {
  private final String name;
  private final List<SessionsApi.Answer> answers = Collections.synchronizedList(new ArrayList<>());

  Probe(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  void add(SessionsApi.Answer answer) {
    answers.add(answer);
  }

  List<SessionsApi.Answer> answers() {
    synchronized (answers) {
      return List.copyOf(answers);
    }
  }

  /**
   * Nanoseconds from {@code since} until the probe answered 200 again: the answer of the first 200 sent after the
   * last answer that was not 200; 0 when every answer was 200.
   */
  long backAfter(long since) {
    List<SessionsApi.Answer> all = answers();
    int lastBad = -1;
    for (int i = 0; i < all.size(); i++) {
      if (!all.get(i).ok()) {
        lastBad = i;
      }
    }
    if (lastBad < 0) {
      return 0;
    }
    return (lastBad + 1 < all.size() ? all.get(lastBad + 1) : all.get(lastBad)).answeredNanos() - since;
  }

  long maxLatencyMillis() {
    return answers().stream().mapToLong(SessionsApi.Answer::latencyNanos).max().orElse(0) / 1_000_000;
  }

  long notOk() {
    return answers().stream().filter(answer -> !answer.ok()).count();
  }

  /** How many answers had each status (-1: the request failed), e.g. {@code {200=12, 503=3}}. */
  String statuses() {
    Map<Integer, Long> counts = answers().stream()
        .collect(Collectors.groupingBy(SessionsApi.Answer::status, TreeMap::new, Collectors.counting()));
    return counts.toString();
  }

  /** One line: back after, the longest answer, the statuses. */
  String describe(long since) {
    return String.format("%s: 200 again %.1f s, longest answer %,d ms, %s", name, Failover.seconds(backAfter(since)),
        maxLatencyMillis(), statuses());
  }
}
