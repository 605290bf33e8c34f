package org.peaktrade.actors.marketdata.kraken;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.stream.Materializer;
import org.peaktrade.engine.data.KrakenOhlcJsonReader;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * Kraken's public REST {@code /0/public/OHLC}, for the backfill after a reconnect. Fetches the closed candles
 * that open in {@code [from, to)}, following Kraken's {@code since} cursor while pages make progress (at most
 * {@value #MAX_PAGES} pages; Kraken keeps only the latest 720 candles per interval anyway). The forming candle
 * that Kraken appends to every response is never returned. A non-200 status, a Kraken error, malformed JSON or
 * a timeout fails the returned stage with a message naming the request.
 */
final class KrakenRestOhlc {
  static final int MAX_PAGES = 10;

  private final KrakenFeedSettings settings;
  private final Http http;
  private final Materializer materializer;

  KrakenRestOhlc(KrakenFeedSettings settings, ActorSystem<?> system) {
    this.settings = settings;
    this.http = Http.get(system);
    this.materializer = Materializer.matFromSystem(system);
  }

  CompletionStage<List<Bar>> closedCandles(Symbol symbol, Duration interval, Instant from, Instant to) {
    return page(symbol, interval, from.minus(interval).getEpochSecond(), from, to, new ArrayList<>(), 1);
  }

  private CompletionStage<List<Bar>> page(Symbol symbol, Duration interval, long since, Instant from, Instant to,
      List<Bar> collected, int pageNumber) {
    String uri = settings.restUri().resolve("/0/public/OHLC").toString() + "?pair="
        + settings.restPairs().restPair(symbol) + "&interval=" + interval.toMinutes() + "&since=" + since;
    return get(uri).thenCompose(body -> {
      List<Bar> page = KrakenOhlcJsonReader.closedBars(body, "GET " + uri, symbol, interval);
      page.stream().filter(bar -> !bar.openTime().isBefore(from) && bar.openTime().isBefore(to))
          .forEach(collected::add);
      boolean progressed = !page.isEmpty() && page.get(page.size() - 1).openTime().getEpochSecond() > since;
      boolean covered = !collected.isEmpty() && !collected.get(collected.size() - 1).closeTime().isBefore(to);
      if (covered || !progressed || pageNumber >= MAX_PAGES) {
        return CompletableFuture.completedFuture(List.copyOf(collected));
      }
      return page(symbol, interval, page.get(page.size() - 1).openTime().getEpochSecond(), from, to, collected,
          pageNumber + 1);
    });
  }

  private CompletionStage<String> get(String uri) {
    long timeout = settings.restTimeout().toMillis();
    return http.singleRequest(HttpRequest.GET(uri))
        .thenCompose(response -> response.entity().toStrict(timeout, materializer)
            .thenApply(entity -> checked(response, entity.getData().utf8String(), uri)))
        .toCompletableFuture()
        .orTimeout(timeout, TimeUnit.MILLISECONDS);
  }

  private static String checked(HttpResponse response, String body, String uri) {
    if (response.status().intValue() != 200) {
      throw new IllegalStateException("GET " + uri + " answered HTTP " + response.status().intValue() + ": "
          + body.substring(0, Math.min(body.length(), 200)));
    }
    return body;
  }
}
