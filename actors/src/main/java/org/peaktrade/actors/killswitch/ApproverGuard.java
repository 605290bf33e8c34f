package org.peaktrade.actors.killswitch;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.peaktrade.engine.killswitch.ApprovalVerdict;
import org.peaktrade.engine.killswitch.ApproverGuardRecord;
import org.peaktrade.engine.killswitch.KillSwitchPolicy;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.killswitch.ApproverGuardEvent;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * One approver's guard, persistence id {@code approver-guard|<approver key>}: the single place in the cluster that
 * checks that approver's approval codes, whatever scope they are meant for, so wrong codes spread over many scopes
 * or sent concurrently still meet one count and one lock-out. Its mailbox serializes the checks; the decision lives
 * in the engine's {@link ApproverGuardRecord}; every checked code (with scope, approver and time) and every attempt
 * refused during a lock-out is an event, so the lock-out is rebuilt from the journal on a restart, on any node.
 *
 * <p>PBKDF2 at the configured iteration count costs 100s of ms of CPU, so the guard runs on {@link #DISPATCHER}, a
 * small dedicated pool, never on the default dispatcher. Created by {@link KillSwitchRegistry} on a single node or by
 * sharding in a cluster ({@code ShardedKillSwitches}); {@link KillSwitchRuntime} asks it before every recovery
 * request and hands its {@link ApprovalVerdict} to the {@link KillSwitch}.
 */
public final class ApproverGuard
    extends EventSourcedBehaviorWithEnforcedReplies<ApproverGuard.Command, ApproverGuardEvent, ApproverGuardRecord> {
  public static final String ENTITY_TYPE = "approver-guard";
  /** The dispatcher the guards run on (config path), sized in {@code reference.conf}. */
  public static final String DISPATCHER = "peaktrade.kill-switch.approval-dispatcher";
  public static final DispatcherSelector DISPATCHER_SELECTOR = DispatcherSelector.fromConfig(DISPATCHER);

  /** Everything the guard understands. */
  public sealed interface Command extends CborSerializable {}

  /** Checks {@code code} (then clears it) for a recovery request of {@code scope}. */
  public record Verify(KillSwitchScope scope, String approver, char[] code, ActorRef<ApprovalVerdict> replyTo)
      implements Command {
    @Override
    public String toString() {
      return "Verify[scope=" + scope + ", approver=" + approver + ", code=***, replyTo=" + replyTo + "]";
    }
  }

  private final KillSwitchPolicy policy;
  private final int snapshotEvery;
  private final Clock clock;

  private ApproverGuard(String key, KillSwitchSettings settings, Clock clock) {
    super(persistenceId(key),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    this.policy = settings.policy();
    this.snapshotEvery = settings.snapshotEvery();
    this.clock = clock;
  }

  /** {@code key} is {@link ApproverGuardRecord#key} of the approver; spawn it with {@link #DISPATCHER_SELECTOR}. */
  public static Behavior<Command> create(String key, KillSwitchSettings settings, Clock clock) {
    return new ApproverGuard(key, settings, clock);
  }

  public static PersistenceId persistenceId(String key) {
    return PersistenceId.of(ENTITY_TYPE, key);
  }

  @Override
  public ApproverGuardRecord emptyState() {
    return ApproverGuardRecord.INITIAL;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(snapshotEvery, 2);
  }

  @Override
  public CommandHandlerWithReply<Command, ApproverGuardEvent, ApproverGuardRecord> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Verify.class, this::onVerify)
        .build();
  }

  private ReplyEffect<ApproverGuardEvent, ApproverGuardRecord> onVerify(ApproverGuardRecord state, Verify command) {
    try {
      ApproverGuardEvent event = state.attempt(command.approver(), command.scope(),
          () -> policy.approvalCode().matches(command.code()), policy, clock.instant());
      return Effect().persist(event).thenReply(command.replyTo(), next -> ApproverGuardRecord.verdict(event));
    } finally {
      if (command.code() != null) {
        Arrays.fill(command.code(), '\0');
      }
    }
  }

  @Override
  public EventHandler<ApproverGuardRecord, ApproverGuardEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(ApproverGuardRecord::apply);
  }
}
