package org.peaktrade.actors.killswitch;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

/**
 * Where the {@link KillSwitch} entities live and how a command reaches the one for a scope: a
 * {@link KillSwitchRegistry} on this node ({@link #local()}), or cluster sharding, which makes every scope's entity
 * reachable from every node ({@code org.peaktrade.actors.cluster.ShardedKillSwitches}). The approvers'
 * {@link ApproverGuard}s live in the same home, so a node counts wrong approval codes where its switches live: on
 * this node alone, or once per cluster.
 */
public interface KillSwitchEntities {

  /** Asks the entity of {@code scope}, creating it if needed; fails the stage after {@code timeout}. */
  <T> CompletionStage<T> ask(KillSwitchScope scope, Function<ActorRef<T>, KillSwitch.Command> command,
      Duration timeout);

  /** Hands {@code command} to the entity of {@code scope}, creating it if needed; nothing tells if it is lost. */
  void tell(KillSwitchScope scope, KillSwitch.Command command);

  /** Asks the {@link ApproverGuard} of {@code approverKey}, creating it if needed; fails the stage after timeout. */
  <T> CompletionStage<T> askGuard(String approverKey, Function<ActorRef<T>, ApproverGuard.Command> command,
      Duration timeout);

  /**
   * Starts the entities' home once per ActorSystem; entities stamp events with {@code clock}, measure cooldowns on
   * {@code ticker} and publish their statuses to {@code statusTopic}.
   */
  @FunctionalInterface
  interface Home {
    KillSwitchEntities start(ActorSystem<?> system, KillSwitchSettings settings, Clock clock, Ticker ticker,
        ActorRef<Topic.Command<KillSwitchStatus>> statusTopic);
  }

  /** One registry actor on this node holding an entity per scope (a single node's journal). */
  static Home local() {
    return KillSwitchRegistry::start;
  }
}
