package org.peaktrade.actors.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.peaktrade.actors.killswitch.ApproverGuard;
import org.peaktrade.actors.killswitch.KillSwitch;
import org.peaktrade.actors.killswitch.KillSwitchEntities;
import org.peaktrade.actors.killswitch.KillSwitchSettings;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

/**
 * The kill-switch entities in a cluster: sharded by scope (entity type {@code kill-switch}, entity id = the scope's
 * value, persistence id {@code kill-switch|<scope>} as on a single node), so each scope has exactly one entity in the
 * cluster and every node reaches it. The entity publishes to the status topic of the node it runs on; with the
 * cluster provider that topic delivers to the gates of every node. An entity idle for
 * {@code peaktrade.kill-switch.idle-timeout} is passivated by sharding (stop message {@link KillSwitch.Passivate}, so
 * a write in flight completes first; sharding buffers what arrives meanwhile) and recovered from the journal by the
 * next command or gate refresh (every gate asks for the global status, and for each of its running sessions', every
 * few seconds, so only switches of stopped sessions go idle). The approvers'
 * {@link ApproverGuard}s are sharded alongside (entity type {@code approver-guard}, entity id = the approver's key,
 * on {@link ApproverGuard#DISPATCHER}): one guard per approver in the cluster, whichever node a request arrives at.
 */
public final class ShardedKillSwitches implements KillSwitchEntities {
  public static final EntityTypeKey<KillSwitch.Command> TYPE_KEY =
      EntityTypeKey.create(KillSwitch.Command.class, KillSwitch.ENTITY_TYPE);
  public static final EntityTypeKey<ApproverGuard.Command> GUARD_TYPE_KEY =
      EntityTypeKey.create(ApproverGuard.Command.class, ApproverGuard.ENTITY_TYPE);

  private final ClusterSharding sharding;

  private ShardedKillSwitches(ClusterSharding sharding) {
    this.sharding = sharding;
  }

  /** The home to pass to {@code KillSwitchRuntime.start}: registers the entity type with this node's sharding. */
  public static KillSwitchEntities.Home home() {
    return ShardedKillSwitches::start;
  }

  private static KillSwitchEntities start(ActorSystem<?> system, KillSwitchSettings settings, Clock clock,
      Ticker ticker, ActorRef<Topic.Command<KillSwitchStatus>> statusTopic) {
    ClusterSharding sharding = ClusterSharding.get(system);
    ClusterShardingSettings shardingSettings = ClusterShardingSettings.create(system);
    sharding.init(Entity.of(TYPE_KEY, context ->
            KillSwitch.create(new KillSwitchScope(context.getEntityId()), settings, clock, ticker, statusTopic))
        .withStopMessage(KillSwitch.Passivate.INSTANCE)
        .withEntityProps(KillSwitch.DISPATCHER_SELECTOR)
        .withSettings(shardingSettings.withPassivationStrategy(
            shardingSettings.passivationStrategySettings().withIdleEntityPassivation(settings.idleTimeout()))));
    sharding.init(Entity.of(GUARD_TYPE_KEY, context -> ApproverGuard.create(context.getEntityId(), settings, clock))
        .withEntityProps(ApproverGuard.DISPATCHER_SELECTOR));
    return new ShardedKillSwitches(sharding);
  }

  @Override
  public <T> CompletionStage<T> ask(KillSwitchScope scope, Function<ActorRef<T>, KillSwitch.Command> command,
      Duration timeout) {
    return sharding.entityRefFor(TYPE_KEY, scope.value()).ask(command::apply, timeout);
  }

  @Override
  public <T> CompletionStage<T> askGuard(String approverKey, Function<ActorRef<T>, ApproverGuard.Command> command,
      Duration timeout) {
    return sharding.entityRefFor(GUARD_TYPE_KEY, approverKey).ask(command::apply, timeout);
  }

  @Override
  public void tell(KillSwitchScope scope, KillSwitch.Command command) {
    sharding.entityRefFor(TYPE_KEY, scope.value()).tell(command);
  }
}
