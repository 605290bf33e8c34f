package org.peaktrade.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.engine.fixtures.RepoFiles.repoFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketDataFilesTest {

  @TempDir
  Path dir;

  @Test
  void detectsTheFormatOfEachDemoFile() throws IOException {
    assertThat(MarketDataFiles.detect(repoFile("data/demo/kraken-ohlc-xbtusdt-1m.json")))
        .isEqualTo(MarketDataFormat.KRAKEN_OHLC_JSON);
    assertThat(MarketDataFiles.detect(repoFile("data/demo/btc-perp-1m-2022-01.csv")))
        .isEqualTo(MarketDataFormat.OHLCV_CSV);
    assertThat(MarketDataFiles.detect(repoFile("data/demo/kraken-trades-bcheur.csv")))
        .isEqualTo(MarketDataFormat.TRADES_CSV);
  }

  @Test
  void treatsACsvWithTimeButNoOhlcColumnsAsTrades() throws IOException {
    Path file = Files.writeString(dir.resolve("trades.csv"), "timestamp,price,amount\n1640995200,100,1\n");

    assertThat(MarketDataFiles.detect(file)).isEqualTo(MarketDataFormat.TRADES_CSV);
  }

  @Test
  void loadsEveryDemoFileThroughTheOneEntryPoint() throws IOException {
    assertThat(MarketDataFiles.load(repoFile("data/demo/btc-5m-2023-01.csv"), LoadOptions.defaults()).bars())
        .hasSize(10_999);
    assertThat(MarketDataFiles.load(repoFile("data/demo/kraken-ohlc-xbtusdt-1m.json"), LoadOptions.defaults())
        .bars()).hasSize(720);
    assertThat(MarketDataFiles.load(repoFile("data/demo/kraken-trades-bcheur.csv"),
        LoadOptions.defaults().withBar(Duration.ofHours(1))).bars()).hasSize(21);
  }

  @Test
  void takesAGivenBarForBarFilesAsTheirIntervalWithoutResampling() throws IOException {
    Path oneMinute = repoFile("data/demo/btc-perp-1m-2022-01.csv");

    assertThat(MarketDataFiles.load(oneMinute, LoadOptions.defaults().withBar(Duration.ofMinutes(1))).interval())
        .isEqualTo(Duration.ofMinutes(1));
    assertThatThrownBy(() -> MarketDataFiles.load(oneMinute, LoadOptions.defaults().withBar(Duration.ofMinutes(5))))
        .hasMessageStartingWith("btc-perp-1m-2022-01.csv:3: bar at 2021-12-31T23:02:00Z overlaps the 5m bar");
  }
}
