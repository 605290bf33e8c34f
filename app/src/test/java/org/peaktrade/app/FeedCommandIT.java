package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.FakeKraken;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.data.MarketDataFiles;
import org.peaktrade.protocol.Bar;

/** {@code peak-trade feed} connected over loopback to a local server that speaks Kraken's WebSocket v2. */
class FeedCommandIT {
  private ActorSystem<Void> exchangeSystem;
  private FakeKraken kraken;
  private List<Bar> truth;

  @BeforeEach
  void startExchange() throws Exception {
    exchangeSystem = ActorSystem.create(Behaviors.empty(), "fake-kraken");
    truth = MarketDataFiles.load(Bars.demoData().resolve("btc-perp-1m-2022-01.csv"), LoadOptions.defaults()).bars()
        .subList(0, 30);
    kraken = FakeKraken.start(exchangeSystem, truth, 10);
  }

  @AfterEach
  void stopExchange() throws Exception {
    kraken.close();
    exchangeSystem.terminate();
    exchangeSystem.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void printsClosedCandlesOfTheLiveFeedAndNeverTheFormingOne() throws Exception {
    CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("feed", "--symbol", "BTC/USD",
        "--channel", "ohlc:1", "--ws-url", kraken.wsUrl(), "--rest-url", kraken.restUrl(), "--limit", "6"));
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (kraken.subscribeRequests("ohlc") == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    for (int minute = 11; minute < truth.size() && !run.isDone(); minute++) {
      kraken.advanceTo(minute);
      Thread.sleep(100);
    }

    CliRun done = run.get(30, TimeUnit.SECONDS);

    assertThat(done.exitCode()).as(done.err()).isEqualTo(0);
    List<String> lines = done.out().lines().toList();
    assertThat(lines).hasSize(6);
    int first = truth.stream().map(FeedCommandIT::line).toList().indexOf(lines.get(0));
    assertThat(first).as("first line is a candle of the exchange: " + lines.get(0)).isGreaterThanOrEqualTo(6);
    assertThat(lines).as("consecutive closed candles").isEqualTo(
        truth.subList(first, first + 6).stream().map(FeedCommandIT::line).toList());
    assertThat(done.err()).contains("feed: connecting to " + kraken.wsUrl());
  }

  private static String line(Bar bar) {
    return bar.openTime() + " BTC/USD ohlc:1 O " + bar.open() + " H " + bar.high() + " L " + bar.low() + " C "
        + bar.close() + " V " + bar.volume();
  }
}
