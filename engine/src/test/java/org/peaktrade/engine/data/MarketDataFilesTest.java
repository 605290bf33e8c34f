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

  @Test
  void detectsARecordingOfWebSocketFramesByItsExtension() throws IOException {
    Path file = Files.writeString(dir.resolve("session.jsonl"), "{\"channel\":\"heartbeat\"}\n");

    assertThat(MarketDataFiles.detect(file)).isEqualTo(MarketDataFormat.KRAKEN_WS_JSONL);
  }

  @Test
  void detectsARecordingOfWebSocketFramesByItsFirstLineWhateverItsName() throws IOException {
    String frames = "{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"system\":\"online\"}]}\n"
        + "{\"channel\":\"heartbeat\"}\n";

    assertThat(MarketDataFiles.detect(Files.writeString(dir.resolve("session.json"), frames)))
        .isEqualTo(MarketDataFormat.KRAKEN_WS_JSONL);
    assertThat(MarketDataFiles.detect(Files.writeString(dir.resolve("session.log"), frames)))
        .isEqualTo(MarketDataFormat.KRAKEN_WS_JSONL);
  }

  @Test
  void stillReadsAOneLineRestResponseAsKrakenOhlcJson() throws IOException {
    Path file = Files.writeString(dir.resolve("ohlc.json"), "{\"error\":[],\"result\":{\"XBTUSD\":[],\"last\":0}}\n");

    assertThat(MarketDataFiles.detect(file)).isEqualTo(MarketDataFormat.KRAKEN_OHLC_JSON);
  }

  @Test
  void loadsARecordingOfWebSocketFramesThroughTheOneEntryPoint() throws Exception {
    Path recording = Path.of(getClass().getResource("/fixtures/kraken-ws-v2/btc_usd_1m_recording.jsonl").toURI());

    assertThat(MarketDataFiles.load(recording, LoadOptions.defaults()).bars()).hasSize(5);
  }
}
