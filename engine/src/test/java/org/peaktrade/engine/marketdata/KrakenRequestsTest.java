package org.peaktrade.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peaktrade.protocol.Symbol;

class KrakenRequestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Symbol> SYMBOLS = List.of(Symbol.of("BTC/USD"), Symbol.of("ETH/USD"));

  @Test
  void anOhlcSubscribeMatchesKrakensDocumentedRequest() throws Exception {
    JsonNode expected = JSON.readTree("{\"method\":\"subscribe\",\"params\":{\"channel\":\"ohlc\","
        + "\"symbol\":[\"BTC/USD\",\"ETH/USD\"],\"interval\":5,\"snapshot\":true},\"req_id\":7}");

    assertThat(JSON.readTree(KrakenRequests.subscribe(new KrakenChannel.Ohlc(5), SYMBOLS, 7))).isEqualTo(expected);
  }

  @Test
  void bookSubscribesCarryTheDepthAndAskForASnapshot() throws Exception {
    JsonNode params = JSON.readTree(KrakenRequests.subscribe(new KrakenChannel.Book(25), SYMBOLS, 1)).get("params");

    assertThat(params.get("depth").asInt()).isEqualTo(25);
    assertThat(params.get("snapshot").asBoolean()).isTrue();
  }

  @Test
  void tradeSubscribesSkipTheHistoricalSnapshot() throws Exception {
    JsonNode params = JSON.readTree(KrakenRequests.subscribe(new KrakenChannel.Trades(), SYMBOLS, 1)).get("params");

    assertThat(params.get("snapshot").asBoolean()).isFalse();
  }

  @Test
  void unsubscribeAndPingHaveTheDocumentedShape() throws Exception {
    JsonNode unsubscribe = JSON.readTree(KrakenRequests.unsubscribe(new KrakenChannel.Book(10), SYMBOLS, 3));
    assertThat(unsubscribe.get("method").asText()).isEqualTo("unsubscribe");
    assertThat(unsubscribe.get("params").has("snapshot")).isFalse();

    assertThat(JSON.readTree(KrakenRequests.ping(42))).isEqualTo(JSON.readTree("{\"method\":\"ping\",\"req_id\":42}"));
  }

  @Test
  void refusesASubscriptionWithoutSymbols() {
    assertThatThrownBy(() -> KrakenRequests.subscribe(new KrakenChannel.Ticker(), List.of(), 1))
        .hasMessageContaining("needs at least one symbol");
  }
}
