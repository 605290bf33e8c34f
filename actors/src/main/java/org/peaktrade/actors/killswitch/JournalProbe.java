package org.peaktrade.actors.killswitch;

import java.time.Clock;
import java.time.Instant;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.peaktrade.protocol.CborSerializable;

/**
 * Proves the journal is writable by writing to it: each {@link Probe} persists a tiny event and is answered only
 * after the write succeeded. Old probe events are deleted with each snapshot so the journal does not grow.
 */
public final class JournalProbe extends EventSourcedBehavior<JournalProbe.Probe, JournalProbe.Probed, Long> {

  public record Probe(ActorRef<Instant> replyTo) implements CborSerializable {}

  public record Probed(Instant at) implements CborSerializable {}

  private final Clock clock;

  public static Behavior<Probe> create(String nodeId, Clock clock) {
    return new JournalProbe(nodeId, clock);
  }

  private JournalProbe(String nodeId, Clock clock) {
    super(PersistenceId.of("journal-probe", nodeId));
    this.clock = clock;
  }

  @Override
  public Long emptyState() {
    return 0L;
  }

  @Override
  public CommandHandler<Probe, Probed, Long> commandHandler() {
    return newCommandHandlerBuilder().forAnyState().onCommand(Probe.class, probe -> {
      Probed event = new Probed(clock.instant());
      return Effect().persist(event).thenRun(count -> probe.replyTo().tell(event.at()));
    }).build();
  }

  @Override
  public EventHandler<Long, Probed> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent((count, event) -> count + 1);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(50, 1).withDeleteEventsOnSnapshot();
  }
}
