package org.peaktrade.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Symbol;

class KrakenWsJsonlReaderTest {
  private static final Path RECORDING = resource("/fixtures/kraken-ws-v2/btc_usd_1m_recording.jsonl");
  private static final Path CAPTURED = resource("/oracles/kraken-ws-v2/captured_live_2026-09-10_BTC_USDT_1m.jsonl");
  private static final Symbol BTC = Symbol.of("BTC/USD");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @TempDir
  Path dir;

  private static Path resource(String name) {
    try {
      return Path.of(KrakenWsJsonlReaderTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Bar bar(String minute, String open, String high, String low, String close, String volume) {
    return new Bar(BTC, Instant.parse("2026-01-05T10:" + minute + ":00Z"), MINUTE, Price.of(open), Price.of(high),
        Price.of(low), Price.of(close), Quantity.of(volume));
  }

  /** The recording with its 1-based {@code line} replaced by {@code text}, as rec.jsonl. */
  private Path agitated(int line, String text) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(RECORDING));
    lines.set(line - 1, text);
    return Files.write(dir.resolve("rec.jsonl"), lines);
  }

  private static String line(int number) throws IOException {
    return Files.readAllLines(RECORDING).get(number - 1);
  }

  @Test
  void closesEveryCandleOfTheRecordingButTheFormingOne() throws IOException {
    LoadedBars loaded = KrakenWsJsonlReader.read(RECORDING, LoadOptions.defaults());

    assertThat(loaded.bars()).containsExactly(
        bar("00", "42000.0", "42010.5", "41990.0", "42005.2", "1.5"),
        bar("01", "42005.2", "42020.0", "42000.1", "42018.7", "0.75"),
        bar("02", "42018.7", "42018.7", "42018.7", "42018.7", "0"),
        bar("03", "42015.0", "42030.0", "42001.3", "42029.9", "0.45"),
        bar("04", "42029.9", "42045.5", "42025.0", "42044.1", "0.52"));
    assertThat(loaded.interval()).isEqualTo(MINUTE);
    assertThat(loaded.instrument()).isEqualTo(Instrument.withScales(BTC, 1, 8));
    assertThat(loaded.skipped()).isEmpty();
  }

  @Test
  void aRepeatedUpdateChangesNothing() throws IOException {
    Path file = agitated(8, line(7));

    assertThat(KrakenWsJsonlReader.read(file, LoadOptions.defaults()).bars())
        .isEqualTo(KrakenWsJsonlReader.read(RECORDING, LoadOptions.defaults()).bars());
  }

  @Test
  void readsOnlyTheCandlesOfTheAskedSymbol() {
    LoadOptions eth = LoadOptions.defaults().withSymbol(Symbol.of("ETH/USD"));

    assertThatThrownBy(() -> KrakenWsJsonlReader.read(RECORDING, eth))
        .isInstanceOf(MarketDataFormatException.class)
        .hasMessage("btc_usd_1m_recording.jsonl: holds only the forming candle at 2026-01-05T10:03:00Z; a candle is "
            + "closed only when a later one arrives");
  }

  @Test
  void namesTheSeriesTheRecordingHoldsWhenTheAskedOneIsAbsent() {
    assertThatThrownBy(() -> KrakenWsJsonlReader.read(RECORDING, LoadOptions.defaults().withBar(Duration.ofMinutes(5))))
        .hasMessage("btc_usd_1m_recording.jsonl: holds no ohlc candles for BTC/USD 5m; it has BTC/USD 1m, ETH/USD 1m "
            + "(choose with --symbol and --bar)");
  }

  @Test
  void failsOnAnEmptyRecording() throws IOException {
    Path file = Files.writeString(dir.resolve("rec.jsonl"), "\n\n");

    assertThatThrownBy(() -> KrakenWsJsonlReader.read(file, LoadOptions.defaults()))
        .hasMessage("rec.jsonl: is empty; expected Kraken WebSocket v2 frames, one per line");
  }

  @Test
  void failsOnARecordingWithoutCandles() throws IOException {
    Path file = Files.write(dir.resolve("rec.jsonl"), List.of(line(1), line(6), line(8)));

    assertThatThrownBy(() -> KrakenWsJsonlReader.read(file, LoadOptions.defaults()))
        .hasMessage("rec.jsonl: holds no ohlc candles for BTC/USD");
  }

  @Test
  void stopsAtAMalformedRowNamingLineRowAndField() throws IOException {
    Path file = agitated(7, line(7).replace("\"close\":42029.9", "\"close\":\"NaN\""));

    assertThatThrownBy(() -> KrakenWsJsonlReader.read(file, LoadOptions.defaults()))
        .isInstanceOf(MarketDataFormatException.class)
        .hasMessage("rec.jsonl:7: ohlc data[0].close is not a number: \"NaN\"");
  }

  @Test
  void stopsAtALineThatIsNotJson() throws IOException {
    Path file = agitated(9, line(9).substring(0, 40));

    assertThatThrownBy(() -> KrakenWsJsonlReader.read(file, LoadOptions.defaults()))
        .hasMessageStartingWith("rec.jsonl:9: not JSON: ");
  }

  @Test
  void stopsAtAnUpdateOlderThanTheFormingCandle() throws IOException {
    Path file = agitated(11, line(7));

    assertThatThrownBy(() -> KrakenWsJsonlReader.read(file, LoadOptions.defaults()))
        .hasMessage("rec.jsonl:11: ohlc data[0]: candle at 2026-01-05T10:03:00Z is older than the forming candle at "
            + "2026-01-05T10:04:00Z");
  }

  @Test
  void stopsAtACandleOffTheIntervalGrid() throws IOException {
    Path file = agitated(9, line(9).replace("10:04:00.000000000Z", "10:04:30.000000000Z"));

    assertThatThrownBy(() -> KrakenWsJsonlReader.read(file, LoadOptions.defaults()))
        .hasMessage("rec.jsonl:9: ohlc data[0]: candle open time 2026-01-05T10:04:30Z is not on the PT1M grid");
  }

  @Test
  void skipsAndCountsBadLinesWhenAsked() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(RECORDING));
    lines.set(6, line(7).replace("\"high\":42030.0", "\"high\":-1"));
    lines.set(10, line(7));
    Path file = Files.write(dir.resolve("rec.jsonl"), lines);

