package org.peaktrade.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;

class KrakenWsParserTest {

  private static String fixture(String name) throws IOException {
    try (InputStream in = KrakenWsParserTest.class.getResourceAsStream("/oracles/kraken-ws-v2/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void parsesTheDocumentedOhlcUpdateExactly() throws IOException {
    KrakenWsFrame.Candles frame = (KrakenWsFrame.Candles) KrakenWsParser.parse(fixture("ohlc_update.json"));

    assertThat(frame.snapshot()).isFalse();
    Bar candle = frame.candles().get(0);
    assertThat(candle.symbol().value()).isEqualTo("MATIC/USD");
    assertThat(candle.openTime()).isEqualTo(Instant.parse("2023-10-04T16:25:00Z"));
    assertThat(candle.interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(candle.open()).isEqualTo(Price.of("0.5624"));
    assertThat(candle.close()).isEqualTo(Price.of("0.5627"));
    assertThat(candle.volume()).isEqualTo(Quantity.of("30927.68066226"));
  }

  @Test
  void parsesASnapshotOldestFirst() throws IOException {
    KrakenWsFrame.Candles frame = (KrakenWsFrame.Candles) KrakenWsParser.parse(fixture("ohlc_snapshot.json"));

    assertThat(frame.snapshot()).isTrue();
    assertThat(frame.candles()).hasSizeGreaterThan(1);
    assertThat(frame.candles()).isSortedAccordingTo((a, b) -> a.openTime().compareTo(b.openTime()));
  }

  @Test
  void parsesAcksHeartbeatsAndPongs() throws IOException {
    KrakenWsFrame.Ack ack = (KrakenWsFrame.Ack) KrakenWsParser.parse(fixture("ohlc_subscribe_ack_ALGO_USD.json"));

    assertThat(ack.success()).isTrue();
    assertThat(ack.symbol()).isEqualTo("ALGO/USD");
    assertThat(KrakenWsParser.parse(fixture("heartbeat.json"))).isInstanceOf(KrakenWsFrame.Heartbeat.class);
    assertThat(KrakenWsParser.parse(fixture("pong_nautilus_fixture.json"))).isEqualTo(new KrakenWsFrame.Pong(42L));
  }

  @Test
  void aFailedSubscribeCarriesTheExchangesError() {
    KrakenWsFrame frame = KrakenWsParser.parse("{\"error\":\"Currency pair not supported XBT/USDT\","
        + "\"method\":\"subscribe\",\"success\":false,\"symbol\":\"XBT/USDT\"}");

    assertThat(frame).isEqualTo(new KrakenWsFrame.Ack("subscribe", false, null, "XBT/USDT",
        "Currency pair not supported XBT/USDT", null));
  }

  @Test
  void keepsAConnectionIdLargerThanALongExactly() {
    KrakenWsFrame frame = KrakenWsParser.parse("{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"system\":"
        + "\"online\",\"connection_id\":16174536464690282295}]}");

    assertThat(frame).isEqualTo(new KrakenWsFrame.Status("online", "16174536464690282295"));
  }

  @Test
  void rejectsMalformedJsonSayingSo() {
    assertThatThrownBy(() -> KrakenWsParser.parse("{\"channel\":\"ohlc\",")).hasMessageStartingWith("not JSON");
  }

  @Test
  void rejectsACandleWithAZeroPriceNamingTheField() {
    String frame = "{\"channel\":\"ohlc\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"open\":0,"
        + "\"high\":1,\"low\":1,\"close\":1,\"volume\":1,\"interval_begin\":\"2026-01-01T00:00:00Z\",\"interval\":1}]}";

    assertThatThrownBy(() -> KrakenWsParser.parse(frame)).hasMessageContaining("ohlc data[0]")
        .hasMessageContaining("price must be positive: 0");
  }

  @Test
  void rejectsACandleWithHighBelowLow() {
    String frame = "{\"channel\":\"ohlc\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"open\":1,"
        + "\"high\":1,\"low\":2,\"close\":1,\"volume\":1,\"interval_begin\":\"2026-01-01T00:00:00Z\",\"interval\":1}]}";

    assertThatThrownBy(() -> KrakenWsParser.parse(frame)).hasMessageContaining("high 1 is below low 2");
  }

  @Test
  void rejectsANonNumericPrice() {
    String frame = "{\"channel\":\"ohlc\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"open\":\"NaN\","
        + "\"high\":1,\"low\":1,\"close\":1,\"volume\":1,\"interval_begin\":\"2026-01-01T00:00:00Z\",\"interval\":1}]}";

    assertThatThrownBy(() -> KrakenWsParser.parse(frame)).hasMessage("ohlc data[0].open is not a number: \"NaN\"");
  }

  @Test
  void parsesTheDocumentedBookSnapshotKeepingTheScaleSent() throws IOException {
    KrakenWsFrame.Book frame = (KrakenWsFrame.Book) KrakenWsParser.parse(fixture("book_snapshot_checksum_guide.json"));

    assertThat(frame.snapshot()).isTrue();
    assertThat(frame.symbol()).isEqualTo("BTC/USD");
    assertThat(frame.bids()).hasSize(10).startsWith(KrakenBookLevel.of("45283.5", "0.10000000"));
    assertThat(frame.bids().get(3).price().toPlainString()).isEqualTo("45281.0");
    assertThat(frame.asks()).hasSize(10).startsWith(KrakenBookLevel.of("45285.2", "0.00100000"));
    assertThat(frame.checksum()).isEqualTo(3310070434L);
  }

  @Test
  void parsesBookLevelsSentAsJsonNumbersWithoutLosingTrailingZeros() {
    KrakenWsFrame frame = KrakenWsParser.parse("{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":"
        + "\"BTC/USD\",\"bids\":[{\"price\":45281.0,\"qty\":0.10000000}],\"asks\":[{\"price\":45285.2,\"qty\":0}],"
        + "\"checksum\":4294967295,\"timestamp\":\"2023-10-06T17:35:55.440295Z\"}]}");

    assertThat(frame).isEqualTo(new KrakenWsFrame.Book(false, "BTC/USD",
        List.of(KrakenBookLevel.of("45281.0", "0.10000000")), List.of(KrakenBookLevel.of("45285.2", "0")),
        4294967295L));
  }

  @Test
  void rejectsABookChecksumBeyondThirtyTwoBits() {
    String frame = "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\","
        + "\"bids\":[],\"asks\":[],\"checksum\":4294967296}]}";

    assertThatThrownBy(() -> KrakenWsParser.parse(frame))
        .hasMessage("book data[0].checksum must be an unsigned 32-bit integer: 4294967296");
  }

  @Test
  void rejectsABookLevelWithANegativeQuantityNamingTheLevel() {
    String frame = "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\","
        + "\"bids\":[{\"price\":\"1.0\",\"qty\":\"-1\"}],\"asks\":[],\"checksum\":1}]}";

    assertThatThrownBy(() -> KrakenWsParser.parse(frame))
        .hasMessage("book data[0].bids[0]: qty must not be negative: -1");
  }
}
