package org.peaktrade.app.feed;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.actors.marketdata.ReplayFile;
import org.peaktrade.actors.marketdata.ReplayFileRefused;
import org.peaktrade.actors.marketdata.ReplaySource;
import org.peaktrade.actors.marketdata.ReplaySpeed;
import org.peaktrade.actors.marketdata.kraken.KrakenFeed;
import org.peaktrade.actors.marketdata.kraken.KrakenFeedSettings;
import org.peaktrade.app.ExitCodes;
import org.peaktrade.app.node.NodeConfigCheck;
import org.peaktrade.engine.data.BarInterval;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.marketdata.KrakenChannel;
import org.peaktrade.engine.marketdata.KrakenSubscription;
import org.peaktrade.protocol.Symbol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints a market-data feed to the terminal: live from Kraken (WebSocket v2 with reconnects and REST backfill),
 * or replayed from a file. Data goes to stdout, one line per closed bar, trade or quote; connection events,
 * backfills, gaps and rejections go to stderr. A replayed file is read and checked first ({@link ReplayFile}): its
 * bad rows stop the command, naming each as {@code file:line: reason}, or with {@code --skip-bad-rows} are listed and
 * left out; its gaps are listed.
 */
@Command(name = "feed", mixinStandardHelpOptions = true,
    description = {"Print a live Kraken feed (or a replayed file) to the terminal until Ctrl-C or --limit.",
        "Data lines go to stdout; connection events, backfills, gaps and rejections to stderr."},
    footer = {"%nExamples:",
        "  peak-trade feed --symbol BTC/USD --channel ohlc:1",
        "  peak-trade feed --symbol BTC/USD,ETH/USD --channel trade,ticker",
        "  peak-trade feed --replay data/demo/btc-perp-1m-2022-01.csv --speed 60 --limit 20"})
public final class FeedCommand implements Callable<Integer> {

  @Option(names = "--symbol", split = ",", defaultValue = "BTC/USD", paramLabel = "SYMBOL",
      description = "Symbols, comma-separated (default: ${DEFAULT-VALUE}).")
  List<String> symbols;

  @Option(names = "--channel", split = ",", defaultValue = "ohlc:1", paramLabel = "CHANNEL",
      description = "ohlc:MINUTES, trade, ticker or book:DEPTH, comma-separated (default: ${DEFAULT-VALUE}).")
  List<String> channels;

  @Option(names = "--replay", paramLabel = "FILE",
      description = "Replay this file instead of connecting: OHLCV CSV, Kraken OHLC JSON, recorded Kraken "
          + "WebSocket frames (.jsonl), or a trades CSV with --bar.")
  Path replay;

  @Option(names = "--bar", paramLabel = "INTERVAL", description = "With --replay of a trades CSV: bar size (1m, 5m...).")
  String bar;

  @Option(names = "--speed", defaultValue = "max", paramLabel = "SPEED",
      description = "With --replay: max (as fast as possible), realtime, or a factor such as 60 (default: ${DEFAULT-VALUE}).")
  String speed;

  @Option(names = "--skip-bad-rows",
      description = "With --replay: leave bad rows out (each listed on stderr) instead of stopping.")
  boolean skipBadRows;

  @Option(names = "--ws-url", paramLabel = "URL", description = "Overrides peaktrade.market-data.kraken.ws-url.")
  String wsUrl;

  @Option(names = "--rest-url", paramLabel = "URL", description = "Overrides peaktrade.market-data.kraken.rest-url.")
  String restUrl;

