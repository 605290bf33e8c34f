package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedCommandTest {

  @TempDir
  Path dir;

  @Test
  void replaysTheDemoCandlesAsClosedBarsUpToTheLimit() {
    CliRun run = CliRun.of("feed", "--replay", CliRun.demo("btc-perp-1m-2022-01.csv"), "--limit", "2");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.out().lines().toList()).containsExactly(
        "2021-12-31T23:01:00Z BTC/USD bar:1m O 46319 H 46385 L 46319 C 46377 V 2300413.7295",
        "2021-12-31T23:02:00Z BTC/USD bar:1m O 46377 H 46411 L 46377 C 46411 V 1829623.1938");
  }

  @Test
  void aReplayedFileWithAMissingMinuteListsTheGapWithItsLineAndKeepsGoing() throws Exception {
    Path file = Files.write(dir.resolve("gap.csv"), List.of("timestamp_ms,open,high,low,close,volume",
        "1640991660000,1,2,1,2,10", "1640991720000,2,3,2,3,10", "1640991840000,3,4,3,4,10"));

    CliRun run = CliRun.of("feed", "--replay", file.toString(), "--bar", "1m");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.out().lines()).hasSize(3);
    assertThat(run.err().lines().toList()).containsExactly(
        "feed: " + file + ": 1 gap between bars:",
        "feed:   " + file + ":4: gap: no bar from 2021-12-31T23:03:00Z to 2021-12-31T23:04:00Z (1 missing 1m bar)");
  }

  @Test
  void aReplayedFileWithBadRowsStopsNamingEachWithItsLine() throws Exception {
    Path file = Files.write(dir.resolve("bad.csv"), List.of("timestamp_ms,open,high,low,close,volume",
        "1640991660000,1,2,1,2,10", "1640991720000,2,3,2,NaN,10", "1640991720000,2,3,2,3,10",
        "1640991720000,2,3,2,3,10", "1640991780000,3,4,3,4,10"));

    CliRun run = CliRun.of("feed", "--replay", file.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).containsExactly(
        "peak-trade: bad input data: " + file + ": 2 bad rows:",
        "  " + file + ":3: column 'close' is not a finite decimal number: 'NaN'",
        "  " + file + ":5: duplicate timestamp 2021-12-31T23:02:00Z (also on line 4)",
        "Fix those rows, or leave bad rows out with --skip-bad-rows.");
  }

  @Test
  void skippingBadRowsListsEachOneLeftOutAndPlaysTheOthers() throws Exception {
    Path file = Files.write(dir.resolve("bad.csv"), List.of("timestamp_ms,open,high,low,close,volume",
        "1640991660000,1,2,1,2,10", "1640991720000,2,3,2,NaN,10", "1640991720000,2,3,2,3,10",
        "1640991780000,3,4,3,4,10"));

    CliRun run = CliRun.of("feed", "--replay", file.toString(), "--skip-bad-rows");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.out().lines()).hasSize(3);
    assertThat(run.err().lines().toList()).containsExactly(
        "feed: " + file + ": 1 bad row left out:",
        "feed:   " + file + ":3: column 'close' is not a finite decimal number: 'NaN'");
  }

  @Test
  void aTypoInTheConfigFileIsAUsageErrorNamingTheClosestKey() throws Exception {
    Path typo = Files.writeString(dir.resolve("typo.conf"),
        "peaktrade.market-data.kraken.ws-ulr = \"wss://example.invalid\"\n");

    CliRun run = CliRun.of("feed", "--config", typo.toString(), "--replay", CliRun.demo("btc-perp-1m-2022-01.csv"),
        "--limit", "1");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("peak-trade: invalid configuration: 1 unknown key under peaktrade")
        .contains("peaktrade.market-data.kraken.ws-ulr (" + typo + ":1): unknown key; "
            + "did you mean peaktrade.market-data.kraken.ws-url?");
  }

  @Test
  void rejectsAnUnknownChannelNamingTheValidOnes() {
    CliRun run = CliRun.of("feed", "--channel", "candles");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("unknown channel 'candles'; expected ohlc:MINUTES, trade, ticker or book:DEPTH");
  }

  @Test
  void rejectsAnIntervalKrakenDoesNotOffer() {
    CliRun run = CliRun.of("feed", "--channel", "ohlc:2");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("ohlc interval must be one of [1, 5, 15, 30, 60, 240, 1440, 10080, 21600]");
  }

  @Test
  void rejectsABadReplaySpeed() {
    CliRun run = CliRun.of("feed", "--replay", CliRun.demo("btc-perp-1m-2022-01.csv"), "--speed", "fast");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--speed must be max, realtime or a positive factor such as 60, not 'fast'");
  }

  @Test
  void aReplayWithSeveralChannelsIsRefused() {
    CliRun run = CliRun.of("feed", "--replay", CliRun.demo("btc-perp-1m-2022-01.csv"), "--channel", "ohlc:1,trade");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--replay plays one file of bars");
  }

  @Test
  void aMissingReplayFileIsBadInput() {
    CliRun run = CliRun.of("feed", "--replay", dir.resolve("nope.csv").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("nope.csv");
  }
}
