package org.peaktrade.actors.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.data.MarketDataFiles;
import org.peaktrade.protocol.Bar;

/**
 * The members a test starts, one after the other, on one journal file and the first {@code bars} real candles of the
 * demo file: {@code members} free loopback ports (the first is the seed), each member started on its own, every one
 * closed at the end, the ones that left or crashed included.
 */
final class InJvmCluster implements AutoCloseable {
  final List<Bar> candles;
  final List<Integer> ports;
  private final Path dataDir;
  private final String database;
  private final List<InJvmClusterNode> started = new ArrayList<>();

  InJvmCluster(String name, Path dataDir, int members, int bars) throws Exception {
    this.candles = MarketDataFiles.load(Bars.demoData().resolve("btc-perp-1m-2022-01.csv"), LoadOptions.defaults())
        .bars().subList(0, bars);
    this.ports = InJvmClusterNode.freePorts(members);
    this.dataDir = dataDir;
    this.database = name + "-" + System.nanoTime();
  }

  /** Starts member {@code index} (its port), its feed playing the candles one per {@code barInterval}. */
  InJvmClusterNode start(int index, Duration barInterval, String... settings) {
    InJvmClusterNode node = InJvmClusterNode.start(database, dataDir, ports.get(index), ports.get(0), candles,
        barInterval, settings);
    started.add(node);
    return node;
  }

  /** Every member started so far, in start order. */
  List<InJvmClusterNode> started() {
    return List.copyOf(started);
  }

  @Override
  public void close() throws Exception {
    for (InJvmClusterNode node : started) {
      node.close();
    }
  }
}
