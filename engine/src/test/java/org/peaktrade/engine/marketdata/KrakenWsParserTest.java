package org.peaktrade.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Quote;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.Trade;

class KrakenWsParserTest {
  private static final String TRADE_ROW = "{\"symbol\":\"BTC/USD\",\"side\":\"buy\",\"price\":45000.1,"
      + "\"qty\":0.25,\"ord_type\":\"limit\",\"trade_id\":102,\"timestamp\":\"2026-01-01T00:00:02.5Z\"}";
  private static final String TICKER_ROW = "{\"symbol\":\"BTC/USD\",\"bid\":45000.1,\"bid_qty\":0.5,"
      + "\"ask\":45000.2,\"ask_qty\":1.25,\"last\":45000.2,\"timestamp\":\"2026-01-01T00:00:03Z\"}";

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

  /** Two good trades, then {@code third}, so that messages must name row 2. */
  private static String tradeFrame(String third) {
    return "{\"channel\":\"trade\",\"type\":\"update\",\"data\":["
        + TRADE_ROW.replace("\"trade_id\":102", "\"trade_id\":100") + ","
        + TRADE_ROW.replace("\"trade_id\":102", "\"trade_id\":101") + "," + third + "]}";
  }

  private static String tickerFrame(String row) {
    return "{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[" + row + "]}";
  }

  @Test
  void parsesTheDocumentedTradeSnapshotExactly() throws IOException {
    KrakenWsFrame frame = KrakenWsParser.parse(fixture("trade_snapshot.json"));

    Symbol matic = Symbol.of("MATIC/USD");
    assertThat(frame).isEqualTo(new KrakenWsFrame.Trades(true, List.of(
        new Trade(matic, Instant.parse("2023-09-25T07:48:36.925533Z"), Price.of("0.5147"),
            Quantity.of("6423.46326"), Side.BUY, "4665846"),
        new Trade(matic, Instant.parse("2023-09-25T07:49:36.925603Z"), Price.of("0.5147"),
            Quantity.of("1136.19677815"), Side.BUY, "4665847"))));
  }

  @Test
  void readsATradeUpdateWithTheTakersSideAsAggressor() {
    KrakenWsFrame.Trades frame = (KrakenWsFrame.Trades) KrakenWsParser.parse(
        tradeFrame(TRADE_ROW.replace("\"buy\"", "\"sell\"")));

    assertThat(frame.snapshot()).isFalse();
    assertThat(frame.trades()).extracting(Trade::aggressor).containsExactly(Side.BUY, Side.BUY, Side.SELL);
    assertThat(frame.trades()).extracting(Trade::tradeId).containsExactly("100", "101", "102");
    assertThat(frame.trades().get(2).time()).isEqualTo(Instant.parse("2026-01-01T00:00:02.500Z"));
  }

  @Test
  void keepsATradeIdBeyondALongExactly() {
    KrakenWsFrame.Trades frame = (KrakenWsFrame.Trades) KrakenWsParser.parse(
        tradeFrame(TRADE_ROW.replace("\"trade_id\":102", "\"trade_id\":18446744073709551617")));

    assertThat(frame.trades().get(2).tradeId()).isEqualTo("18446744073709551617");
  }

  @Test
  void acceptsATradeSnapshotWithNoTrades() {
    assertThat(KrakenWsParser.parse("{\"channel\":\"trade\",\"type\":\"snapshot\",\"data\":[]}"))
        .isEqualTo(new KrakenWsFrame.Trades(true, List.of()));
  }

