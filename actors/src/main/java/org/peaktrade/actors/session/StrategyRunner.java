package org.peaktrade.actors.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.engine.strategy.Strategy;
import org.peaktrade.protocol.Bar;

/**
 * Runs one session's engine {@link Strategy}: each {@link Decide} shows it closed bars in order and answers, for
 * each, the position it wants. A fresh runner (first start, or restarted after a failure) holds a fresh strategy with
 * no history, so the session sends the bars it processed before (read from the feed's published bars) along with the
 * next bars as {@code warmUp}: the strategy sees
 * them first, without any answer, and then decides on the new bars exactly as if it had never stopped. A session that
 * is behind (catching up, a replay) asks about many bars at once: one message each way for the whole batch.
 *
 * <p>A strategy that throws is answered {@link Failed} to the session, with the answers for the bars before the one
 * it failed on (so the session is never waiting in vain and loses none of them), and the exception is rethrown, so
 * the session's supervision of this runner restarts it with backoff; after its budget it stops for good and the
 * session fires the watchdog. Talks to: the session only.
 */
public final class StrategyRunner {
  private StrategyRunner() {}

  public sealed interface Command {}

  /** Show {@code warmUp} (may be empty) and then {@code bars} (at least one); answers for {@code bars} only. */
  public record Decide(List<Bar> bars, List<Bar> warmUp, ActorRef<Reply> replyTo) implements Command {
    public Decide {
      bars = List.copyOf(bars);
      if (bars.isEmpty()) {
        throw new IllegalArgumentException("nothing to decide on");
      }
      warmUp = List.copyOf(warmUp);
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /** The answer to one {@link Decide}; {@code first} is the first bar it asked about. */
  public sealed interface Reply {
    Bar first();

    /** The positions wanted, one per bar asked about, in order (fewer when the strategy failed). */
    List<Direction> wanted();
  }

  public record Decided(Bar first, List<Direction> wanted) implements Reply {}

  /**
   * The strategy threw on the bar after the ones {@code wanted} answers (or on a warm-up bar, then {@code wanted} is
   * empty); {@code error} says what.
   */
  public record Failed(Bar first, List<Direction> wanted, String error) implements Reply {}

  public static Behavior<Command> create(Supplier<Strategy> strategies) {
    return Behaviors.setup(context -> {
      Strategy strategy = strategies.get();
      return Behaviors.receive(Command.class)
          .onMessage(Decide.class, decide -> {
            List<Direction> wanted = new ArrayList<>(decide.bars().size());
            try {
              decide.warmUp().forEach(strategy::onBar);
              for (Bar bar : decide.bars()) {
                wanted.add(strategy.onBar(bar));
              }
              decide.replyTo().tell(new Decided(decide.bars().get(0), wanted));
            } catch (RuntimeException e) {
              decide.replyTo().tell(new Failed(decide.bars().get(0), wanted, e.toString()));
              throw e;
            }
            return Behaviors.same();
          })
          .build();
    });
  }
}
