package org.peaktrade.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.fixtures.DemoCandles;
import org.peaktrade.engine.indicator.Oracle.Tolerance;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.averages.WMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelMiddleIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * ta4j 0.22.2 as an independent implementation on 45,031 real BTC 1-minute candles. Where ta4j seeds
 * differently the comparison starts after {@link #DECAYED} bars, when even Wilder's slow decay of
 * (13/14)^1000 has made the seed invisible: its RSI, ATR and ADX use a moving average seeded with the first
 * value instead of Wilder's simple-mean seed, and its EMA (so its MACD) reports NaN for the first
 * {@code period} bars and seeds with the value after them rather than the first one. Everything else is
 * compared from the first bar both define.
 */
class Ta4jOracleTest {

  private static final int DECAYED = 1_000;
  private static final Tolerance TIGHT = new Tolerance(1e-8, 1e-9);

  private static DemoCandles candles;
  private static BarSeries series;
  private static ClosePriceIndicator close;

  @BeforeAll
  static void loadCandles() {
    candles = DemoCandles.btcPerp1m();
    series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).withName("btc-perp").build();
    for (int i = 0; i < candles.size(); i++) {
      series.barBuilder()
          .timePeriod(Duration.ofMinutes(1))
          .endTime(Instant.ofEpochMilli(candles.timestampMs()[i]))
          .openPrice(candles.open()[i])
          .highPrice(candles.high()[i])
          .lowPrice(candles.low()[i])
          .closePrice(candles.close()[i])
          .volume(candles.volume()[i])
          .add();
    }
    close = new ClosePriceIndicator(series);
  }

  @Test
  void smaMatchesTa4j() {
    Sma sma = new Sma(20);
    assertMatches(i -> {
      sma.update(candles.close()[i]);
      return sma.value();
    }, new SMAIndicator(close, 20), 19);
  }

  @Test
  void emaMatchesTa4jOnceItsLaterSeedHasDecayed() {
    Ema ema = new Ema(20);
    assertMatches(i -> {
      ema.update(candles.close()[i]);
      return ema.value();
    }, new EMAIndicator(close, 20), DECAYED);
  }

  @Test
  void wmaMatchesTa4j() {
    Wma wma = new Wma(9);
    assertMatches(i -> {
      wma.update(candles.close()[i]);
      return wma.value();
    }, new WMAIndicator(close, 9), 8);
  }

  @Test
  void rsiMatchesTa4jOnceTheSeedHasDecayed() {
    Rsi rsi = new Rsi(14);
    assertMatches(i -> {
      rsi.update(candles.close()[i]);
      return rsi.value();
    }, new RSIIndicator(close, 14), DECAYED);
  }

  @Test
  void atrMatchesTa4jOnceTheSeedHasDecayed() {
    Atr atr = new Atr(14);
    assertMatches(i -> {
      atr.update(candles.high()[i], candles.low()[i], candles.close()[i]);
      return atr.value();
    }, new ATRIndicator(series, 14), DECAYED);
  }

  @Test
  void bollingerBandsMatchTa4jWithPopulationStandardDeviation() {
    BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
    StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, 20);
    Num k = series.numFactory().numOf(2);
    double[][] ours = perBar(new BollingerBands(20, 2));
    assertSeries(ours[0], new BollingerBandsLowerIndicator(middle, deviation, k), 19);
    assertSeries(ours[1], middle, 19);
    assertSeries(ours[2], new BollingerBandsUpperIndicator(middle, deviation, k), 19);
  }

  @Test
  void macdMatchesTa4jOnceTheSeedsHaveDecayed() {
    Macd macd = new Macd(12, 26, 9);
    double[][] ours = new double[3][candles.size()];
    for (int i = 0; i < candles.size(); i++) {
      macd.update(candles.close()[i]);
      ours[0][i] = macd.macd();
      ours[1][i] = macd.signal();
      ours[2][i] = macd.histogram();
    }
    MACDIndicator theirs = new MACDIndicator(close, 12, 26);
    assertSeries(ours[0], theirs, DECAYED);
    assertSeries(ours[1], theirs.getSignalLine(9), DECAYED);
    assertSeries(ours[2], theirs.getHistogram(9), DECAYED);
  }

  /** ta4j's %K is the fast stochastic; its SMA over 3 bars is the slow %K and a further SMA over 3 the %D. */
  @Test
  void stochasticMatchesTa4jKSmoothedBySmas() {
    StochasticOscillatorKIndicator fastK = new StochasticOscillatorKIndicator(series, 14);
    SMAIndicator slowK = new SMAIndicator(fastK, 3);
    Stochastic stochastic = new Stochastic(14, 3, 3);
    double[][] ours = new double[2][candles.size()];
    for (int i = 0; i < candles.size(); i++) {
      stochastic.update(candles.high()[i], candles.low()[i], candles.close()[i]);
      ours[0][i] = stochastic.k();
      ours[1][i] = stochastic.d();
    }
    assertSeries(ours[0], slowK, 17);
    assertSeries(ours[1], new SMAIndicator(slowK, 3), 17);
  }

  @Test
  void donchianChannelMatchesTa4j() {
    DonchianChannel channel = new DonchianChannel(20);
    double[][] ours = new double[3][candles.size()];
    for (int i = 0; i < candles.size(); i++) {
      channel.update(candles.high()[i], candles.low()[i]);
      ours[0][i] = channel.lower();
      ours[1][i] = channel.middle();
      ours[2][i] = channel.upper();
    }
    assertSeries(ours[0], new DonchianChannelLowerIndicator(series, 20), 19);
    assertSeries(ours[1], new DonchianChannelMiddleIndicator(series, 20), 19);
    assertSeries(ours[2], new DonchianChannelUpperIndicator(series, 20), 19);
  }

  @Test
  void adxMatchesTa4jOnceTheSeedsHaveDecayed() {
    Adx adx = new Adx(14);
    double[][] ours = new double[3][candles.size()];
    for (int i = 0; i < candles.size(); i++) {
      adx.update(candles.high()[i], candles.low()[i], candles.close()[i]);
      ours[0][i] = adx.adx();
      ours[1][i] = adx.plusDi();
      ours[2][i] = adx.minusDi();
    }
    assertSeries(ours[0], new ADXIndicator(series, 14), DECAYED);
    assertSeries(ours[1], new PlusDIIndicator(series, 14), DECAYED);
    assertSeries(ours[2], new MinusDIIndicator(series, 14), DECAYED);
  }

  @Test
  void cciMatchesTa4j() {
    Cci cci = new Cci(20);
    assertMatches(i -> {
      cci.update(candles.high()[i], candles.low()[i], candles.close()[i]);
      return cci.value();
    }, new CCIIndicator(series, 20), 19);
  }

  @Test
  void rateOfChangeMatchesTa4jInPercent() {
    RateOfChange roc = new RateOfChange(10);
    assertMatches(i -> {
      roc.update(candles.close()[i]);
      return roc.value();
    }, new ROCIndicator(close, 10), 10);
  }

  private static double[][] perBar(BollingerBands bands) {
    double[][] out = new double[3][candles.size()];
    for (int i = 0; i < candles.size(); i++) {
      bands.update(candles.close()[i]);
      out[0][i] = bands.lower();
      out[1][i] = bands.middle();
      out[2][i] = bands.upper();
    }
    return out;
  }

  private static void assertMatches(IntToDoubleFunction ours, org.ta4j.core.Indicator<Num> theirs, int from) {
    assertSeries(Oracle.run(candles.size(), ours), theirs, from);
  }

  private static void assertSeries(double[] ours, org.ta4j.core.Indicator<Num> theirs, int from) {
    double[] expected = new double[ours.length];
    for (int i = 0; i < ours.length; i++) {
      expected[i] = theirs.getValue(i).doubleValue();
    }
    assertThat(ours[from]).as("ready at bar %d", from).isNotNaN();
    Oracle.assertRows(ours, expected, from, TIGHT);
  }
}
