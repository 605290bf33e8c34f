package org.peaktrade.engine.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * Keeps one symbol's closed candles exactly-once and in order across WebSocket reconnections.
 *
 * <p>While connected, running candles go through a {@link CandleAssembler}. When the connection is lost, the
 * forming candle may have missed trades, so it is discarded and the stitcher resynchronises on the first running
 * candle of the new connection: candles at or before the last emitted one (the snapshot repeats history) are
 * dropped; a candle that opens right after the last emitted one resumes the stream; a candle that opens later
 * leaves a hole the WebSocket cannot fill (it omits minutes without trades, and it did not deliver the minutes
 * of the outage), so the stitcher asks for a REST OHLC backfill of exactly that hole and continues with
 * {@link #onBackfill}. REST rows outside the hole or already emitted are ignored. If REST cannot fill the whole
 * hole, what it did return is emitted and the rest stays a gap for the validator downstream to report.
 *
 * <p>Pure and single-threaded: the stream stage that owns it serialises calls, and waits for the backfill.
 */
public final class CandleStitcher {
  private final Symbol symbol;
  private final Duration interval;
  private CandleAssembler assembler;
  private Bar lastEmitted;
  private boolean resyncing = true;

  public CandleStitcher(Symbol symbol, Duration interval) {
    this.symbol = Objects.requireNonNull(symbol, "symbol");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  /** What to do after one running candle. */
  public sealed interface Step {}

  /** Emit these closed bars (possibly none). */
  public record Emit(List<Bar> closed) implements Step {
    public Emit {
      closed = List.copyOf(closed);
    }
  }

  /** The candle repeats history already emitted (a snapshot after a reconnect); nothing to do. */
  public record AlreadyEmitted(Bar candle) implements Step {}

  /**
   * The candle is unusable: {@code MALFORMED} (wrong symbol or interval, off the grid), {@code DUPLICATE} (it
   * repeats the last closed candle on a live connection) or {@code OUT_OF_ORDER} (older than that).
   */
  public record Rejected(BarValidator.Reason reason, String detail) implements Step {}

  /**
   * Fetch the closed REST candles that open in {@code [from, to)}, then call {@link #onBackfill} with them and
   * {@code resumeWith}.
   */
  public record Backfill(Instant from, Instant to, Bar resumeWith) implements Step {}

  /**
   * Before the first connection: {@code stored} is the newest closed candle kept from before (the node's candle
   * store), so the first running candle after it asks for the REST backfill of the hole since, as after a reconnect.
   * Ignored once a candle was emitted, and for a candle of another series.
   */
  public void resumeAfter(Bar stored) {
    if (lastEmitted == null && stored.symbol().equals(symbol) && stored.interval().equals(interval)) {
      lastEmitted = stored;
    }
  }

  /** The connection was lost: the forming candle is discarded and the next candle resynchronises. */
  public void connectionLost() {
    resyncing = true;
    assembler = null;
  }

  public Step onRunningCandle(Bar running) {
    if (!running.symbol().equals(symbol) || !running.interval().equals(interval)) {
      return new Rejected(BarValidator.Reason.MALFORMED, "candle for " + running.symbol() + " " + running.interval() + " fed to the " + symbol
          + " " + interval + " stitcher");
    }
    if (running.openTime().toEpochMilli() % interval.toMillis() != 0) {
      return new Rejected(BarValidator.Reason.MALFORMED, "candle open time " + running.openTime() + " is not on the " + interval + " grid");
    }
    if (lastEmitted != null && !running.openTime().isAfter(lastEmitted.openTime())) {
      if (resyncing) {
        return new AlreadyEmitted(running);
      }
      boolean duplicate = running.openTime().equals(lastEmitted.openTime());
      return new Rejected(duplicate ? BarValidator.Reason.DUPLICATE : BarValidator.Reason.OUT_OF_ORDER,
          symbol + " candle at " + running.openTime() + (duplicate ? " was already closed" : " is older than the "
              + "last closed candle at " + lastEmitted.openTime()));
    }
    if (resyncing) {
      if (lastEmitted != null && running.openTime().isAfter(lastEmitted.closeTime())) {
        return new Backfill(lastEmitted.closeTime(), running.openTime(), running);
      }
      return resume(List.of(), running);
    }
    CandleAssembler.Outcome outcome = assembler.onRunningCandle(running);
    if (outcome.rejected()) {
      return new Rejected(BarValidator.Reason.OUT_OF_ORDER, outcome.rejection());
    }
    return new Emit(remember(outcome.closed()));
  }

  /** Emits the REST candles that fill the hole in order, then resumes the live stream with {@code resumeWith}. */
  public List<Bar> onBackfill(List<Bar> restCandles, Bar resumeWith) {
    Instant holeEnd = resumeWith.openTime();
    List<Bar> fill = new ArrayList<>();
    restCandles.stream()
        .filter(bar -> bar.symbol().equals(symbol) && bar.interval().equals(interval))
        .filter(bar -> bar.openTime().isBefore(holeEnd))
        .sorted(Comparator.comparing(Bar::openTime))
        .forEach(bar -> {
          Instant after = fill.isEmpty() ? (lastEmitted == null ? null : lastEmitted.openTime())
              : fill.get(fill.size() - 1).openTime();
          if (after == null || bar.openTime().isAfter(after)) {
            fill.add(bar);
          }
        });
    return resume(fill, resumeWith).closed();
  }

  private Emit resume(List<Bar> fill, Bar running) {
    assembler = new CandleAssembler(symbol, interval);
    assembler.onRunningCandle(running);
    resyncing = false;
    return new Emit(remember(fill));
  }

  private List<Bar> remember(List<Bar> closed) {
    if (!closed.isEmpty()) {
      lastEmitted = closed.get(closed.size() - 1);
    }
    return closed;
  }

  /** The last bar emitted as closed, if any. */
  public Optional<Bar> lastEmitted() {
    return Optional.ofNullable(lastEmitted);
  }

  /** The candle still forming on the current connection (never emitted as closed). */
  public Optional<Bar> forming() {
    return assembler == null ? Optional.empty() : assembler.forming();
  }
}
