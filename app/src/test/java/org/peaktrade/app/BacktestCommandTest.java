package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {
  private static final String BTC_1M = CliRun.demo("btc-perp-1m-2022-01.csv");

  @TempDir
  Path out;

  private JsonNode stats() throws IOException {
    return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(out.resolve("stats.json").toFile());
  }

  private static BigDecimal sumColumn(Path csv, int column) throws IOException {
    return Files.readAllLines(csv).stream().skip(1).map(line -> new BigDecimal(line.split(",")[column]))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Replays fills.csv: buys pay notional + fee, sells receive notional - fee. */
  private BigDecimal cashFromFills(BigDecimal cash) throws IOException {
    List<String> lines = Files.readAllLines(out.resolve("fills.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      BigDecimal notional = new BigDecimal(f[2]).multiply(new BigDecimal(f[3]));
      BigDecimal fee = new BigDecimal(f[4]);
      cash = f[1].equals("buy") ? cash.subtract(notional).subtract(fee) : cash.add(notional).subtract(fee);
    }
    return cash;
  }

  @Test
  void writesEveryOutputAndTheLedgerAddsUpToTheCent() throws IOException {
    CliRun run = CliRun.of("backtest", "--data", BTC_1M, "--strategy", "ma-cross", "--param", "fast=20",
        "--param", "slow=60", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    for (String file : List.of("fills.csv", "trades.csv", "equity.csv", "stats.json", "report.html")) {
      assertThat(out.resolve(file)).isNotEmptyFile();
    }
    JsonNode stats = stats();
    assertThat(stats.get("bars").asInt()).isEqualTo(45_031);
    assertThat(stats.get("params").get("fast").asText()).isEqualTo("20");
    BigDecimal fees = sumColumn(out.resolve("fills.csv"), 4);
    assertThat(stats.get("total_fees").decimalValue()).isEqualByComparingTo(fees);
    assertThat(stats.get("final_cash").decimalValue()).isEqualByComparingTo(cashFromFills(new BigDecimal("10000")));
    BigDecimal lastClose = new BigDecimal("38544.0");
    assertThat(stats.get("final_equity").decimalValue()).isEqualByComparingTo(
        stats.get("final_cash").decimalValue().add(stats.get("open_position").decimalValue().multiply(lastClose)));
    assertThat(Files.readAllLines(out.resolve("equity.csv"))).hasSize(45_032);
    assertThat(Files.readString(out.resolve("report.html"))).contains("<svg").doesNotContain("<script");
  }

  @Test
  void readsKrakenOhlcJson() throws IOException {
    CliRun run = CliRun.of("backtest", "--data", CliRun.demo("kraken-ohlc-xbtusdt-1m.json"), "--strategy",
        "price-sma-cross", "--param", "period=5", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(stats().get("bars").asInt()).isEqualTo(720);
  }

  @Test
  void aggregatesATradesFileToBars() throws IOException {
    CliRun run = CliRun.of("backtest", "--data", CliRun.demo("kraken-trades-bcheur.csv"), "--bar", "5m",
        "--symbol", "BCH/EUR", "--strategy", "momentum", "--param", "period=3", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(stats().get("symbol").asText()).isEqualTo("BCH/EUR");
    assertThat(stats().get("bar_interval").asText()).isEqualTo("PT5M");
  }

  @Test
  void unknownStrategyExitsWithUsageCodeAndListsTheValidOnes() {
    CliRun run = CliRun.of("backtest", "--data", BTC_1M, "--strategy", "moon", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("unknown strategy 'moon'").contains("ma-cross").contains("adx-trend");
  }

  @Test
  void unknownParameterListsTheStrategysParameters() {
    CliRun run = CliRun.of("backtest", "--data", BTC_1M, "--strategy", "ma-cross", "--param", "fats=3",
        "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("'fats'").contains("fast=10").contains("slow=30");
  }

  @Test
  void malformedRowStopsTheRunNamingFileAndLine() throws IOException {
    Path csv = out.resolve("bad.csv");
    Files.writeString(csv, "timestamp_ms,open,high,low,close,volume\n"
        + "1640991660000,100,101,99,100,1\n"
        + "1640991720000,100,NaN,99,100,1\n");

    CliRun run = CliRun.of("backtest", "--data", csv.toString(), "--strategy", "ma-cross", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("bad.csv:3:").contains("NaN");
    assertThat(out.resolve("stats.json")).doesNotExist();
  }

  @Test
  void skipBadRowsSkipsAndStillRuns() throws IOException {
    Path csv = out.resolve("some-bad.csv");
    StringBuilder rows = new StringBuilder("timestamp_ms,open,high,low,close,volume\n");
    for (int i = 0; i < 50; i++) {
      String high = i == 10 ? "90" : "101";
      rows.append(1_640_991_660_000L + 60_000L * i).append(",100,").append(high).append(",99,100,1\n");
    }
    Files.writeString(csv, rows);

    CliRun run = CliRun.of("backtest", "--data", csv.toString(), "--strategy", "ma-cross", "--skip-bad-rows",
        "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(stats().get("bars").asInt()).isEqualTo(49);
  }

  @Test
  void missingFileIsBadInput() {
    CliRun run = CliRun.of("backtest", "--data", out.resolve("nope.csv").toString(), "--strategy", "ma-cross");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("nope.csv");
  }

  @Test
  void aParticipationLimitSplitsFillsOverLaterBarsLikeThePaperVenue() throws IOException {
    List<String> args = List.of("backtest", "--data", CliRun.demo("kraken-ohlc-xbtusdt-1m.json"), "--strategy",
        "price-sma-cross", "--param", "period=5", "--size", "qty:0.01", "--fee-bps", "0", "--slippage-bps", "0");
    Path whole = out.resolve("whole");
    Path limited = out.resolve("limited");
    CliRun unlimited = CliRun.of(concat(args, "--out", whole.toString()));
    CliRun capped = CliRun.of(concat(args, "--max-participation-pct", "50", "--out", limited.toString()));

    assertThat(unlimited.exitCode()).as(unlimited.err()).isZero();
    assertThat(capped.exitCode()).as(capped.err()).isZero();
    List<BigDecimal> wholeQuantities = column(whole.resolve("fills.csv"), 2);
    List<BigDecimal> cappedQuantities = column(limited.resolve("fills.csv"), 2);
    assertThat(wholeQuantities).isNotEmpty().allSatisfy(q -> assertThat(q).isGreaterThanOrEqualTo(
        new BigDecimal("0.01")));
    assertThat(cappedQuantities).anySatisfy(q -> assertThat(q).isLessThan(new BigDecimal("0.01")));
    assertThat(cappedQuantities.size()).isGreaterThan(wholeQuantities.size());
  }

  @Test
  void aParticipationOutsideItsRangeIsAUsageErrorNamingTheOption() {
    CliRun run = CliRun.of("backtest", "--data", BTC_1M, "--strategy", "ma-cross", "--max-participation-pct", "0");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--max-participation-pct 0").contains("(0, 100]");
  }

  private static String[] concat(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static List<BigDecimal> column(Path csv, int column) throws IOException {
    return Files.readAllLines(csv).stream().skip(1).map(line -> new BigDecimal(line.split(",")[column])).toList();
  }

  @Test
  void malformedSizeIsAUsageError() {
    CliRun run = CliRun.of("backtest", "--data", BTC_1M, "--strategy", "ma-cross", "--size", "lots:3");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("qty:QUANTITY");
  }

  @Test
  void sweepWritesARankedTableOfEveryCombination() throws IOException {
    CliRun run = CliRun.of("backtest", "--data", CliRun.demo("btc-5m-2023-01.csv"), "--strategy", "ma-cross",
        "--sweep", "fast=5..15:5", "--sweep", "slow=30..50:20", "--threads", "2", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> table = Files.readAllLines(out.resolve("sweep.csv"));
    assertThat(table.get(0)).startsWith("rank,fast,slow,sharpe,");
    assertThat(table).hasSize(7);
    double[] sharpe = table.stream().skip(1).mapToDouble(line -> Double.parseDouble(line.split(",")[3])).toArray();
    for (int i = 1; i < sharpe.length; i++) {
      assertThat(sharpe[i]).isLessThanOrEqualTo(sharpe[i - 1]);
    }
    String best = table.get(1);
    assertThat(stats().get("params").get("fast").asText()).isEqualTo(best.split(",")[1]);
  }

  @Test
  void walkForwardWritesOneRowPerWindow() throws IOException {
    CliRun run = CliRun.of("backtest", "--data", BTC_1M, "--strategy", "ma-cross", "--sweep", "fast=5,10",
        "--param", "slow=40", "--walk-forward", "train=10d,test=5d", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> table = Files.readAllLines(out.resolve("walk-forward.csv"));
    assertThat(table).hasSize(5);
    assertThat(table.get(1)).startsWith("1,2021-12-31T23:01:00Z,2022-01-10T23:01:00Z,2022-01-10T23:01:00Z,");
  }

  @Test
  void walkForwardLongerThanTheDataSaysSo() {
    CliRun run = CliRun.of("backtest", "--data", BTC_1M, "--strategy", "ma-cross", "--walk-forward",
        "train=90d,test=30d", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no walk-forward window fits");
  }

  @Test
  void riskConfigBlocksOrdersAndReportsThem() throws IOException {
    Path risk = out.resolve("risk.conf");
    Files.writeString(risk, "peaktrade.risk.defaults { max-order-notional = 1000 }");

    CliRun run = CliRun.of("backtest", "--data", BTC_1M, "--strategy", "ma-cross", "--size", "notional:2000",
        "--risk", risk.toString(), "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(stats().get("trades").asInt()).isZero();
    assertThat(stats().get("orders_blocked_by_risk").asInt()).isEqualTo(945);
    List<String> rows = Files.readAllLines(out.resolve("risk.csv"));
    assertThat(rows.get(0)).isEqualTo("time,order_id,side,qty,submitted,severity,check,limit,observed,message");
    assertThat(rows.get(1)).contains(",buy,", ",false,BREACH,MAX_ORDER_NOTIONAL,1000,");
  }

  @Test
  void aTypoInTheRiskFileIsAUsageErrorNamingTheKey() throws IOException {
    Path risk = out.resolve("risk.conf");
    Files.writeString(risk, "peaktrade.risk.defaults { max-order-notinal = 1000 }");

    CliRun run = CliRun.of("backtest", "--data", BTC_1M, "--strategy", "ma-cross", "--risk", risk.toString(),
        "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("peaktrade.risk.defaults.max-order-notinal");
  }

  @Test
  void aTypoInTheRiskFileNamesTheClosestLimit() throws IOException {
    Path risk = out.resolve("risk.conf");
    Files.writeString(risk, "peaktrade.risk.portfolios.mine { max-drawdown-pc = 10 }");

    CliRun run = CliRun.of("backtest", "--data", BTC_1M, "--strategy", "ma-cross", "--risk", risk.toString(),
        "--risk-portfolio", "mine", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("peaktrade.risk.portfolios.mine.max-drawdown-pc (" + risk + ":1): unknown key; "
        + "did you mean peaktrade.risk.portfolios.mine.max-drawdown-pct?");
  }

  @Test
  void aBadLimitOfAPortfolioTheBacktestDoesNotUseIsAUsageErrorToo() throws IOException {
    Path risk = out.resolve("risk.conf");
    Files.writeString(risk, "peaktrade.risk.portfolios { mine { max-drawdown-pct = 10 }, other { max-daily-loss = x } }");

    CliRun run = CliRun.of("backtest", "--data", BTC_1M, "--strategy", "ma-cross", "--risk", risk.toString(),
        "--risk-portfolio", "mine", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("peaktrade.risk.portfolios.other.max-daily-loss");
  }

  @Test
  void theShippedRiskProfilesLoad() {
    CliRun run = CliRun.of("backtest", "--data", CliRun.demo("btc-5m-2023-01.csv"), "--strategy", "ma-cross",
        "--risk", CliRun.demo("../../config/risk.conf"), "--risk-portfolio", "conservative", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
  }
}
