package org.peaktrade.actors.watchdog;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * A transparent parent for one child that may crash: the child runs under a {@link RestartBudget} (restart with
 * backoff, at most N in a row), every message sent to the parent is forwarded to it, and when the child is finally
 * stopped by a failure the parent tells the {@link Watchdog} {@link Watchdog.RestartBudgetExhausted} for
 * {@code scope} and stops too. A child that stops normally stops the parent without a report.
 *
 * <p>Use it in place of the child's behavior: {@code spawn(BudgetedSupervisor.create("feed", feed, budget, scope,
 * watchdog), "feed-supervisor")}.
 */
public final class BudgetedSupervisor {
  private BudgetedSupervisor() {}

  public static <T> Behavior<T> create(String childName, Behavior<T> child, RestartBudget budget,
      KillSwitchScope scope, ActorRef<Watchdog.Command> watchdog) {
    return Behaviors.setup(ctx -> {
      ActorRef<T> supervised = ctx.spawn(Behaviors.supervise(child).onFailure(budget.strategy()), childName);
      ctx.watch(supervised);
      return Behaviors.receive(
          (context, message) -> {
            supervised.tell(message);
            return Behaviors.same();
          },
          (context, signal) -> {
            if (signal instanceof ChildFailed) {
              ChildFailed failed = (ChildFailed) signal;
              context.getLog().error("{} exhausted its restart budget ({} restarts), stopped: {}", childName,
                  budget.maxRestarts(), failed.getCause().toString());
              watchdog.tell(new Watchdog.RestartBudgetExhausted(childName, scope));
              return Behaviors.stopped();
            }
            if (signal instanceof Terminated) {
              return Behaviors.stopped();
            }
            return Behaviors.same();
          });
    });
  }
}
