package org.peaktrade.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * The test vector is the worked example of Kraken's WebSocket v2 book checksum guide,
 * https://docs.kraken.com/api/docs/guides/spot-ws-book-v2: a BTC/USD snapshot whose checksum is 3310070434, and
 * the asks and bids strings the guide prints for it.
 */
class KrakenOrderBookTest {
  private static final long DOCUMENTED_CHECKSUM = 3310070434L;
  private static final String DOCUMENTED_ASKS_TEXT = "45285210000045286415457195345286615457110945289615456091"
      + "145290215890660452918154553491452947445474945296135380000452975994554245299518772827";
  private static final String DOCUMENTED_BIDS_TEXT = "45283510000000452834154582015452821100000004528101000000"
      + "0452803154592586452790799000045277633101034527753000000045277315460273745276615445238";

  private static KrakenWsFrame.Book documentedSnapshot() throws IOException {
    try (InputStream in = KrakenOrderBookTest.class.getResourceAsStream(
        "/oracles/kraken-ws-v2/book_snapshot_checksum_guide.json")) {
      return (KrakenWsFrame.Book) KrakenWsParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static KrakenOrderBook documentedBook(int depth) throws IOException {
    KrakenWsFrame.Book snapshot = documentedSnapshot();
    KrakenOrderBook book = new KrakenOrderBook(depth);
    book.applySnapshot(snapshot.bids(), snapshot.asks());
    return book;
  }

  private static long crc32(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.US_ASCII));
    return crc.getValue();
  }

  @Test
  void reproducesTheChecksumOfKrakensDocumentedExample() throws IOException {
    KrakenOrderBook book = documentedBook(10);

    assertThat(book.checksumText()).isEqualTo(DOCUMENTED_ASKS_TEXT + DOCUMENTED_BIDS_TEXT);
    assertThat(book.checksum()).isEqualTo(DOCUMENTED_CHECKSUM).isEqualTo(documentedSnapshot().checksum());
    assertThat(book.verify(DOCUMENTED_CHECKSUM)).isTrue();
  }

  @Test
  void aWrongChecksumIsDetected() throws IOException {
    assertThat(documentedBook(10).verify(DOCUMENTED_CHECKSUM + 1)).isFalse();
  }

  @Test
  void aChangedQuantityNoLongerMatchesTheOldChecksum() throws IOException {
    KrakenOrderBook book = documentedBook(10);

    book.applyUpdate(List.of(KrakenBookLevel.of("45283.5", "0.20000000")), List.of());

    assertThat(book.bestBid()).contains(KrakenBookLevel.of("45283.5", "0.20000000"));
    assertThat(book.verify(DOCUMENTED_CHECKSUM)).isFalse();
  }

  @Test
  void onlyTheTopTenLevelsOfEachSideEnterTheChecksum() throws IOException {
    KrakenOrderBook book = documentedBook(25);

    book.applyUpdate(List.of(KrakenBookLevel.of("45200.0", "9.00000000")),
        List.of(KrakenBookLevel.of("45400.0", "9.00000000")));

    assertThat(book.bids()).hasSize(11);
    assertThat(book.checksum()).isEqualTo(DOCUMENTED_CHECKSUM);
  }

  @Test
  void aZeroQuantityRemovesTheLevel() throws IOException {
    KrakenOrderBook book = documentedBook(10);

    book.applyUpdate(List.of(), List.of(KrakenBookLevel.of("45285.2", "0")));

    assertThat(book.asks()).hasSize(9);
    assertThat(book.bestAsk()).contains(KrakenBookLevel.of("45286.4", "1.54571953"));
    assertThat(book.checksumText()).startsWith("452864154571953");
  }

  @Test
  void anInsertBeyondTheSubscribedDepthDropsTheWorstLevel() throws IOException {
    KrakenOrderBook book = documentedBook(10);

    book.applyUpdate(List.of(KrakenBookLevel.of("45284.0", "0.50000000")), List.of());

    assertThat(book.bids()).hasSize(10);
    assertThat(book.bestBid()).contains(KrakenBookLevel.of("45284.0", "0.50000000"));
    assertThat(book.bids()).doesNotContain(KrakenBookLevel.of("45276.6", "0.15445238"));
  }

  @Test
  void allLevelsOfAMessageApplyInOrderBeforeTruncation() {
    KrakenOrderBook book = new KrakenOrderBook(2);
    book.applySnapshot(List.of(KrakenBookLevel.of("10.0", "1.0"), KrakenBookLevel.of("9.0", "1.0")), List.of());

    book.applyUpdate(List.of(KrakenBookLevel.of("11.0", "1.0"), KrakenBookLevel.of("11.0", "0"),
        KrakenBookLevel.of("10.0", "2.5")), List.of());

    assertThat(book.bids()).containsExactly(KrakenBookLevel.of("10.0", "2.5"), KrakenBookLevel.of("9.0", "1.0"));
  }

  @Test
  void theChecksumKeepsTrailingZerosAndDropsLeadingOnes() {
    KrakenOrderBook book = new KrakenOrderBook(10);
    book.applySnapshot(List.of(KrakenBookLevel.of("0.0500", "2.10"), KrakenBookLevel.of("0.0490", "0.00300")),
        List.of(KrakenBookLevel.of("0.0510", "1.000")));

    String asksThenBids = "510" + "1000" + "500" + "210" + "490" + "300";
    assertThat(book.checksumText()).isEqualTo(asksThenBids);
    assertThat(book.checksum()).isEqualTo(crc32(asksThenBids));
  }

  @Test
  void aSnapshotReplacesTheWholeBook() throws IOException {
    KrakenOrderBook book = documentedBook(10);

    book.applySnapshot(List.of(KrakenBookLevel.of("1.0", "1.0")), List.of(KrakenBookLevel.of("2.0", "1.0")));

    assertThat(book.bids()).containsExactly(KrakenBookLevel.of("1.0", "1.0"));
    assertThat(book.asks()).containsExactly(KrakenBookLevel.of("2.0", "1.0"));
  }

  @Test
  void anEmptyBookHasNoBestLevels() {
    KrakenOrderBook book = new KrakenOrderBook(10);

    assertThat(book.bestBid()).isEmpty();
    assertThat(book.bestAsk()).isEmpty();
    assertThat(book.checksum()).isEqualTo(crc32(""));
  }

  @Test
  void rejectsANonPositiveDepth() {
    assertThatThrownBy(() -> new KrakenOrderBook(0)).hasMessage("depth must be positive: 0");
  }
}
