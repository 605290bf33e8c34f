package org.peaktrade.bench;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * Stand-in for the kill-switch runtime while it is not on this branch: no journal, no entity actor, no approval
 * code; a trigger or a completed recovery bumps the revision and publishes the new status on the topic, as the
 * entity does after persisting. It measures the gate's side of the path (topic → gate → view), not the journal.
 */
final class InMemoryKillSwitchService implements KillSwitchService {
  private final ActorRef<Topic.Command<KillSwitchStatus>> topic;
  private final Clock clock;
  private final Map<KillSwitchScope, KillSwitchStatus> statuses = new ConcurrentHashMap<>();

  InMemoryKillSwitchService(ActorRef<Topic.Command<KillSwitchStatus>> topic, Clock clock) {
    this.topic = topic;
    this.clock = clock;
  }

  @Override
  public CompletionStage<KillSwitchReply> trigger(KillSwitchScope scope, TriggerKind kind, String identity,
      String reason, Map<String, String> metadata) {
    KillSwitchStatus status = statuses.compute(scope, (s, old) -> new KillSwitchStatus(s, KillSwitchState.KILLED,
        clock.instant(), revision(old) + 1, kind, identity, reason, null, null));
    topic.tell(Topic.publish(status));
    return CompletableFuture.completedFuture(KillSwitchReply.accepted("triggered", status));
  }

  @Override
  public CompletionStage<KillSwitchReply> requestRecovery(KillSwitchScope scope, String approver,
      char[] approvalCode) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("stand-in: recovery is immediate"));
  }

  @Override
  public CompletionStage<KillSwitchReply> completeRecovery(KillSwitchScope scope, String identity) {
    KillSwitchStatus status = statuses.compute(scope, (s, old) -> new KillSwitchStatus(s, KillSwitchState.ACTIVE,
        clock.instant(), revision(old) + 1, null, null, null, null, null));
    topic.tell(Topic.publish(status));
    return CompletableFuture.completedFuture(KillSwitchReply.accepted("recovered", status));
  }

  @Override
  public CompletionStage<KillSwitchStatus> status(KillSwitchScope scope) {
    return CompletableFuture.completedFuture(
        statuses.getOrDefault(scope, KillSwitchStatus.initial(scope, clock.instant())));
  }

  @Override
  public CompletionStage<List<RecordedEvent>> events(KillSwitchScope scope, long afterSequence, int limit) {
    return CompletableFuture.completedFuture(List.of());
  }

  private static long revision(KillSwitchStatus old) {
    return old == null ? 0 : old.revision();
  }
}
