package org.peaktrade.engine.indicator;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses indicator specs such as {@code sma:15}, {@code bbands:20:2} or {@code macd:12:26:9}: a name followed
 * by colon-separated arguments. Column names are the spec with colons replaced by underscores, plus an output
 * suffix for indicators with several outputs ({@code bbands_20_2_lower}). Unknown names, wrong argument counts,
 * unparsable numbers and out-of-range parameters all throw {@link IllegalArgumentException} naming the spec;
 * the first three also list every valid spec.
 */
public final class IndicatorCatalog {

  private record Entry(String name, List<String> parameters, Function<Arguments, IndicatorColumns> factory) {

    String usage() {
      return name + ":" + String.join(":", parameters);
    }
  }

  private static final Map<String, Entry> ENTRIES = entries(
      new Entry("sma", List.of("period"), a -> {
        Sma sma = new Sma(a.integer(0));
        return onClose(a, sma, sma::update, sma::value);
      }),
      new Entry("ema", List.of("period"), a -> {
        Ema ema = new Ema(a.integer(0));
        return onClose(a, ema, ema::update, ema::value);
      }),
      new Entry("wma", List.of("period"), a -> {
        Wma wma = new Wma(a.integer(0));
        return onClose(a, wma, wma::update, wma::value);
      }),
      new Entry("rsi", List.of("period"), a -> {
        Rsi rsi = new Rsi(a.integer(0));
        return onClose(a, rsi, rsi::update, rsi::value);
      }),
      new Entry("atr", List.of("period"), a -> {
        Atr atr = new Atr(a.integer(0));
        return new BarAdapter(atr, (o, h, l, c, v) -> atr.update(h, l, c), List.of(a.prefix()), List.of(atr::value));
      }),
      new Entry("bbands", List.of("period", "k"), a -> {
        BollingerBands bands = new BollingerBands(a.integer(0), a.decimal(1));
        return new BarAdapter(bands, (o, h, l, c, v) -> bands.update(c),
            a.columns("lower", "middle", "upper"), List.of(bands::lower, bands::middle, bands::upper));
      }),
      new Entry("macd", List.of("fast", "slow", "signal"), a -> {
        Macd macd = new Macd(a.integer(0), a.integer(1), a.integer(2));
        return new BarAdapter(macd, (o, h, l, c, v) -> macd.update(c),
            a.columns("macd", "signal", "histogram"), List.of(macd::macd, macd::signal, macd::histogram));
      }),
      new Entry("stoch", List.of("kPeriod", "kSlowing", "dPeriod"), a -> {
        Stochastic stochastic = new Stochastic(a.integer(0), a.integer(1), a.integer(2));
        return new BarAdapter(stochastic, (o, h, l, c, v) -> stochastic.update(h, l, c),
            a.columns("k", "d"), List.of(stochastic::k, stochastic::d));
      }),
      new Entry("donchian", List.of("period"), a -> {
        DonchianChannel channel = new DonchianChannel(a.integer(0));
        return new BarAdapter(channel, (o, h, l, c, v) -> channel.update(h, l),
            a.columns("lower", "middle", "upper"), List.of(channel::lower, channel::middle, channel::upper));
      }),
      new Entry("adx", List.of("period"), a -> {
        Adx adx = new Adx(a.integer(0));
        return new BarAdapter(adx, (o, h, l, c, v) -> adx.update(h, l, c),
            a.columns("adx", "plus_di", "minus_di"), List.of(adx::adx, adx::plusDi, adx::minusDi));
      }),
      new Entry("cci", List.of("period"), a -> {
        Cci cci = new Cci(a.integer(0));
        return new BarAdapter(cci, (o, h, l, c, v) -> cci.update(h, l, c), List.of(a.prefix()), List.of(cci::value));
      }),
      new Entry("zscore", List.of("period"), a -> {
        ZScore zScore = new ZScore(a.integer(0));
        return onClose(a, zScore, zScore::update, zScore::value);
      }),
      new Entry("momentum", List.of("period"), a -> {
        Momentum momentum = new Momentum(a.integer(0));
        return onClose(a, momentum, momentum::update, momentum::value);
      }),
      new Entry("roc", List.of("period"), a -> {
        RateOfChange roc = new RateOfChange(a.integer(0));
        return onClose(a, roc, roc::update, roc::value);
      }));

  private IndicatorCatalog() {}

  /** Builds a fresh, empty indicator from a spec like {@code macd:12:26:9}; names are case-insensitive. */
  public static IndicatorColumns parse(String spec) {
    String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":", -1);
    Entry entry = ENTRIES.get(parts[0]);
    if (entry == null) {
      throw invalid(spec, "unknown indicator '" + parts[0] + "'");
    }
    String[] arguments = Arrays.copyOfRange(parts, 1, parts.length);
    if (arguments.length != entry.parameters().size()) {
      throw invalid(spec, entry.name() + " takes " + entry.parameters().size() + " argument(s) ("
          + entry.usage() + ") but got " + arguments.length);
    }
    try {
      return entry.factory().apply(new Arguments(entry, String.join("_", parts), arguments));
    } catch (InvalidSpec e) {
      throw invalid(spec, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid indicator spec '" + spec + "': " + e.getMessage(), e);
    }
  }

  /** Every accepted spec shape, for help texts: {@code sma:period, ..., roc:period}. */
  public static List<String> validSpecs() {
    return ENTRIES.values().stream().map(Entry::usage).toList();
  }

  private static IllegalArgumentException invalid(String spec, String reason) {
    return new IllegalArgumentException("invalid indicator spec '" + spec + "': " + reason
        + "; valid specs: " + String.join(", ", validSpecs()));
  }

  private static IndicatorColumns onClose(
      Arguments arguments, Indicator indicator, DoubleConsumer update, DoubleSupplier value) {
    return new BarAdapter(indicator, (o, h, l, c, v) -> update.accept(c), List.of(arguments.prefix()), List.of(value));
  }

  private static Map<String, Entry> entries(Entry... entries) {
    return Arrays.stream(entries).collect(Collectors.toMap(
        Entry::name, entry -> entry, (a, b) -> a, LinkedHashMap::new));
  }

  /** A spec argument that is not a number; turned into the full message with the list of valid specs. */
  private static final class InvalidSpec extends RuntimeException {
    InvalidSpec(String message) {
      super(message, null, false, false);
    }
  }

  private record Arguments(Entry entry, String prefix, String[] values) {

    int integer(int index) {
      try {
        return Integer.parseInt(values[index]);
      } catch (NumberFormatException e) {
        throw notANumber(index, "an integer");
      }
    }

    double decimal(int index) {
      try {
        return Double.parseDouble(values[index]);
      } catch (NumberFormatException e) {
        throw notANumber(index, "a number");
      }
    }

    List<String> columns(String... outputs) {
      return Arrays.stream(outputs).map(output -> prefix + "_" + output).toList();
    }

    private InvalidSpec notANumber(int index, String kind) {
      return new InvalidSpec(entry.parameters().get(index) + " must be " + kind + " but was '" + values[index] + "'");
    }
  }
}
