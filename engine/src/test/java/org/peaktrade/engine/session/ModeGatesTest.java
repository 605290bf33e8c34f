package org.peaktrade.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.BTC;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;
import org.peaktrade.engine.killswitch.GateDecision;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.session.MarketDataSource;
import org.peaktrade.protocol.session.MissingGate;
import org.peaktrade.protocol.session.ModeGate;
import org.peaktrade.protocol.session.ModeGateResult;
import org.peaktrade.protocol.session.SessionMode;

class ModeGatesTest {
  private static final String TOKEN = "go-live-2022";
  private static final ApprovalCodeHash TOKEN_HASH =
      ApprovalCodeHash.parse(ApprovalCodeHash.create(TOKEN.toCharArray(), 1_000, new SecureRandom()));
  private static final LivePolicy OPEN = new LivePolicy(true, true, false, TOKEN_HASH, Set.of("ma-cross"), Set.of(BTC));
  private static final GateDecision KILLED = GateDecision.blocked("global", "KILLED by MANUAL (ops): drill");

  private static SessionStart start(SessionMode mode, MarketDataSource data) {
    return new SessionStart(mode, "ma-cross", BTC, data, TOKEN);
  }

  private static ModeGateResult live(LivePolicy policy, boolean adapter, SessionStart start, GateDecision killSwitch) {
    return new ModeGates(policy, adapter).evaluate(start, killSwitch);
  }

  @ParameterizedTest
  @EnumSource(MarketDataSource.class)
  void paperStartsOnAnyDataSourceWithoutFurtherGates(MarketDataSource data) {
    ModeGateResult result = new ModeGates(LivePolicy.DISABLED, false)
        .evaluate(new SessionStart(SessionMode.PAPER, "anything", BTC, data, null), KILLED);

    assertThat(result.allowed()).isTrue();
    assertThat(result.message()).isEqualTo("PAPER allowed");
  }

  @Test
  void shadowRefusesSyntheticData() {
    ModeGateResult result = new ModeGates(LivePolicy.DISABLED, false)
        .evaluate(start(SessionMode.SHADOW, MarketDataSource.SYNTHETIC), GateDecision.ALLOWED);

    assertThat(result.missing()).containsExactly(new MissingGate(ModeGate.REAL_MARKET_DATA,
        "SHADOW needs real market data (live or a replay of recorded candles); the session's source is SYNTHETIC"));
  }

