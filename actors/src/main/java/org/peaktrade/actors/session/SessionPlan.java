package org.peaktrade.actors.session;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.peaktrade.actors.risk.RiskConfig;
import org.peaktrade.engine.execution.EntryStyle;
import org.peaktrade.engine.execution.FeeModel;
import org.peaktrade.engine.execution.Sizing;
import org.peaktrade.engine.execution.SlippageModel;
import org.peaktrade.engine.killswitch.GateDecision;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.engine.session.ModeGates;
import org.peaktrade.engine.session.SessionStart;
import org.peaktrade.engine.strategy.Strategy;
import org.peaktrade.engine.strategy.StrategyCatalog;
import org.peaktrade.engine.strategy.StrategyDefinition;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.session.ModeGateResult;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * A {@link SessionSpec} checked against this node and resolved into what a {@link TradingSession} runs: a strategy
 * factory, the sizing rule, the risk limits of its profile, the instrument, paper fill costs (the spec's fee for
 * maker and taker fills alike, its slippage on taker fills) and the symbol's bar feed.
 *
 * @param strategies makes a fresh strategy (a restarted strategy runner gets a new one)
 */
public record SessionPlan(SessionSpec spec, Instrument instrument, Supplier<Strategy> strategies, Sizing sizing,
    EntryStyle entry, boolean allowShort, FeeModel fees, SlippageModel slippage, RiskLimits risk, BarFeed feed) {
  /** Client order ids are {@code <session id>-<sequence>} and at most 64 characters long. */
  static final int MAX_ID_LENGTH = 40;

  public SessionPlan {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(strategies, "strategies");
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(slippage, "slippage");
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(feed, "feed");
  }

  public String id() {
    return spec.id();
  }

  public Symbol symbol() {
    return spec.symbol();
  }

  /**
   * Checks {@code spec} and resolves it, or throws {@link SessionRefusedException} naming every problem found: the id
   * length, the strategy and its parameters (with the valid ones), the sizing rule, the risk profile (with the
   * known ones), the symbol's feed (with the subscribed symbols) and every missing mode gate.
   */
  public static SessionPlan resolve(SessionSpec spec, SessionSettings settings, Config config, SessionFeeds feeds,
      ModeGates gates, GateDecision killSwitch) {
    List<String> problems = new ArrayList<>();
    if (spec.id().length() > MAX_ID_LENGTH) {
      problems.add("session id '" + spec.id() + "' is longer than " + MAX_ID_LENGTH
          + " characters (client order ids are the id plus a sequence number, at most 64 characters)");
    }
    StrategyDefinition definition = attempt(problems, () -> StrategyCatalog.get(spec.strategy()));
    if (definition != null) {
      attempt(problems, () -> definition.create(spec.params()));
    }
    Sizing sizing = attempt(problems, () -> Sizing.parse(spec.sizing()));
    RiskLimits risk = riskLimits(spec, config, problems);
    Optional<BarFeed> feed = feeds.feed(spec.symbol());
    if (feed.isEmpty()) {
      problems.add("no market data for symbol " + spec.symbol() + " on this node; subscribed: "
          + feeds.symbols().stream().map(Symbol::value).collect(Collectors.joining(", ", "[", "]")));
    } else {
      ModeGateResult gate = gates.evaluate(new SessionStart(spec.mode(), spec.strategy(), spec.symbol(),
          feed.get().source(), null), killSwitch);
      if (!gate.allowed()) {
        problems.add(gate.message());
      }
    }
    if (!problems.isEmpty()) {
      throw new SessionRefusedException("session " + spec.id() + " refused: " + String.join("; ", problems));
    }
    return new SessionPlan(spec, settings.instrument(spec.symbol()), () -> definition.create(spec.params()), sizing,
        settings.entry(), settings.allowShort(), FeeModel.flat(spec.feeBps()), new SlippageModel(spec.slippageBps()),
        risk, feed.orElseThrow());
  }

  private static RiskLimits riskLimits(SessionSpec spec, Config config, List<String> problems) {
    String portfolio = "default".equals(spec.riskProfile()) ? null : spec.riskProfile();
    try {
      return RiskConfig.limits(config, portfolio, spec.id());
    } catch (ConfigException e) {
      problems.add("risk profile '" + spec.riskProfile() + "': " + e.getMessage());
      return null;
    }
  }

  private static <T> T attempt(List<String> problems, Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
  }
}
