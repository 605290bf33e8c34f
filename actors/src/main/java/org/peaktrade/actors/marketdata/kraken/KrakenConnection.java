package org.peaktrade.actors.marketdata.kraken;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.model.ws.WebSocketRequest;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.SourceQueueWithComplete;
import org.peaktrade.actors.marketdata.FeedNotice;
import org.peaktrade.actors.marketdata.RejectionLog;
import org.peaktrade.engine.marketdata.KrakenChannel;
import org.peaktrade.engine.marketdata.KrakenRequests;
import org.peaktrade.engine.marketdata.KrakenSubscription;
import org.peaktrade.protocol.Symbol;

/**
 * One WebSocket v2 connection to Kraken as a {@link Source}: on materialisation it connects, subscribes every
 * channel for all its symbols in one request per channel, pings every {@code ping-interval}, and emits
 * {@link KrakenFeedEvent.ConnectionStarted} followed by the events of the frames received.
 *
 * <p>The source fails when the connection fails, and when nothing at all (no data, no heartbeat) arrived for
 * {@code silence-timeout}; it completes when the server closes the connection. Either way {@link KrakenFeed}
 * connects again after a backoff. Frames are handled by a {@link KrakenFrameHandler}, which may send requests of
 * its own (a book resubscription) over the same connection.
 */
final class KrakenConnection {
  private static final int OUTGOING_BUFFER = 64;

  private KrakenConnection() {}

  static Source<KrakenFeedEvent, NotUsed> open(long attempt, KrakenFeedSettings settings, ActorSystem<?> system,
      KrakenFeedStats stats, RejectionLog rejections, Consumer<FeedNotice> notices, Clock clock) {
    return Source.<KrakenFeedEvent>single(new KrakenFeedEvent.ConnectionStarted(attempt))
        .concat(Source.fromMaterializer((materializer, attributes) ->
            frames(settings, system, materializer, stats, rejections, notices, clock)))
        .mapMaterializedValue(ignored -> NotUsed.notUsed());
  }

  private static Source<KrakenFeedEvent, NotUsed> frames(KrakenFeedSettings settings, ActorSystem<?> system,
      Materializer materializer, KrakenFeedStats stats, RejectionLog rejections, Consumer<FeedNotice> notices,
      Clock clock) {
    Pair<SourceQueueWithComplete<String>, Source<String, NotUsed>> outgoing =
        Source.<String>queue(OUTGOING_BUFFER, OverflowStrategy.dropNew()).preMaterialize(materializer);
    SourceQueueWithComplete<String> queue = outgoing.first();
    AtomicLong requestIds = new AtomicLong();
    subscribeRequests(settings.subscriptions(), requestIds).forEach(queue::offer);
    KrakenFrameHandler handler = new KrakenFrameHandler(settings.subscriptions(), queue::offer, requestIds, stats,
        rejections, notices, clock);
    Source<Message, NotUsed> requests = outgoing.second()
        .merge(Source.tick(settings.pingInterval(), settings.pingInterval(), "ping")
            .map(tick -> KrakenRequests.ping(requestIds.incrementAndGet())))
        .map(text -> (Message) TextMessage.create(text));
    return requests
        .viaMat(Http.get(system).webSocketClientFlow(WebSocketRequest.create(settings.wsUri().toString())),
            Keep.right())
        .mapAsync(1, message -> text(message, materializer, settings))
        .idleTimeout(settings.silenceTimeout())
        .mapConcat(text -> text.isEmpty() ? List.<KrakenFeedEvent>of() : handler.handle(text))
        .mapMaterializedValue(upgrade -> NotUsed.notUsed());
  }

  /** One subscribe request per channel, each naming every symbol of that channel. */
  static List<String> subscribeRequests(List<KrakenSubscription> subscriptions, AtomicLong requestIds) {
    Map<KrakenChannel, List<Symbol>> byChannel = new LinkedHashMap<>();
    subscriptions.forEach(s -> byChannel.computeIfAbsent(s.channel(), c -> new java.util.ArrayList<>())
        .add(s.symbol()));
    return byChannel.entrySet().stream()
        .map(e -> KrakenRequests.subscribe(e.getKey(), e.getValue(), requestIds.incrementAndGet()))
        .toList();
  }

  /** Kraken sends text frames; a (streamed) binary frame is drained and ignored. */
  private static CompletionStage<String> text(Message message, Materializer materializer,
      KrakenFeedSettings settings) {
    if (message.isText()) {
      TextMessage text = message.asTextMessage();
      return text.isStrict() ? CompletableFuture.completedFuture(text.getStrictText())
          : text.toStrict(settings.silenceTimeout().toMillis(), materializer).thenApply(TextMessage::getStrictText);
    }
    return message.asBinaryMessage().getStreamedData().runWith(Sink.ignore(), materializer).thenApply(done -> "");
  }
}
