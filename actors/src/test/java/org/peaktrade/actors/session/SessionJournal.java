package org.peaktrade.actors.session;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.actors.session.TradingSession.Event;
import org.peaktrade.protocol.Fill;

/** A session's journal and fills as tests read them: a run of processed bars stands for the events it holds. */
final class SessionJournal {
  private SessionJournal() {}

  /**
   * The persisted events, oldest first, each {@link Event.Batch} expanded into its events and each
   * {@link Event.BarsProcessed} into its bars' events.
   */
  static List<Event> expanded(List<?> persisted) {
    return persisted.stream().map(Event.class::cast).flatMap(event -> Event.expand(event).stream())
        .flatMap(event -> event instanceof Event.BarsProcessed run ? BarRuns.expand(run).stream() : List.of(event)
            .stream())
        .toList();
  }

  /**
   * The journal of session {@code id} in the test kit's storage, oldest first, each event in a few words without ids
   * or clock times: {@code bar <minute>} ({@code failed} when the strategy failed on it), {@code <OrderEvent> #<n>},
   * {@code RiskChecked #<n>}, or the event's type.
   */
  static List<String> described(PersistenceTestKit journal, String id) {
    return expanded(journal.persistedInStorage(TradingSession.persistenceId(id).id())).stream()
        .map(SessionJournal::describe).toList();
  }

  /** The session's fills, each without the owner part of its order id. */
  static List<String> fills(SessionHarness harness, ActorRef<TradingSession.Command> session) {
    List<Fill> fills = harness.ask(session, TradingSession.GetFills::new);
    return fills.stream().map(f -> number(f.orderId().value()) + " " + f.side() + " " + f.quantity() + " @ "
        + f.price() + " " + f.time()).toList();
  }

  private static String describe(Event event) {
    if (event instanceof Event.BarProcessed processed) {
      return "bar " + Duration.between(Bars.T0, processed.bar().openTime()).toMinutes()
          + (processed.strategyFailure() == null ? "" : " failed");
    }
    if (event instanceof Event.OrderUpdated updated) {
      return updated.change().getClass().getSimpleName() + " #" + number(updated.change().orderId().value());
    }
    if (event instanceof Event.RiskChecked checked) {
      return "RiskChecked #" + number(checked.orderId().value());
    }
    return event.getClass().getSimpleName();
  }

  private static String number(String orderId) {
    return orderId.replaceFirst("^.*-(\\d+)$", "$1");
  }
}
