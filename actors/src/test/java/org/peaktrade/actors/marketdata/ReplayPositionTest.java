package org.peaktrade.actors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

class ReplayPositionTest {
  private static final Symbol BTC = Symbol.of("BTC/USD");
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  @TempDir
  Path dir;

  private final List<String> warnings = new ArrayList<>();

  private ReplayPosition position(Path replayed, Symbol symbol, int lag) {
    return new ReplayPosition(dir.resolve("market-data/replay-position"), replayed, symbol, lag, SECOND,
        warnings::add);
  }

  private static List<Bar> bars(int count) {
    return LongStream.range(0, count).mapToObj(Bars::minute).toList();
  }

  /** Emits {@code bars} through {@code writer}, the first at second 1, the next a second later each. */
  private static void emitOneASecond(ReplayPosition writer, List<Bar> bars) {
    for (int i = 0; i < bars.size(); i++) {
      writer.emitted(bars.get(i), (i + 1) * SECOND);
    }
  }

  /** A position file as replays wrote it before the newest bar played was recorded: file, symbol, position. */
  private void writeEarlierFormat(Instant resumeAfter) throws IOException {
    Path file = dir.resolve("market-data/replay-position");
    Files.createDirectories(file.getParent());
    Files.writeString(file, dir.resolve("a.csv").toAbsolutePath().normalize() + "\nBTC/USD\n" + resumeAfter + "\n");
  }

  @Test
  void playsEveryBarWhenNoPositionWasRecorded() {
    List<Bar> bars = bars(5);

    assertThat(position(dir.resolve("a.csv"), BTC, 2).remaining(bars)).isEqualTo(bars);
  }

  @Test
  void recordsTheBarLagBarsBehindTheNewestAndResumesAfterIt() {
    List<Bar> bars = bars(10);
    emitOneASecond(position(dir.resolve("a.csv"), BTC, 3), bars.subList(0, 8));

    ReplayPosition reader = position(dir.resolve("a.csv"), BTC, 3);

    assertThat(reader.read()).contains(bars.get(4).openTime());
    assertThat(reader.remaining(bars)).isEqualTo(bars.subList(5, 10));
    assertThat(reader.playedBefore(reader.remaining(bars))).as("bars 5, 6 and 7 were played before").isEqualTo(3);
  }

  @Test
  void aReplayStoppedBeforeLagBarsResumesFromTheStartAndKnowsWhatItHadPlayed() {
    List<Bar> bars = bars(10);
    emitOneASecond(position(dir.resolve("a.csv"), BTC, 5), bars.subList(0, 3));

    ReplayPosition reader = position(dir.resolve("a.csv"), BTC, 5);

    assertThat(reader.remaining(bars)).isEqualTo(bars);
    assertThat(reader.playedBefore(bars)).isEqualTo(3);
  }

  @Test
  void aPositionWrittenByTheEarlierThreeLineFormatResumesAfterItAndPlaysNothingAgain() throws IOException {
    List<Bar> bars = bars(5);
    writeEarlierFormat(bars.get(1).openTime());
    ReplayPosition reader = position(dir.resolve("a.csv"), BTC, 1);

    assertThat(reader.remaining(bars)).isEqualTo(bars.subList(2, 5));
    assertThat(reader.playedBefore(reader.remaining(bars))).isZero();
  }

  @Test
  void writesAtMostOnceAPeriod() {
    List<Bar> bars = bars(10);
    ReplayPosition writer = position(dir.resolve("a.csv"), BTC, 1);
    writer.emitted(bars.get(0), SECOND);
    writer.emitted(bars.get(1), SECOND + 1);
    writer.emitted(bars.get(2), SECOND + 2);

    assertThat(writer.recorded()).as("written once, at the first bar: fewer than lag played, resume from the start")
        .contains(new ReplayPosition.Recorded(Optional.empty(), bars.get(0).openTime()));
  }

  @Test
  void theNewestPositionIsWrittenWhenTheReplayEnds() {
    List<Bar> bars = bars(10);
    ReplayPosition writer = position(dir.resolve("a.csv"), BTC, 2);
    bars.forEach(bar -> writer.emitted(bar, SECOND));

    writer.flush();

    assertThat(writer.read()).contains(bars.get(7).openTime());
  }

  @Test
  void aPositionOfAnotherFileOrSymbolIsNotResumed() {
    List<Bar> bars = bars(6);
    ReplayPosition writer = position(dir.resolve("a.csv"), BTC, 1);
    bars.forEach(bar -> writer.emitted(bar, SECOND * (bar.openTime().getEpochSecond())));

    assertThat(position(dir.resolve("b.csv"), BTC, 1).remaining(bars)).isEqualTo(bars);
    assertThat(position(dir.resolve("a.csv"), Symbol.of("ETH/USD"), 1).remaining(bars)).isEqualTo(bars);
  }

  @Test
  void aReplayPlayedToItsEndLeavesNothingToPlay() throws IOException {
    List<Bar> bars = bars(3);
    writeEarlierFormat(bars.get(2).openTime());

    assertThat(position(dir.resolve("a.csv"), BTC, 1).remaining(bars)).isEmpty();
  }

  @Test
  void aPositionThatCannotBeWrittenIsReportedOnceAndTheReplayGoesOn() throws IOException {
    Files.writeString(dir.resolve("market-data"), "a file where the directory should be");
    ReplayPosition writer = position(dir.resolve("a.csv"), BTC, 0);

    emitOneASecond(writer, bars(3));

    assertThat(warnings).singleElement().asString().startsWith("cannot record the replay position in "
        + dir.resolve("market-data/replay-position"));
    assertThat(writer.read()).isEmpty();
  }

  @Test
  void anUnreadablePositionPlaysEverything() throws IOException {
    Path file = dir.resolve("market-data/replay-position");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "garbage");
    List<Bar> bars = bars(2);

    assertThat(position(dir.resolve("a.csv"), BTC, 1).remaining(bars)).isEqualTo(bars);
  }
}
