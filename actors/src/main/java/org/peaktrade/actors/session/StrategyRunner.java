package org.peaktrade.actors.session;

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
 * Runs one session's engine {@link Strategy}: each {@link Decide} shows it one closed bar and answers the position
 * it wants. A fresh runner (first start, or restarted after a failure) holds a fresh strategy with no history, so
 * the session sends the bars it retained along with the next bar as {@code warmUp}: the strategy sees them first,
 * without any answer, and then decides on the new bar exactly as if it had never stopped.
 *
 * <p>A strategy that throws is answered {@link Failed} to the session (so it is never waiting in vain) and the
 * exception is rethrown, so the {@code BudgetedSupervisor} around this runner restarts it with backoff; after its
 * budget it stops for good and fires the watchdog. Talks to: the session only.
 */
public final class StrategyRunner {
  private StrategyRunner() {}

  public sealed interface Command {}

  /** Show {@code warmUp} (may be empty) and then {@code bar}; answers for {@code bar} only. */
  public record Decide(Bar bar, List<Bar> warmUp, ActorRef<Reply> replyTo) implements Command {
    public Decide {
      Objects.requireNonNull(bar, "bar");
      warmUp = List.copyOf(warmUp);
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /** The answer to one {@link Decide}. */
  public sealed interface Reply {
    Bar bar();
  }

  public record Decided(Bar bar, Direction wanted) implements Reply {}

  /** The strategy threw on {@code bar} (or on a warm-up bar before it); {@code error} says what. */
  public record Failed(Bar bar, String error) implements Reply {}

  public static Behavior<Command> create(Supplier<Strategy> strategies) {
    return Behaviors.setup(context -> {
      Strategy strategy = strategies.get();
      return Behaviors.receive(Command.class)
          .onMessage(Decide.class, decide -> {
            try {
              decide.warmUp().forEach(strategy::onBar);
              decide.replyTo().tell(new Decided(decide.bar(), strategy.onBar(decide.bar())));
            } catch (RuntimeException e) {
              decide.replyTo().tell(new Failed(decide.bar(), e.toString()));
              throw e;
            }
            return Behaviors.same();
          })
          .build();
    });
  }
}
