package org.peaktrade.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.peaktrade.engine.marketdata.BarValidator;
import org.peaktrade.engine.marketdata.CandleAssembler;
import org.peaktrade.engine.marketdata.KrakenWsFrame;
import org.peaktrade.engine.marketdata.KrakenWsParser;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * Kraken WebSocket v2 messages per second through the engine's market-data path, one message per operation:
 * a trade update of three trades parsed into validated {@link org.peaktrade.protocol.Trade} records, and an ohlc
 * update (one running candle, as Kraken sends it) parsed, fed to the {@link CandleAssembler} and every bar it
 * closes checked by the {@link BarValidator}.
 *
 * <p>The frames are generated once, {@value #FRAMES} of each, with increasing timestamps and trade ids; every
 * {@value #UPDATES_PER_MINUTE}th ohlc update opens a new minute, so it closes the previous one and the validator
 * accepts it. When the ohlc frames wrap around, time would go backwards, so the assembler and validator start
 * afresh then (once per {@value #FRAMES} operations).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class MarketDataParseBenchmark {
  static final int FRAMES = 1024;
  static final int UPDATES_PER_MINUTE = 4;
  private static final Symbol BTC = Symbol.of("BTC/USD");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

  private final String[] tradeFrames = new String[FRAMES];
  private final String[] ohlcFrames = new String[FRAMES];
  private int nextTrade;
  private int nextOhlc;
  private CandleAssembler assembler;
  private BarValidator validator;

  @Setup
  public void setUp() {
    for (int i = 0; i < FRAMES; i++) {
      tradeFrames[i] = tradeFrame(i);
      ohlcFrames[i] = ohlcFrame(i);
    }
    startAfresh();
  }

  private void startAfresh() {
    assembler = new CandleAssembler(BTC, MINUTE);
    validator = new BarValidator();
  }

  @Benchmark
  public KrakenWsFrame tradeUpdate() {
    String frame = tradeFrames[nextTrade];
    nextTrade = (nextTrade + 1) % FRAMES;
    return KrakenWsParser.parse(frame);
  }

  @Benchmark
  public void ohlcUpdate(Blackhole sink) {
    if (nextOhlc == 0) {
      startAfresh();
    }
    String frame = ohlcFrames[nextOhlc];
    nextOhlc = (nextOhlc + 1) % FRAMES;
    KrakenWsFrame.Candles candles = (KrakenWsFrame.Candles) KrakenWsParser.parse(frame);
    for (Bar running : candles.candles()) {
      CandleAssembler.Outcome outcome = assembler.onRunningCandle(running);
      if (outcome.rejected()) {
        throw new IllegalStateException(outcome.rejection());
      }
      for (Bar closed : outcome.closed()) {
        BarValidator.Verdict verdict = validator.check(closed);
        if (!verdict.accepted()) {
          throw new IllegalStateException(verdict.detail());
        }
        sink.consume(verdict);
      }
    }
  }

  /** Three trades 200 ms apart, prices around 42,000 with one decimal, ids increasing across frames. */
  private static String tradeFrame(int index) {
    StringBuilder frame = new StringBuilder("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[");
    for (int t = 0; t < 3; t++) {
      long id = 81_000_000L + 3L * index + t;
      Instant time = START.plusMillis(600L * index + 200L * t).plusNanos(1_000L * (index % 997));
      frame.append(t == 0 ? "" : ",")
          .append("{\"symbol\":\"BTC/USD\",\"side\":\"").append(t % 2 == 0 ? "buy" : "sell")
          .append("\",\"price\":").append(42_000 + index % 50).append('.').append(t + 1)
          .append(",\"qty\":0.").append(String.format("%08d", 1_234_567 + 31 * index + t))
          .append(",\"ord_type\":\"").append(t == 2 ? "market" : "limit")
          .append("\",\"trade_id\":").append(id)
          .append(",\"timestamp\":\"").append(time).append("\"}");
    }
    return frame.append("]}").toString();
  }

  /** The running candle of minute {@code index / 4}, its fourth version having the widest range. */
  private static String ohlcFrame(int index) {
    int minute = index / UPDATES_PER_MINUTE;
    int version = index % UPDATES_PER_MINUTE + 1;
    Instant begin = START.plus(MINUTE.multipliedBy(minute));
    int open = 42_000 + minute % 40;
    return "{\"channel\":\"ohlc\",\"type\":\"update\",\"timestamp\":\"" + begin.plusSeconds(12L * version)
        + "\",\"data\":[{\"symbol\":\"BTC/USD\",\"open\":" + open + ".5,\"high\":" + (open + version) + ".9,"
        + "\"low\":" + (open - version) + ".1,\"close\":" + (open + version) + ".2,\"trades\":" + (3 * version)
        + ",\"volume\":0." + String.format("%08d", 25_302_078 + 1_000 * version) + ",\"vwap\":" + open + ".7,"
        + "\"interval_begin\":\"" + begin.toString().replace("Z", ".000000000Z") + "\",\"interval\":1,"
        + "\"timestamp\":\"" + begin.plus(MINUTE).toString().replace("Z", ".000000Z") + "\"}]}";
  }
}
