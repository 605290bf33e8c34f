package org.peaktrade.actors.session;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.peaktrade.actors.killswitch.PersistenceSettings;

/**
 * Reads a session's order history back from its journal through the node's read journal
 * ({@code peaktrade.persistence.read-journal}: the embedded journal's JDBC one, Cassandra's in a cluster). Events are
 * never deleted (snapshots only bound recovery), so the journal holds every order event the session ever
 * acknowledged; a read started after the session applied an event includes it.
 */
final class SessionJournalReader {
  private final ActorSystem<?> system;
  private final CurrentEventsByPersistenceIdQuery journal;

  private SessionJournalReader(ActorSystem<?> system, CurrentEventsByPersistenceIdQuery journal) {
    this.system = system;
    this.journal = journal;
  }

  /** The reader of {@code system}'s configured read journal (Pekko keeps one plugin instance per system). */
  static SessionJournalReader of(ActorSystem<?> system) {
    return new SessionJournalReader(system, PersistenceQuery.get(system).getReadJournalFor(
        CurrentEventsByPersistenceIdQuery.class,
        PersistenceSettings.fromConfig(system.settings().config()).readJournal()));
  }

  /** Every order event of session {@code sessionId}, folded oldest first. */
  CompletionStage<OrderHistory> orders(String sessionId) {
    return journal.currentEventsByPersistenceId(TradingSession.persistenceId(sessionId).id(), 1, Long.MAX_VALUE)
        .runFold(new OrderHistory(), (history, envelope) -> {
          for (TradingSession.Event event : TradingSession.Event.expand((TradingSession.Event) envelope.event())) {
            if (event instanceof TradingSession.Event.OrderUpdated updated) {
              history.apply(updated.change());
            }
          }
          return history;
        }, system);
  }
}
