package org.peaktrade.actors.killswitch;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.killswitch.HealthCheckResult;

/**
 * Health check "journal-writable": persists a tiny probe event through the same journal the kill switch uses and
 * passes only when the write is confirmed in time. Probe events are deleted as snapshots are taken; they are not
 * part of any audit trail. The probe's persistence id includes the node address so nodes never share a writer.
 */
public final class JournalWritableCheck implements HealthCheck {
  public static final String NAME = "journal-writable";

  private final ActorSystem<?> system;
  private final ActorRef<Probe.Write> probe;
  private final Duration timeout;

  private JournalWritableCheck(ActorSystem<?> system, ActorRef<Probe.Write> probe, Duration timeout) {
    this.system = system;
    this.probe = probe;
    this.timeout = timeout;
  }

  /** Spawns the probe entity; call once per ActorSystem. */
  public static JournalWritableCheck start(ActorSystem<?> system, Duration timeout) {
    PersistenceId id = PersistenceId.of("journal-health-probe", system.address().toString());
    return new JournalWritableCheck(system, system.systemActorOf(Probe.create(id), "journal-health-probe",
        Props.empty()), timeout);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletionStage<HealthCheckResult> run() {
    return AskPattern.<Probe.Write, Long>ask(probe, Probe.Write::new, timeout, system.scheduler())
        .thenApply(written -> new HealthCheckResult(NAME, true, "probe event " + written + " persisted"));
  }

  /** Persists one event per {@link Write} and replies with the number of probes written so far. */
  static final class Probe
      extends EventSourcedBehaviorWithEnforcedReplies<Probe.Write, Probe.Written, Probe.Count> {

    record Write(ActorRef<Long> replyTo) implements CborSerializable {}

    record Written() implements CborSerializable {}

    record Count(long value) implements CborSerializable {
      Count next() {
        return new Count(value + 1);
      }
    }

    private Probe(PersistenceId id) {
      super(id, SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2));
    }

    static Behavior<Write> create(PersistenceId id) {
      return new Probe(id);
    }

    @Override
    public Count emptyState() {
      return new Count(0);
    }

    @Override
    public RetentionCriteria retentionCriteria() {
      return RetentionCriteria.snapshotEvery(100, 1).withDeleteEventsOnSnapshot();
    }

    @Override
    public CommandHandlerWithReply<Write, Written, Count> commandHandler() {
      return newCommandHandlerWithReplyBuilder().forAnyState().onCommand(Write.class, this::onWrite).build();
    }

    private ReplyEffect<Written, Count> onWrite(Count count, Write write) {
      return Effect().persist(new Written()).thenReply(write.replyTo(), Count::value);
    }

    @Override
    public EventHandler<Count, Written> eventHandler() {
      return newEventHandlerBuilder().forAnyState().onAnyEvent((count, written) -> count.next());
    }
  }
}
