package org.peaktrade.actors.cluster;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.typed.ActorRef;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * A node's {@link KillSwitchService} as its watchdog sees it: every call goes to the node's real service, and every
 * trigger is also recorded (scope, kind, identity), so a test can list what the watchdog of a node fired.
 */
final class TriggerRecorder implements KillSwitchService {

  record Trigger(KillSwitchScope scope, TriggerKind kind, String identity) {}

  private final KillSwitchService service;
  private final List<Trigger> triggers = new CopyOnWriteArrayList<>();

  TriggerRecorder(KillSwitchService service) {
    this.service = service;
  }

  List<Trigger> triggers() {
    return List.copyOf(triggers);
  }

  @Override
  public CompletionStage<KillSwitchReply> trigger(KillSwitchScope scope, TriggerKind kind, String identity,
      String reason, Map<String, String> metadata) {
    triggers.add(new Trigger(scope, kind, identity));
    return service.trigger(scope, kind, identity, reason, metadata);
  }

  @Override
  public CompletionStage<KillSwitchReply> requestRecovery(KillSwitchScope scope, String approver,
      char[] approvalCode) {
    return service.requestRecovery(scope, approver, approvalCode);
  }

  @Override
  public CompletionStage<KillSwitchReply> completeRecovery(KillSwitchScope scope, String identity) {
    return service.completeRecovery(scope, identity);
  }

  @Override
  public CompletionStage<KillSwitchStatus> status(KillSwitchScope scope) {
    return service.status(scope);
  }

  @Override
  public void requestStatuses(Collection<KillSwitchScope> scopes, ActorRef<KillSwitchStatus> replyTo) {
    service.requestStatuses(scopes, replyTo);
  }

  @Override
  public CompletionStage<List<RecordedEvent>> events(KillSwitchScope scope, long afterSequence, int limit) {
    return service.events(scope, afterSequence, limit);
  }
}
