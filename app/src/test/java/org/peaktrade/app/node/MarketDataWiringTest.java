package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.marketdata.ReplayFileRefused;

/** The replay file is read and checked when the node reads its market-data settings, before anything starts. */
class MarketDataWiringTest {
  private static final List<String> BAD_FILE = List.of("timestamp_ms,open,high,low,close,volume",
      "1640991660000,1,2,1,2,10", "1640991720000,2,3,2,NaN,10", "1640991780000,3,4,3,4,10");

  @TempDir
  Path dir;

  @Test
  void aBadRowStopsTheStartNamingPathLineAndTheSettingThatLeavesItOut() throws IOException {
    Path file = Files.write(dir.resolve("bad.csv"), BAD_FILE);

    assertThatThrownBy(() -> MarketDataWiring.fromConfig(replaying(file, "fail")))
        .isInstanceOf(ReplayFileRefused.class)
        .hasMessage(String.join("\n",
            "cannot replay peaktrade.market-data.replay.file: " + file + ": 1 bad row:",
            "  " + file + ":3: column 'close' is not a finite decimal number: 'NaN'",
            "Fix those rows, or leave bad rows out with peaktrade.market-data.replay.bad-rows = skip."));
  }

  @Test
  void aBadRowDoesNotStopTheStartWhenSkipped() throws IOException {
    Path file = Files.write(dir.resolve("bad.csv"), BAD_FILE);

    assertThatCode(() -> MarketDataWiring.fromConfig(replaying(file, "skip"))).doesNotThrowAnyException();
  }

  @Test
  void theConfigCheckReadsTheSettingsButLeavesTheRowsToTheStart() throws IOException {
    Path file = Files.write(dir.resolve("bad.csv"), BAD_FILE);

    assertThatCode(() -> MarketDataWiring.validate(replaying(file, "fail"))).doesNotThrowAnyException();
  }

  @Test
  void aMissingReplayFileNamesWhereItWasLookedFor() {
    assertThatThrownBy(() -> MarketDataWiring.fromConfig(replaying(dir.resolve("nope.csv"), "fail")))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("peaktrade.market-data.replay.file")
        .hasMessageContaining("no such file: " + dir.resolve("nope.csv") + " (looked for " + dir.resolve("nope.csv")
            + ")");
  }

  private static Config replaying(Path file, String badRows) {
    return ConfigFactory.parseString("peaktrade.market-data.replay { file = \"" + file + "\", bad-rows = " + badRows
        + " }").withFallback(ConfigFactory.parseResources("peaktrade-node.conf"))
        .withFallback(ConfigFactory.defaultReference()).resolve();
  }
}
