package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicatorsCommandTest {

  @TempDir
  Path dir;

  @Test
  void writesEachIndicatorOutputBesideTheTimeColumn() throws IOException {
    Path out = dir.resolve("ind.csv");
    CliRun run = CliRun.of("indicators", "--data", CliRun.demo("btc-perp-1m-2022-01.csv"), "--indicator", "sma:3",
        "--indicator", "bbands:20:2", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(45_032);
    assertThat(lines.get(0)).isEqualTo("time,close,sma_3,bbands_20_2_lower,bbands_20_2_middle,bbands_20_2_upper");
    assertThat(lines.get(1)).isEqualTo("2021-12-31T23:01:00Z,46377,,,,");
    // closes 46377, 46411, 46425 (first three rows of the file): SMA(3) = 139213 / 3
    assertThat(lines.get(3)).startsWith("2021-12-31T23:03:00Z,46425,46404.33333");
  }

  @Test
  void unknownIndicatorListsTheValidSpecs() {
    CliRun run = CliRun.of("indicators", "--data", CliRun.demo("btc-perp-1m-2022-01.csv"), "--indicator", "foo:3",
        "--out", dir.resolve("x.csv").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("foo:3").contains("sma:");
  }
}
