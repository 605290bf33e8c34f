package org.peaktrade.actors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.protocol.Bar;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplaySourceTest {
  private static final String HEADER = "timestamp_ms,open,high,low,close,volume\n";
  private static final long HOUR_MS = 3_600_000L;
  private static final long T0_MS = Bars.T0.toEpochMilli();

  private final ActorTestKit testKit = ActorTestKit.create();

  @TempDir
  Path dir;

  @AfterAll
  void shutDown() {
    testKit.shutdownTestKit();
  }

  private List<Bar> replay(Path file, LoadOptions options, ReplaySpeed speed) throws Exception {
    return ReplaySource.fromFile(file, options, speed).runWith(Sink.seq(), testKit.system())
        .toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private Path hourlyFile(String... rows) throws IOException {
    return Files.writeString(dir.resolve("hourly.csv"), HEADER + String.join("\n", rows) + "\n");
  }

  private static String row(long hour, String close) {
    return (T0_MS + hour * HOUR_MS) + ",100,100,100," + close + ",1";
  }

  @Test
  void replaysTheDemoFileAsFastAsPossibleInOrder() throws Exception {
    Path file = Bars.demoData().resolve("btc-perp-1m-2022-01.csv");

    List<Bar> bars = replay(file, LoadOptions.defaults(), ReplaySpeed.asFastAsPossible());

    assertThat(bars).hasSize(45_031);
    assertThat(bars).extracting(Bar::openTime).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
  }

  @Test
  void spacesBarsByTheirCloseTimesDividedByTheFactor() throws Exception {
    Path file = hourlyFile(row(0, "100"), row(1, "100"), row(2, "100"));
    long start = System.nanoTime();

    List<Bar> bars = replay(file, LoadOptions.defaults(), ReplaySpeed.times(60_000));

    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(bars).hasSize(3);
    assertThat(elapsedMillis).as("two hours of bars at 60000x take 120 ms").isGreaterThanOrEqualTo(100);
  }

  @Test
  void leavesOutBadRowsWhenTheOptionsSkipThem() throws Exception {
    Path file = hourlyFile(row(0, "100"), row(1, "NaN"), row(2, "100"));

    List<Bar> bars = replay(file, LoadOptions.defaults().skippingBadRows(), ReplaySpeed.asFastAsPossible());

    assertThat(bars).extracting(Bar::openTime)
        .containsExactly(Bars.T0, Bars.T0.plusMillis(2 * HOUR_MS));
  }

  @Test
  void failsTheStreamOnTheFirstBadRowByDefault() throws Exception {
    Path file = hourlyFile(row(0, "100"), row(1, "NaN"), row(2, "100"));

    assertThatThrownBy(() -> replay(file, LoadOptions.defaults(), ReplaySpeed.asFastAsPossible()))
        .isInstanceOf(ExecutionException.class);
  }
}