  @Option(names = "--config", paramLabel = "FILE", description = "HOCON file layered over the bundled defaults.")
  Path config;

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N data lines.")
  Long limit;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, not " + limit);
    }
    List<KrakenSubscription> subscriptions = subscriptions();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Config loaded = loadConfig();
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "peak-trade-feed", loaded);
    try {
      Source<String, NotUsed> lines = replay != null ? replayLines(subscriptions, err)
          : liveLines(KrakenFeedSettings.fromConfig(loaded), subscriptions, system, err);
      if (limit != null) {
        lines = lines.take(limit);
      }
      lines.runForeach(out::println, system).toCompletableFuture().get();
      out.flush();
      return ExitCodes.OK;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception failure ? failure : e;
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private List<KrakenSubscription> subscriptions() {
    List<KrakenSubscription> subscriptions = new ArrayList<>();
    for (String symbol : symbols) {
      for (String channel : channels) {
        subscriptions.add(new KrakenSubscription(Symbol.of(symbol.trim()), KrakenChannel.parse(channel)));
      }
    }
    return subscriptions;
  }

  private Source<String, NotUsed> replayLines(List<KrakenSubscription> subscriptions, PrintWriter err) {
    if (subscriptions.size() != 1 || !(subscriptions.get(0).channel() instanceof KrakenChannel.Ohlc)) {
      throw new IllegalArgumentException("--replay plays one file of bars: give one --symbol and one ohlc channel");
    }
    KrakenSubscription subscription = subscriptions.get(0);
    LoadOptions options = new LoadOptions(subscription.symbol(), Optional.ofNullable(bar).map(BarInterval::parse),
        skipBadRows);
    ReplaySpeed speed = replaySpeed();
    ReplayFile file;
    try {
      file = ReplayFile.load(replay, options);
    } catch (ReplayFileRefused e) {
      throw e.explained("", "Fix those rows, or leave bad rows out with --skip-bad-rows.");
    }
    printListed(err, file.badRows(), "bad row", "left out");
    printListed(err, file.gaps(), "gap", "between bars");
    return ReplaySource.of(file.bars(), speed).map(b -> FeedLines.bar(b, "bar:" + BarInterval.format(b.interval())));
  }

  /** What the check of the file left out, or the gaps it found, before the bars play: the first ones, then a count. */
  private void printListed(PrintWriter err, List<String> lines, String what, String where) {
    if (!lines.isEmpty()) {
      err.println("feed: " + replay + ": " + ReplayFile.count(lines.size(), what) + " " + where + ":");
      ReplayFile.shown(lines).forEach(line -> err.println("feed:   " + line));
      err.flush();
    }
  }

  private Source<String, NotUsed> liveLines(KrakenFeedSettings defaults, List<KrakenSubscription> subscriptions,
      ActorSystem<Void> system, PrintWriter err) {
    KrakenFeedSettings settings = defaults.with(
        wsUrl == null ? defaults.wsUri() : URI.create(wsUrl), restUrl == null ? defaults.restUri() : URI.create(restUrl),
        subscriptions);
    KrakenFeed feed = KrakenFeed.create(settings, system, Clock.systemUTC(),
        notice -> err.println(FeedLines.notice(notice)), Optional.empty());
    Source<String, NotUsed> lines = Source.empty();
    for (KrakenSubscription s : subscriptions) {
      lines = lines.merge(linesOf(feed, s));
    }
    return lines.mapMaterializedValue(notUsed -> {
      feed.connect();
      return notUsed;
    });
  }

  private static Source<String, NotUsed> linesOf(KrakenFeed feed, KrakenSubscription s) {
    KrakenChannel channel = s.channel();
    if (channel instanceof KrakenChannel.Ohlc ohlc) {
      return feed.bars(s.symbol(), ohlc).map(b -> FeedLines.bar(b, channel.label()));
    }
    if (channel instanceof KrakenChannel.Trades) {
      return feed.trades(s.symbol()).map(FeedLines::trade);
    }
    if (channel instanceof KrakenChannel.Book book) {
      return feed.bookQuotes(s.symbol(), book).map(q -> FeedLines.quote(q, channel.label()));
    }
    return feed.tickerQuotes(s.symbol()).map(q -> FeedLines.quote(q, channel.label()));
  }

  private ReplaySpeed replaySpeed() {
    try {
      return ReplaySpeed.parse(speed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + e.getMessage());
    }
  }

  private Config loadConfig() {
    Config fromFile = ConfigFactory.empty();
    if (config != null) {
      if (!config.toFile().isFile()) {
        throw new IllegalArgumentException("no such config file: " + config);
      }
      fromFile = ConfigFactory.parseFile(config.toFile());
    }
    // pekko-discovery is the one Pekko module at another version (docs/deployment.md#pekko-discovery-version).
    Config quiet = ConfigFactory.empty()
        .withValue("pekko.loglevel", ConfigValueFactory.fromAnyRef("WARNING"))
        .withValue("pekko.fail-mixed-versions", ConfigValueFactory.fromAnyRef(false));
    Config loaded = ConfigFactory.load(fromFile.withFallback(quiet));
    NodeConfigCheck.refuseUnknownKeys(loaded);
    return loaded;
  }
}
