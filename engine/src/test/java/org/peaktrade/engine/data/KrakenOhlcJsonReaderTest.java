package org.peaktrade.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.engine.fixtures.RepoFiles.repoFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Symbol;

class KrakenOhlcJsonReaderTest {
  private static final Path DEMO = repoFile("data/demo/kraken-ohlc-xbtusdt-1m.json");
  private static final Symbol BTC = Symbol.of("BTC/USD");

  @TempDir
  Path dir;

  @Test
  void parsesTheSameCandlesAsTheConvertedOracleWithoutTheFormingOne() throws IOException {
    List<Bar> oracle = oracleBars();

    LoadedBars loaded = KrakenOhlcJsonReader.read(DEMO, LoadOptions.defaults());

    assertThat(oracle).hasSize(721);
    assertThat(loaded.bars()).isEqualTo(oracle.subList(0, 720));
    assertThat(loaded.bars()).extracting(Bar::openTime).doesNotContain(Instant.ofEpochSecond(1_762_820_220L));
    assertThat(loaded.interval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(loaded.instrument()).isEqualTo(Instrument.withScales(BTC, 1, 8));
  }

  @Test
  void keepsTheFormingCandleOnlyWhenAsked() throws IOException {
    LoadedBars loaded = KrakenOhlcJsonReader.read(DEMO, LoadOptions.defaults(), FormingCandle.KEEP);

    assertThat(loaded.bars()).isEqualTo(oracleBars());
  }

  @Test
  void reportsTheExchangeErrorMessage() throws IOException {
    Path file = Files.writeString(dir.resolve("ohlc.json"), "{\"error\":[\"EQuery:Unknown asset pair\"],\"result\":{}}");

    assertThatThrownBy(() -> KrakenOhlcJsonReader.read(file, LoadOptions.defaults()))
        .isInstanceOf(MarketDataFormatException.class)
        .hasMessage("ohlc.json: Kraken returned an error: EQuery:Unknown asset pair");
  }

  @Test
  void rejectsRowWithWrongFieldCountNamingItsLine() throws IOException {
    Path file = Files.writeString(dir.resolve("ohlc.json"), """
        {"error":[],"result":{"XBTUSDT":[
        [1762777020,"106038.2","106038.2","106038.2","106038.2","0.0","0.00000000",0],
        [1762777080,"106038.2","106038.2","106038.2","106038.2","0.0"],
        [1762777140,"106038.2","106038.2","106038.2","106038.2","0.0","0.00000000",0]
        ],"last":1762777080}}
        """);

    assertThatThrownBy(() -> KrakenOhlcJsonReader.read(file, LoadOptions.defaults()))
        .hasMessage("ohlc.json:3: expected 8 fields [time, open, high, low, close, vwap, volume, count] but found 6");
  }

  @Test
  void rejectsNanPriceInARow() throws IOException {
    Path file = Files.writeString(dir.resolve("ohlc.json"), """
        {"error":[],"result":{"XBTUSDT":[
        [1762777020,"106038.2","NaN","106038.2","106038.2","0.0","0.00000000",0],
        [1762777080,"106038.2","106038.2","106038.2","106038.2","0.0","0.00000000",0]
        ],"last":1762777020}}
        """);

    assertThatThrownBy(() -> KrakenOhlcJsonReader.read(file, LoadOptions.defaults()))
        .hasMessage("ohlc.json:2: field 'high' is not a finite decimal number: 'NaN'");
  }

  @Test
  void rejectsAResultWithoutAPair() throws IOException {
    Path file = Files.writeString(dir.resolve("ohlc.json"), "{\"error\":[],\"result\":{\"last\":1}}");

    assertThatThrownBy(() -> KrakenOhlcJsonReader.read(file, LoadOptions.defaults()))
        .hasMessage("ohlc.json: expected 'result' to hold the rows of exactly one pair but found []");
  }

  @Test
  void rejectsTextThatIsNotJson() throws IOException {
    Path file = Files.writeString(dir.resolve("ohlc.json"), "{\"error\":[],\n\"result\":{\"XBTUSDT\":[[1,");

    assertThatThrownBy(() -> KrakenOhlcJsonReader.read(file, LoadOptions.defaults()))
        .isInstanceOf(MarketDataFormatException.class)
        .hasMessageStartingWith("ohlc.json:2: is not valid JSON");
  }

  @Test
  void aFetchedBodyGivesTheSameClosedCandlesAsTheConvertedOracle() throws IOException {
    List<Bar> closed = KrakenOhlcJsonReader.closedBars(Files.readString(DEMO), "GET /0/public/OHLC", BTC,
        Duration.ofMinutes(1));

    assertThat(closed).isEqualTo(oracleBars().subList(0, 720));
  }

  @Test
  void aFetchedBodyWithOnlyTheFormingCandleHasNothingClosed() {
    String body = "{\"error\":[],\"result\":{\"XXBTZUSD\":[[1762820220,\"1\",\"1\",\"1\",\"1\",\"1\",\"0.1\",1]],"
        + "\"last\":1762820160}}";

    assertThat(KrakenOhlcJsonReader.closedBars(body, "GET", BTC, Duration.ofMinutes(1))).isEmpty();
  }

  @Test
  void aFetchedErrorNamesTheRequestAndKrakensMessage() {
    assertThatThrownBy(() -> KrakenOhlcJsonReader.closedBars("{\"error\":[\"EGeneral:Too many requests\"]}",
        "GET /0/public/OHLC?pair=XBTUSD", BTC, Duration.ofMinutes(1)))
        .isInstanceOf(MarketDataFormatException.class)
        .hasMessageContaining("GET /0/public/OHLC?pair=XBTUSD")
        .hasMessageContaining("EGeneral:Too many requests");
  }

  /** The research helper's CSV of the same response, read independently of our readers. */
  private static List<Bar> oracleBars() throws IOException {
    try (var lines = Files.lines(repoFile("engine/src/test/resources/oracles/kraken-xbtusdt-1m-converted.csv"))) {
      return lines.skip(1).map(line -> line.split(",")).map(f -> new Bar(BTC,
          Instant.ofEpochMilli(Long.parseLong(f[0])), Duration.ofMinutes(1), Price.of(f[1]), Price.of(f[2]),
          Price.of(f[3]), Price.of(f[4]), Quantity.of(f[5]))).toList();
    }
  }
}