    LoadedBars loaded = KrakenWsJsonlReader.read(file, LoadOptions.defaults().skippingBadRows());

    assertThat(loaded.skipped()).extracting(RowProblem::toString).containsExactly(
        "rec.jsonl:7: ohlc data[0]: price must be positive: -1",
        "rec.jsonl:11: ohlc data[0]: candle at 2026-01-05T10:03:00Z is older than the forming candle at "
            + "2026-01-05T10:04:00Z");
    assertThat(loaded.bars()).hasSize(5);
    assertThat(loaded.bars().get(3)).isEqualTo(bar("03", "42015.0", "42016.0", "42001.3", "42002.0", "0.2"));
  }

  @Test
  void stopsAtTheStaleUpdateOfTheCapturedSession() {
    LoadOptions usdt = LoadOptions.defaults().withSymbol(Symbol.of("BTC/USDT"));

    assertThatThrownBy(() -> KrakenWsJsonlReader.read(CAPTURED, usdt))
        .hasMessage("captured_live_2026-09-10_BTC_USDT_1m.jsonl:6: ohlc data[0]: candle at 2026-09-10T17:35:00Z is "
            + "older than the forming candle at 2026-09-10T17:43:00Z");
  }

  @Test
  void closesTheCapturedSnapshotIntoContinuousMinutesWithoutItsFormingCandle() throws IOException {
    LoadedBars loaded = KrakenWsJsonlReader.read(CAPTURED,
        LoadOptions.defaults().withSymbol(Symbol.of("BTC/USDT")).skippingBadRows());

    assertThat(loaded.bars()).extracting(Bar::openTime).containsExactly(
        Instant.parse("2026-09-10T17:32:00Z"), Instant.parse("2026-09-10T17:33:00Z"),
        Instant.parse("2026-09-10T17:34:00Z"), Instant.parse("2026-09-10T17:35:00Z"),
        Instant.parse("2026-09-10T17:36:00Z"), Instant.parse("2026-09-10T17:37:00Z"),
        Instant.parse("2026-09-10T17:38:00Z"), Instant.parse("2026-09-10T17:39:00Z"),
        Instant.parse("2026-09-10T17:40:00Z"), Instant.parse("2026-09-10T17:41:00Z"),
        Instant.parse("2026-09-10T17:42:00Z"));
    assertThat(loaded.bars().get(4).close()).isEqualTo(Price.of("77509.2"));
    assertThat(loaded.bars().get(4).volume()).isEqualTo(Quantity.ZERO);
    assertThat(loaded.bars().get(10).open()).isEqualTo(Price.of("77370.1"));
    assertThat(loaded.skipped()).extracting(RowProblem::line).containsExactly(6L);
  }
}
