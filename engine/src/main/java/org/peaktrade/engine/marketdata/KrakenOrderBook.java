package org.peaktrade.engine.marketdata;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The local copy of one symbol's Kraken WebSocket v2 {@code book}, kept to the subscribed depth, and its CRC32
 * checksum as Kraken defines it (https://docs.kraken.com/api/docs/guides/spot-ws-book-v2): the top 10 asks
 * low to high, then the top 10 bids high to low, each level as price then qty with the decimal point and leading
 * zeros removed. Levels are keyed by numeric price, so {@code 45281.0} and {@code 45281.00} are one level; the
 * level keeps the text of its latest message. Mutable and single-threaded: one instance per symbol, owned by
 * the feed that applies its messages in order.
 */
public final class KrakenOrderBook {
  private static final int CHECKSUM_LEVELS = 10;

  private final int depth;
  private final NavigableMap<BigDecimal, KrakenBookLevel> bids = new TreeMap<>(Comparator.reverseOrder());
  private final NavigableMap<BigDecimal, KrakenBookLevel> asks = new TreeMap<>();

  public KrakenOrderBook(int depth) {
    if (depth <= 0) {
      throw new IllegalArgumentException("depth must be positive: " + depth);
    }
    this.depth = depth;
  }

  /** Replaces the whole book with a snapshot. */
  public void applySnapshot(List<KrakenBookLevel> bidLevels, List<KrakenBookLevel> askLevels) {
    bids.clear();
    asks.clear();
    applyUpdate(bidLevels, askLevels);
  }

  /**
   * Applies every level of one message in the order sent, then truncates each side to the subscribed depth,
   * because Kraken sends no deletion for a level that an insert pushes out of scope.
   */
  public void applyUpdate(List<KrakenBookLevel> bidLevels, List<KrakenBookLevel> askLevels) {
    bidLevels.forEach(level -> apply(bids, level));
    askLevels.forEach(level -> apply(asks, level));
    truncate(bids);
    truncate(asks);
  }

  /** The unsigned CRC32 of the top 10 levels per side, comparable with a message's {@code checksum}. */
  public long checksum() {
    CRC32 crc = new CRC32();
    crc.update(checksumText().getBytes(StandardCharsets.US_ASCII));
    return crc.getValue();
  }

  public boolean verify(long expected) {
    return checksum() == expected;
  }

  public Optional<KrakenBookLevel> bestBid() {
    return Optional.ofNullable(bids.firstEntry()).map(Map.Entry::getValue);
  }

  public Optional<KrakenBookLevel> bestAsk() {
    return Optional.ofNullable(asks.firstEntry()).map(Map.Entry::getValue);
  }

  /** Bids, best (highest) first. */
  public List<KrakenBookLevel> bids() {
    return List.copyOf(bids.values());
  }

  /** Asks, best (lowest) first. */
  public List<KrakenBookLevel> asks() {
    return List.copyOf(asks.values());
  }

  String checksumText() {
    StringBuilder text = new StringBuilder();
    appendTop(asks, text);
    appendTop(bids, text);
    return text.toString();
  }

  private static void apply(NavigableMap<BigDecimal, KrakenBookLevel> side, KrakenBookLevel level) {
    if (level.removesLevel()) {
      side.remove(level.price());
    } else {
      side.put(level.price(), level);
    }
  }

  private void truncate(NavigableMap<BigDecimal, KrakenBookLevel> side) {
    while (side.size() > depth) {
      side.pollLastEntry();
    }
  }

  private static void appendTop(NavigableMap<BigDecimal, KrakenBookLevel> side, StringBuilder text) {
    side.values().stream().limit(CHECKSUM_LEVELS)
        .forEach(level -> text.append(digits(level.price())).append(digits(level.qty())));
  }

  private static String digits(BigDecimal value) {
    String withoutPoint = value.toPlainString().replace(".", "");
    int firstNonZero = 0;
    while (firstNonZero < withoutPoint.length() && withoutPoint.charAt(firstNonZero) == '0') {
      firstNonZero++;
    }
    return withoutPoint.substring(firstNonZero);
  }
}
