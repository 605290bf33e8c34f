package org.peaktrade.actors.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.peaktrade.actors.session.TradingSession.Event;
import org.peaktrade.protocol.Bar;

/**
 * The {@link Event.BarProcessed} events of bars that changed nothing, waiting to go to the journal with the session's
 * next write ({@link SessionSettings.JournalBatch}). Transient: a restarted session starts without them and processes
 * those bars again when its feed sends them again (the node's feeds keep every bar they publish in the candle
 * store, {@code BarFeed.after}). While they wait, they count as processed (a bar not newer than the last of them is
 * skipped), and the session's view, equity and positions show them.
 */
final class UnjournaledBars {
  private final List<Event.BarProcessed> waiting = new ArrayList<>();

  void add(Event.BarProcessed processed) {
    waiting.add(processed);
  }

  boolean isEmpty() {
    return waiting.isEmpty();
  }

  int size() {
    return waiting.size();
  }

  /** The waiting events, oldest first, handed over to be written; none wait afterwards. */
  List<Event> takeAll() {
    List<Event> taken = List.copyOf(waiting);
    waiting.clear();
    return taken;
  }

  void clear() {
    waiting.clear();
  }

  /** The oldest waiting bar; null when none waits. */
  Bar first() {
    return waiting.isEmpty() ? null : waiting.get(0).bar();
  }

  /** The newest waiting bar; null when none waits. */
  Bar last() {
    return waiting.isEmpty() ? null : waiting.get(waiting.size() - 1).bar();
  }

  /** Whether {@code bar} comes after every waiting bar (true when none waits). */
  boolean isNew(Bar bar) {
    return waiting.isEmpty() || bar.openTime().isAfter(waiting.get(waiting.size() - 1).bar().openTime());
  }

  /** The waiting bars, oldest first: processed, shown in the session's view, not yet journaled. */
  List<Bar> bars() {
    return waiting.stream().map(Event.BarProcessed::bar).toList();
  }

  /** The opens of the waiting bars the strategy failed on: a fresh strategy is not shown them. */
  List<Instant> failedBars() {
    return waiting.stream().filter(processed -> processed.strategyFailure() != null)
        .map(processed -> processed.bar().openTime()).toList();
  }
}
