package org.peaktrade.engine.strategy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every strategy the command line can run, by name. {@link #create} turns {@code --param name=value} text into a
 * fresh strategy, and every way that can fail is an {@link IllegalArgumentException} whose message says what
 * would have been valid.
 */
public final class StrategyCatalog {

  private static final List<StrategyDefinition> ALL = List.of(
      MovingAverageCross.DEFINITION,
      PriceSmaCross.DEFINITION,
      RsiReversion.DEFINITION,
      DonchianBreakout.DEFINITION,
      BollingerReversion.DEFINITION,
      MacdCross.DEFINITION,
      RateOfChangeMomentum.DEFINITION,
      ZScoreReversion.DEFINITION,
      AdxTrend.DEFINITION);

  private StrategyCatalog() {}

  public static List<StrategyDefinition> all() {
    return ALL;
  }

  /** The definition called {@code name}; an unknown name fails with the list of valid names. */
  public static StrategyDefinition get(String name) {
    return ALL.stream()
        .filter(definition -> definition.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + name + "'; valid strategies: "
            + ALL.stream().map(StrategyDefinition::name).collect(Collectors.joining(", "))));
  }

  /** A fresh strategy from command-line parameters; parameters not given take their defaults. */
  public static Strategy create(String name, Map<String, String> params) {
    return get(name).create(params);
  }
}
