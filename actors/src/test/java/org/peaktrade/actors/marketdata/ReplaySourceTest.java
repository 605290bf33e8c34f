package org.peaktrade.actors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.protocol.Bar;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplaySourceTest {
  private final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  void shutDown() {
    testKit.shutdownTestKit();
  }

  private List<Bar> replay(List<Bar> bars, ReplaySpeed speed) throws Exception {
    return ReplaySource.of(bars, speed).runWith(Sink.seq(), testKit.system()).toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
  }

  @Test
  void replaysTheDemoFileAsFastAsPossibleInOrder() throws Exception {
    ReplayFile file = ReplayFile.load(Bars.demoData().resolve("btc-perp-1m-2022-01.csv"), LoadOptions.defaults());

    List<Bar> bars = replay(file.bars(), ReplaySpeed.asFastAsPossible());

    assertThat(bars).hasSize(45_031);
    assertThat(bars).extracting(Bar::openTime).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
  }

  @Test
  void spacesBarsByTheirCloseTimesDividedByTheFactor() throws Exception {
    List<Bar> hours = LongStream.range(0, 3).mapToObj(minute -> Bars.minute(minute * 60)).toList();
    long start = System.nanoTime();

    List<Bar> bars = replay(hours, ReplaySpeed.times(60_000));

    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(bars).isEqualTo(hours);
    assertThat(elapsedMillis).as("two hours of bars at 60000x take 120 ms").isGreaterThanOrEqualTo(100);
  }

  @Test
  void playsTheBarsAgainFromTheFirstForEachMaterialisation() throws Exception {
    List<Bar> minutes = List.of(Bars.minute(0), Bars.minute(1));
    Source<Bar, NotUsed> source = ReplaySource.of(minutes, ReplaySpeed.times(60_000));

    List<Bar> first = source.runWith(Sink.seq(), testKit.system()).toCompletableFuture().get(60, TimeUnit.SECONDS);
    List<Bar> second = source.runWith(Sink.seq(), testKit.system()).toCompletableFuture().get(60, TimeUnit.SECONDS);

    assertThat(first).isEqualTo(minutes);
    assertThat(second).isEqualTo(minutes);
  }

  @Test
  void resumingPlaysTheBarsPlayedBeforeTheRestartAtOnceAndPacesTheRest() throws Exception {
    List<Bar> hours = LongStream.range(0, 1_002).mapToObj(hour -> Bars.minute(hour * 60)).toList();
    long start = System.nanoTime();

    List<Bar> bars = ReplaySource.resuming(hours, 1_000, ReplaySpeed.times(60_000))
        .runWith(Sink.seq(), testKit.system()).toCompletableFuture().get(30, TimeUnit.SECONDS);

    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(bars).as("all of them, in order; paced, the first 1000 alone would take 60 s").isEqualTo(hours);
    assertThat(elapsedMillis).as("the last two are paced: an hour apart at 60000x is 60 ms")
        .isGreaterThanOrEqualTo(50);
  }
}