  static Stream<Arguments> agitatedTrades() {
    return Stream.of(
        Arguments.of("missing price", tradeFrame(TRADE_ROW.replace("\"price\":45000.1,", "")),
            "trade data[2].price is missing"),
        Arguments.of("NaN price", tradeFrame(TRADE_ROW.replace("45000.1", "\"NaN\"")),
            "trade data[2].price is not a number: \"NaN\""),
        Arguments.of("price as text", tradeFrame(TRADE_ROW.replace("45000.1", "\"45000.1\"")),
            "trade data[2].price is not a number: \"45000.1\""),
        Arguments.of("null price", tradeFrame(TRADE_ROW.replace("45000.1", "null")),
            "trade data[2].price is missing"),
        Arguments.of("negative price", tradeFrame(TRADE_ROW.replace("45000.1", "-45000.1")),
            "trade data[2].price must be positive: -45000.1"),
        Arguments.of("zero price", tradeFrame(TRADE_ROW.replace("45000.1", "0.0")),
            "trade data[2].price must be positive: 0"),
        Arguments.of("zero quantity", tradeFrame(TRADE_ROW.replace("0.25", "0")),
            "trade data[2].qty must be positive: 0"),
        Arguments.of("negative quantity", tradeFrame(TRADE_ROW.replace("0.25", "-0.25")),
            "trade data[2].qty must be positive: -0.25"),
        Arguments.of("missing quantity", tradeFrame(TRADE_ROW.replace("\"qty\":0.25,", "")),
            "trade data[2].qty is missing"),
        Arguments.of("unknown side", tradeFrame(TRADE_ROW.replace("\"buy\"", "\"BUY\"")),
            "trade data[2].side must be 'buy' or 'sell': 'BUY'"),
        Arguments.of("side as number", tradeFrame(TRADE_ROW.replace("\"buy\"", "1")),
            "trade data[2].side is missing or not text"),
        Arguments.of("symbol as number", tradeFrame(TRADE_ROW.replace("\"BTC/USD\"", "7")),
            "trade data[2].symbol is missing or not text"),
        Arguments.of("v1 symbol", tradeFrame(TRADE_ROW.replace("\"BTC/USD\"", "\"XBTUSD\"")),
            "trade data[2].symbol: symbol must look like BASE/QUOTE (e.g. BTC/USD): 'XBTUSD'"),
        Arguments.of("unreadable time", tradeFrame(TRADE_ROW.replace("2026-01-01T00:00:02.5Z", "1767225602.5")),
            "trade data[2].timestamp is not an RFC 3339 time: '1767225602.5'"),
        Arguments.of("missing time", tradeFrame(TRADE_ROW.replace(",\"timestamp\":\"2026-01-01T00:00:02.5Z\"", "")),
            "trade data[2].timestamp is missing or not text"),
        Arguments.of("fractional trade id", tradeFrame(TRADE_ROW.replace("\"trade_id\":102", "\"trade_id\":102.5")),
            "trade data[2].trade_id must be a non-negative integer: 102.5"),
        Arguments.of("trade id as text", tradeFrame(TRADE_ROW.replace("\"trade_id\":102", "\"trade_id\":\"102\"")),
            "trade data[2].trade_id must be a non-negative integer: \"102\""),
        Arguments.of("duplicated trade", tradeFrame(TRADE_ROW.replace("\"trade_id\":102", "\"trade_id\":100")),
            "trade data[2].trade_id 100 repeats data[0]"),
        Arguments.of("duplicated field", tradeFrame(TRADE_ROW.replace("\"qty\":0.25", "\"price\":1,\"qty\":0.25")),
            "not JSON: Duplicate field 'price'"),
        Arguments.of("row that is not an object", tradeFrame("[45000.1,0.25]"),
            "trade data[2] is not an object: [45000.1,0.25]"),
        Arguments.of("unknown frame type", tradeFrame(TRADE_ROW).replace("\"update\"", "\"delta\""),
            "trade frame with type 'delta'"),
        Arguments.of("data that is not a list",
            "{\"channel\":\"trade\",\"type\":\"update\",\"data\":" + TRADE_ROW + "}",
            "trade frame has no data array"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agitatedTrades")
  void rejectsAnAgitatedTradeFrameNamingRowAndField(String agitation, String frame, String message) {
    assertThatThrownBy(() -> KrakenWsParser.parse(frame)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsABareNanAsInvalidJson() {
    assertThatThrownBy(() -> KrakenWsParser.parse(tradeFrame(TRADE_ROW.replace("45000.1", "NaN"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not JSON: Non-standard token 'NaN'");
  }

  @Test
  void parsesTheDocumentedTickerSnapshotExactly() throws IOException {
    KrakenWsFrame frame = KrakenWsParser.parse(fixture("ticker_snapshot.json"));

    assertThat(frame).isEqualTo(new KrakenWsFrame.Ticker(true, new Quote(Symbol.of("ALGO/USD"),
        Instant.parse("2023-09-25T09:04:31.742648Z"), Price.of("0.10025"), Quantity.of("740"), Price.of("0.10036"),
        Quantity.of("1361.44813783")), Price.of("0.10035")));
  }

  @Test
  void takesTheFramesTimestampWhenTheTickerRowHasNone() {
    String row = TICKER_ROW.replace(",\"timestamp\":\"2026-01-01T00:00:03Z\"", "");
    String frame = "{\"channel\":\"ticker\",\"type\":\"update\",\"timestamp\":\"2026-01-01T00:00:04.25Z\","
        + "\"data\":[" + row + "]}";

    KrakenWsFrame.Ticker ticker = (KrakenWsFrame.Ticker) KrakenWsParser.parse(frame);

    assertThat(ticker.quote().time()).isEqualTo(Instant.parse("2026-01-01T00:00:04.25Z"));
  }

  @Test
  void prefersTheTickerRowsTimestampToTheFrames() {
    String frame = "{\"channel\":\"ticker\",\"type\":\"update\",\"timestamp\":\"2026-01-01T00:00:04.25Z\","
        + "\"data\":[" + TICKER_ROW + "]}";

    KrakenWsFrame.Ticker ticker = (KrakenWsFrame.Ticker) KrakenWsParser.parse(frame);

    assertThat(ticker.quote().time()).isEqualTo(Instant.parse("2026-01-01T00:00:03Z"));
  }

  @Test
  void readsATickerWithoutALastPriceAsNoLastPrice() {
    KrakenWsFrame.Ticker ticker = (KrakenWsFrame.Ticker) KrakenWsParser.parse(
        tickerFrame(TICKER_ROW.replace("\"last\":45000.2,", "")));

    assertThat(ticker.last()).isNull();
    assertThat(ticker.quote().bid()).isEqualTo(Price.of("45000.1"));
    assertThat(ticker.quote().askSize()).isEqualTo(Quantity.of("1.25"));
  }

  @Test
  void acceptsALockedTickerWithBidEqualToAsk() {
    KrakenWsFrame.Ticker ticker = (KrakenWsFrame.Ticker) KrakenWsParser.parse(
        tickerFrame(TICKER_ROW.replace("\"ask\":45000.2", "\"ask\":45000.10")));

    assertThat(ticker.quote().mid()).isEqualTo(Price.of("45000.1"));
  }

  static Stream<Arguments> agitatedTickers() {
    return Stream.of(
        Arguments.of("missing bid", tickerFrame(TICKER_ROW.replace("\"bid\":45000.1,", "")),
            "ticker data[0].bid is missing"),
        Arguments.of("NaN ask", tickerFrame(TICKER_ROW.replace("\"ask\":45000.2", "\"ask\":\"NaN\"")),
            "ticker data[0].ask is not a number: \"NaN\""),
        Arguments.of("negative bid", tickerFrame(TICKER_ROW.replace("\"bid\":45000.1", "\"bid\":-1")),
            "ticker data[0].bid must be positive: -1"),
        Arguments.of("zero ask", tickerFrame(TICKER_ROW.replace("\"ask\":45000.2", "\"ask\":0")),
            "ticker data[0].ask must be positive: 0"),
        Arguments.of("zero bid quantity", tickerFrame(TICKER_ROW.replace("\"bid_qty\":0.5", "\"bid_qty\":0")),
            "ticker data[0].bid_qty must be positive: 0"),
        Arguments.of("ask quantity as text", tickerFrame(TICKER_ROW.replace("1.25", "\"1.25\"")),
            "ticker data[0].ask_qty is not a number: \"1.25\""),
        Arguments.of("crossed bid and ask", tickerFrame(TICKER_ROW.replace("\"bid\":45000.1", "\"bid\":45000.3")),
            "ticker data[0]: crossed quote for BTC/USD: bid 45000.3 above ask 45000.2"),
        Arguments.of("zero last price", tickerFrame(TICKER_ROW.replace("\"last\":45000.2", "\"last\":0")),
            "ticker data[0].last must be positive: 0"),
        Arguments.of("last price as text", tickerFrame(TICKER_ROW.replace("\"last\":45000.2", "\"last\":\"x\"")),
            "ticker data[0].last is not a number: \"x\""),
        Arguments.of("no timestamp anywhere",
            tickerFrame(TICKER_ROW.replace(",\"timestamp\":\"2026-01-01T00:00:03Z\"", "")),
            "ticker data[0] has no timestamp, and neither has the frame"),
        Arguments.of("unreadable row timestamp", tickerFrame(TICKER_ROW.replace("2026-01-01T00:00:03Z", "now")),
            "ticker data[0].timestamp is not an RFC 3339 time: 'now'"),
        Arguments.of("unreadable frame timestamp", "{\"channel\":\"ticker\",\"type\":\"update\",\"timestamp\":5,"
            + "\"data\":[" + TICKER_ROW.replace(",\"timestamp\":\"2026-01-01T00:00:03Z\"", "") + "]}",
            "ticker frame.timestamp is missing or not text"),
        Arguments.of("symbol as list", tickerFrame(TICKER_ROW.replace("\"BTC/USD\"", "[\"BTC/USD\"]")),
            "ticker data[0].symbol is missing or not text"),
        Arguments.of("duplicated row", tickerFrame(TICKER_ROW + "," + TICKER_ROW),
            "ticker frame must carry exactly one row, has 2"),
        Arguments.of("duplicated field", tickerFrame(TICKER_ROW.replace("\"last\"", "\"bid\":1,\"last\"")),
            "not JSON: Duplicate field 'bid'"),
        Arguments.of("no rows", tickerFrame(""), "ticker frame must carry exactly one row, has 0"),
        Arguments.of("row that is not an object", tickerFrame("\"BTC/USD\""),
            "ticker data[0] is not an object: \"BTC/USD\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agitatedTickers")
  void rejectsAnAgitatedTickerFrameNamingRowAndField(String agitation, String frame, String message) {
    assertThatThrownBy(() -> KrakenWsParser.parse(frame)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
