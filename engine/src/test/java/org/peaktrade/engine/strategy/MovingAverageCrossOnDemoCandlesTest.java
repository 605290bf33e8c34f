package org.peaktrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.RepoFiles.repoFile;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.fixtures.Bars;
import org.peaktrade.engine.indicator.Sma;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;

/** ma-cross with its defaults over a month of real one-minute BTC perpetual candles. */
class MovingAverageCrossOnDemoCandlesTest {
  private static List<Bar> candles;
  private static List<Direction> answers;

  @BeforeAll
  static void runOverTheDemoMonth() throws IOException {
    candles = Files.readAllLines(repoFile("data/demo/btc-perp-1m-2022-01.csv")).stream()
        .skip(1)
        .map(line -> line.split(","))
        .map(f -> new Bar(Bars.BTC, Instant.ofEpochMilli(Long.parseLong(f[0])), Duration.ofMinutes(1),
            Price.of(f[1]), Price.of(f[2]), Price.of(f[3]), Price.of(f[4]), Quantity.of(f[5])))
        .toList();
    Strategy strategy = StrategyCatalog.create("ma-cross", Map.of());
    answers = candles.stream().map(strategy::onBar).toList();
  }

  @Test
  void entersAndLeavesLongPositionsManyTimes() {
    int entries = 0;
    int exits = 0;
    for (int i = 1; i < answers.size(); i++) {
      boolean wasLong = answers.get(i - 1) == Direction.LONG;
      boolean isLong = answers.get(i) == Direction.LONG;
      entries += !wasLong && isLong ? 1 : 0;
      exits += wasLong && !isLong ? 1 : 0;
    }

    assertThat(entries).isGreaterThan(100);
    assertThat(exits).isBetween(entries - 1, entries);
  }

  @Test
  void isLongExactlyWhileTheFastAverageIsAboveTheSlowOneAfterTheFirstCross() {
    Sma fast = new Sma(10);
    Sma slow = new Sma(30);
    int firstCross = -1;
    List<Integer> mismatches = new ArrayList<>();
    for (int i = 0; i < candles.size(); i++) {
      double close = candles.get(i).close().toDouble();
      fast.update(close);
      slow.update(close);
      Direction answer = answers.get(i);
      if (firstCross < 0) {
        firstCross = answer == Direction.FLAT ? -1 : i;
        continue;
      }
      if (answer != leader(fast.value(), slow.value(), answers.get(i - 1))) {
        mismatches.add(i);
      }
    }

    assertThat(firstCross).isGreaterThanOrEqualTo(30);
    assertThat(mismatches).isEmpty();
  }

  /** The side of the leading average; on an exact tie neither leads and the strategy keeps what it had. */
  private static Direction leader(double fast, double slow, Direction previous) {
    if (fast > slow) {
      return Direction.LONG;
    }
    if (fast < slow) {
      return Direction.SHORT;
    }
    return previous;
  }
}
