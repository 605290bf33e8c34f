package org.peaktrade.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.BTC;
import static org.peaktrade.engine.fixtures.Bars.T0;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Liquidity;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;

class LedgerTest {
  private final Ledger ledger = new Ledger(Money.of("10000"));
  private int sequence;

  private Fill fill(Side side, String quantity, String price, String fee) {
    return new Fill(ClientOrderId.of("t", ++sequence), BTC, side, Quantity.of(quantity), Price.of(price), Money.of(fee),
        Liquidity.TAKER, T0.plusSeconds(60L * sequence));
  }

  @Test
  void buyingPaysNotionalAndFee() {
    ledger.apply(fill(Side.BUY, "2", "100", "0.2"));

    assertThat(ledger.cash()).isEqualTo(Money.of("9799.8"));
    assertThat(ledger.position(BTC).quantity()).isEqualByComparingTo("2");
    assertThat(ledger.position(BTC).costBasis()).isEqualTo(Money.of("200"));
    assertThat(ledger.equity(BTC, Price.of("110"))).isEqualTo(Money.of("10019.8"));
  }

  @Test
  void closingALongRealizesTheDifferenceAndReportsOneRoundTripNetOfBothFees() {
    ledger.apply(fill(Side.BUY, "2", "100", "0.2"));
    List<RoundTrip> closed = ledger.apply(fill(Side.SELL, "2", "120", "0.24"));

    assertThat(ledger.realizedPnl()).isEqualTo(Money.of("40"));
    assertThat(ledger.cash()).isEqualTo(Money.of("10039.56"));
    assertThat(closed).singleElement().satisfies(trip -> {
      assertThat(trip.side()).isEqualTo(Side.BUY);
      assertThat(trip.entryPrice()).isEqualTo(Price.of("100"));
      assertThat(trip.exitPrice()).isEqualTo(Price.of("120"));
      assertThat(trip.fees()).isEqualTo(Money.of("0.44"));
      assertThat(trip.netPnl()).isEqualTo(Money.of("39.56"));
    });
  }

  @Test
  void shortSaleReceivesCashAndBuyingBackLowerIsAProfit() {
    ledger.apply(fill(Side.SELL, "1", "100", "0"));
    assertThat(ledger.cash()).isEqualTo(Money.of("10100"));
    assertThat(ledger.position(BTC).quantity()).isEqualByComparingTo("-1");
    assertThat(ledger.equity(BTC, Price.of("90"))).isEqualTo(Money.of("10010"));

    List<RoundTrip> closed = ledger.apply(fill(Side.BUY, "1", "90", "0"));

    assertThat(ledger.realizedPnl()).isEqualTo(Money.of("10"));
    assertThat(ledger.cash()).isEqualTo(Money.of("10010"));
    assertThat(ledger.position(BTC).isFlat()).isTrue();
    assertThat(closed).singleElement().satisfies(trip -> {
      assertThat(trip.side()).isEqualTo(Side.SELL);
      assertThat(trip.netPnl()).isEqualTo(Money.of("10"));
    });
  }

  @Test
  void shortBoughtBackHigherIsALoss() {
    ledger.apply(fill(Side.SELL, "1", "100", "0"));
    ledger.apply(fill(Side.BUY, "1", "130", "0"));

    assertThat(ledger.realizedPnl()).isEqualTo(Money.of("-30"));
    assertThat(ledger.cash()).isEqualTo(Money.of("9970"));
  }

  @Test
  void reversingFillClosesTheLongAndOpensAShortSplittingTheFeeProRata() {
    ledger.apply(fill(Side.BUY, "1", "100", "0"));
    List<RoundTrip> closed = ledger.apply(fill(Side.SELL, "3", "110", "0.3"));

    assertThat(closed).singleElement().satisfies(trip -> {
      assertThat(trip.grossPnl()).isEqualTo(Money.of("10"));
      assertThat(trip.fees()).isEqualTo(Money.of("0.1"));
    });
    Position position = ledger.position(BTC);
    assertThat(position.quantity()).isEqualByComparingTo("-2");
    assertThat(position.costBasis()).isEqualTo(Money.of("-220"));
    assertThat(position.averageEntryPrice()).isEqualTo(Price.of("110"));
    assertThat(ledger.totalFees()).isEqualTo(Money.of("0.3"));
  }

  @Test
  void partialCloseReleasesProportionalCostAndKeepsTheRest() {
    ledger.apply(fill(Side.BUY, "1", "100", "0"));
    ledger.apply(fill(Side.BUY, "2", "103", "0"));
    assertThat(ledger.position(BTC).averageEntryPrice()).isEqualTo(Price.of("102"));

    List<RoundTrip> closed = ledger.apply(fill(Side.SELL, "1", "105", "0"));

    assertThat(closed).isEmpty();
    assertThat(ledger.realizedPnl()).isEqualTo(Money.of("3"));
    assertThat(ledger.position(BTC).costBasis()).isEqualTo(Money.of("204"));
  }

  @Test
  void proRataCostThatDoesNotDivideEvenlyLosesNothingOverTheWholeTrade() {
    ledger.apply(fill(Side.BUY, "3", "100.1", "0"));
    ledger.apply(fill(Side.SELL, "1", "100", "0"));
    ledger.apply(fill(Side.SELL, "1", "100", "0"));
    ledger.apply(fill(Side.SELL, "1", "100", "0"));

    assertThat(ledger.realizedPnl()).isEqualTo(Money.of("-0.3"));
    assertThat(ledger.cash()).isEqualTo(Money.of("9999.7"));
  }

  @Test
  void equityIsStartingCashPlusRealizedMinusFeesPlusUnrealized() {
    ledger.apply(fill(Side.BUY, "0.5", "100.3", "0.05"));
    ledger.apply(fill(Side.SELL, "1.25", "101.7", "0.12"));
    ledger.apply(fill(Side.BUY, "0.25", "99.9", "0.01"));
    Price mark = Price.of("98.6");

    Money identity = ledger.startingCash().plus(ledger.realizedPnl()).minus(ledger.totalFees())
        .plus(ledger.position(BTC).unrealizedPnl(mark));
    assertThat(ledger.equity(BTC, mark)).isEqualTo(identity);
    assertThat(ledger.position(BTC).quantity()).isEqualByComparingTo(new BigDecimal("-0.5"));
  }

  @RepeatedTest(200)
  void equityIdentityHoldsExactlyForRandomFillSequences(RepetitionInfo repetition) {
    SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
    Ledger randomLedger = new Ledger(Money.of("10000"));
    Price mark = Price.of("100");
    for (int i = 0; i < 40; i++) {
      Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
      String quantity = BigDecimal.valueOf(1 + random.nextInt(300_000), 5).toPlainString();
      mark = new Price(BigDecimal.valueOf(5_000 + random.nextInt(10_000), 2));
      String fee = BigDecimal.valueOf(random.nextInt(1_000), 4).toPlainString();
      randomLedger.apply(new Fill(ClientOrderId.of("r", i), BTC, side, Quantity.of(quantity), mark, Money.of(fee),
          Liquidity.TAKER, T0.plusSeconds(i)));
      Position position = randomLedger.position(BTC);
      Money identity = randomLedger.startingCash().plus(randomLedger.realizedPnl())
          .minus(randomLedger.totalFees()).plus(position.unrealizedPnl(mark));
      assertThat(randomLedger.equity(BTC, mark)).isEqualTo(identity);
    }
  }
}
