package org.peaktrade.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * Stands in for the kill-switch actors behind the routes: records every call as a value and answers with whatever
 * the test set up (by default: accepted, with {@link #status}).
 */
final class RecordingKillSwitchService implements KillSwitchService {

  sealed interface Call {}

  record Trigger(KillSwitchScope scope, TriggerKind kind, String identity, String reason, Map<String, String> metadata)
      implements Call {}

  /** The code is copied when called, because the routes clear the array afterwards. */
  record RequestRecovery(KillSwitchScope scope, String approver, String approvalCode) implements Call {}

  record CompleteRecovery(KillSwitchScope scope, String identity) implements Call {}

  record Status(KillSwitchScope scope) implements Call {}

  record Events(KillSwitchScope scope, long afterSequence, int limit) implements Call {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  volatile KillSwitchStatus status;
  volatile Function<KillSwitchStatus, KillSwitchReply> reply = s -> KillSwitchReply.accepted("done", s);
  volatile List<RecordedEvent> journal = List.of();
  volatile Throwable failure;
  /** When set, {@link #status} never answers: a switch whose entity is moving off a crashed member. */
  volatile boolean statusSilent;
  /** What {@link #statusFromJournal} answers: empty (the default) when this service cannot read the journal. */
  volatile CompletionStage<Optional<KillSwitchStatus>> journalStatus = CompletableFuture.completedFuture(Optional.empty());

  RecordingKillSwitchService(KillSwitchStatus status) {
    this.status = status;
  }

  @Override
  public CompletionStage<KillSwitchReply> trigger(KillSwitchScope scope, TriggerKind kind, String identity,
      String reason, Map<String, String> metadata) {
    return answer(new Trigger(scope, kind, identity, reason, metadata), reply.apply(status));
  }

  @Override
  public CompletionStage<KillSwitchReply> requestRecovery(KillSwitchScope scope, String approver, char[] approvalCode) {
    return answer(new RequestRecovery(scope, approver, new String(approvalCode)), reply.apply(status));
  }

  @Override
  public CompletionStage<KillSwitchReply> completeRecovery(KillSwitchScope scope, String identity) {
    return answer(new CompleteRecovery(scope, identity), reply.apply(status));
  }

  @Override
  public CompletionStage<KillSwitchStatus> status(KillSwitchScope scope) {
    return statusSilent ? new CompletableFuture<>() : answer(new Status(scope), status);
  }

  @Override
  public CompletionStage<Optional<KillSwitchStatus>> statusFromJournal(KillSwitchScope scope) {
    return journalStatus;
  }

  @Override
  public CompletionStage<List<RecordedEvent>> events(KillSwitchScope scope, long afterSequence, int limit) {
    return answer(new Events(scope, afterSequence, limit), journal.stream()
        .filter(e -> e.sequence() > afterSequence)
        .limit(limit)
        .toList());
  }

  private <T> CompletionStage<T> answer(Call call, T value) {
    calls.add(call);
    return failure == null ? CompletableFuture.completedFuture(value) : CompletableFuture.failedFuture(failure);
  }
}