  @ParameterizedTest
  @EnumSource(value = MarketDataSource.class, names = {"LIVE", "REPLAY"})
  void shadowStartsOnLiveOrReplayedRealDataWithoutAnExchangeAdapterOrLivePolicy(MarketDataSource data) {
    ModeGateResult result = new ModeGates(LivePolicy.DISABLED, false)
        .evaluate(start(SessionMode.SHADOW, data), KILLED);

    assertThat(result.allowed()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = MarketDataSource.class, names = {"REPLAY", "SYNTHETIC"})
  void testnetRefusesDataThatIsNotLive(MarketDataSource data) {
    ModeGateResult result = new ModeGates(LivePolicy.DISABLED, true)
        .evaluate(start(SessionMode.TESTNET, data), GateDecision.ALLOWED);

    assertThat(result.missing()).containsExactly(new MissingGate(ModeGate.LIVE_MARKET_DATA,
        "TESTNET needs live market data; the session's source is " + data));
  }

  @Test
  void testnetRefusesToStartWithoutAnExchangeAdapter() {
    ModeGateResult result = new ModeGates(LivePolicy.DISABLED, false)
        .evaluate(start(SessionMode.TESTNET, MarketDataSource.LIVE), GateDecision.ALLOWED);

    assertThat(result.missing()).containsExactly(new MissingGate(ModeGate.EXCHANGE_ADAPTER_AVAILABLE,
        "no exchange adapter is available, so TESTNET cannot reach an exchange"));
  }

  @Test
  void testnetStartsWithAnAdapterAndLiveDataWithoutTheLivePolicy() {
    ModeGateResult result = new ModeGates(LivePolicy.DISABLED, true)
        .evaluate(start(SessionMode.TESTNET, MarketDataSource.LIVE), KILLED);

    assertThat(result.allowed()).isTrue();
  }

  @Test
  void liveStartsOnlyWhenEveryGateHolds() {
    ModeGateResult result = live(OPEN, true, start(SessionMode.LIVE, MarketDataSource.LIVE), GateDecision.ALLOWED);

    assertThat(result.allowed()).isTrue();
  }

  @Test
  void liveIsRefusedTodayBecauseNoExchangeAdapterExistsEvenWhenThePolicyHolds() {
    ModeGateResult result = live(OPEN, false, start(SessionMode.LIVE, MarketDataSource.LIVE), GateDecision.ALLOWED);

    assertThat(result.missingGates()).containsExactly(ModeGate.EXCHANGE_ADAPTER_AVAILABLE);
  }

  @Test
  void liveWithNothingInPlaceListsEveryMissingGateInOrder() {
    SessionStart start = new SessionStart(SessionMode.LIVE, "rsi", Symbol.of("ETH/USD"), MarketDataSource.REPLAY,
        null);

    ModeGateResult result = live(LivePolicy.DISABLED, false, start, KILLED);

    assertThat(result.missingGates()).containsExactlyElementsOf(
        Arrays.stream(ModeGate.values()).filter(g -> g != ModeGate.REAL_MARKET_DATA).toList());
    assertThat(result.message()).isEqualTo("LIVE refused: "
        + "LIVE_MARKET_DATA (LIVE needs live market data; the session's source is REPLAY); "
        + "EXCHANGE_ADAPTER_AVAILABLE (no exchange adapter is available, so LIVE cannot reach an exchange); "
        + "LIVE_TRADING_ENABLED (live trading is disabled in config); "
        + "LIVE_MODE_ARMED (live mode is not armed); "
        + "DRY_RUN_OFF (dry-run is on); "
        + "CONFIRM_TOKEN_VALID (no confirm token hash is configured); "
        + "KILL_SWITCH_ACTIVE (kill switch blocks: global: KILLED by MANUAL (ops): drill); "
        + "STRATEGY_ALLOWLISTED (strategy 'rsi' is not on the live allowlist []); "
        + "SYMBOL_ALLOWLISTED (symbol ETH/USD is not on the live allowlist [])");
  }

  @ParameterizedTest
  @EnumSource(value = ModeGate.class, mode = EnumSource.Mode.EXCLUDE, names = "REAL_MARKET_DATA")
  void eachLiveGateAloneBlocksLiveAndIsNamed(ModeGate broken) {
    LivePolicy policy = OPEN;
    boolean adapter = true;
    SessionStart start = start(SessionMode.LIVE, MarketDataSource.LIVE);
    GateDecision killSwitch = GateDecision.ALLOWED;
    switch (broken) {
      case LIVE_MARKET_DATA -> start = start(SessionMode.LIVE, MarketDataSource.SYNTHETIC);
      case EXCHANGE_ADAPTER_AVAILABLE -> adapter = false;
      case LIVE_TRADING_ENABLED -> policy = new LivePolicy(false, true, false, TOKEN_HASH, OPEN.strategies(),
          OPEN.symbols());
      case LIVE_MODE_ARMED -> policy = new LivePolicy(true, false, false, TOKEN_HASH, OPEN.strategies(),
          OPEN.symbols());
      case DRY_RUN_OFF -> policy = new LivePolicy(true, true, true, TOKEN_HASH, OPEN.strategies(), OPEN.symbols());
      case CONFIRM_TOKEN_VALID -> start = new SessionStart(SessionMode.LIVE, "ma-cross", BTC, MarketDataSource.LIVE,
          "guess");
      case KILL_SWITCH_ACTIVE -> killSwitch = GateDecision.blocked("session:live-1", "stale for 7.2s");
      case STRATEGY_ALLOWLISTED -> start = new SessionStart(SessionMode.LIVE, "rsi", BTC, MarketDataSource.LIVE,
          TOKEN);
      case SYMBOL_ALLOWLISTED -> start = new SessionStart(SessionMode.LIVE, "ma-cross", Symbol.of("ETH/USD"),
          MarketDataSource.LIVE, TOKEN);
    }

    ModeGateResult result = live(policy, adapter, start, killSwitch);

    assertThat(result.missingGates()).containsExactly(broken);
    assertThat(result.allowed()).isFalse();
  }

  @Test
  void aWrongOrMissingConfirmTokenIsNamedWithoutEchoingIt() {
    ModeGateResult wrong = live(OPEN, true,
        new SessionStart(SessionMode.LIVE, "ma-cross", BTC, MarketDataSource.LIVE, "hunter2"), GateDecision.ALLOWED);
    ModeGateResult missing = live(OPEN, true,
        new SessionStart(SessionMode.LIVE, "ma-cross", BTC, MarketDataSource.LIVE, null), GateDecision.ALLOWED);

    assertThat(wrong.missing()).containsExactly(
        new MissingGate(ModeGate.CONFIRM_TOKEN_VALID, "the confirm token does not match"));
    assertThat(missing.missing()).containsExactly(
        new MissingGate(ModeGate.CONFIRM_TOKEN_VALID, "no confirm token was given"));
    assertThat(wrong.message()).doesNotContain("hunter2");
  }

  @Test
  void theKillSwitchGateSaysWhatBlocks() {
    ModeGateResult result = live(OPEN, true, start(SessionMode.LIVE, MarketDataSource.LIVE), KILLED);

    assertThat(result.missing()).containsExactly(new MissingGate(ModeGate.KILL_SWITCH_ACTIVE,
        "kill switch blocks: global: KILLED by MANUAL (ops): drill"));
  }

  @Test
  void aSessionStartNeverShowsItsConfirmToken() {
    assertThat(start(SessionMode.LIVE, MarketDataSource.LIVE).toString())
        .isEqualTo("SessionStart[mode=LIVE, strategy=ma-cross, symbol=BTC/USD, data=LIVE, confirmToken=***]");
  }
}
