package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.protocol.CborSerializable;

/**
 * pekko-persistence-jdbc with Slick's SQLite profile on the embedded journal's file, for real: writes, replay (from a
 * snapshot and the events after it), the highest sequence number, deletion, snapshots and the
 * currentEventsByPersistenceId query, each across an ActorSystem restart on the same file.
 */
class EmbeddedJournalTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String SNAPSHOTS_OF_APPENDER_1 =
      "SELECT sequence_number FROM snapshot WHERE persistence_id = 'appender-1' ORDER BY sequence_number";

  @TempDir
  Path dataDir;

  @Test
  void replaysEveryWrittenEventAfterARestartFromTheSnapshotAndTheEventsAfterIt() throws Exception {
    PersistenceId id = PersistenceId.ofUniqueId("appender-1");
    List<String> written = onSystem(system -> {
      ActorRef<Appender.Command> appender = system.systemActorOf(Appender.create(id, 3, false), "a",
          Props.empty());
      List<String> replies = new ArrayList<>();
      for (int i = 1; i <= 7; i++) {
        replies = append(system, appender, "e" + i);
      }
      // the snapshot at 3 is deleted after the one at 6 is saved, asynchronously: let it land before the stop
      try {
        Polling.until("the snapshot at 3 deleted", TIMEOUT, () -> query(SNAPSHOTS_OF_APPENDER_1),
            List.of(6L)::equals);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return replies;
    });
    List<String> replayed = onSystem(system -> {
      ActorRef<Appender.Command> appender = system.systemActorOf(Appender.create(id, 3, false), "a",
          Props.empty());
      return append(system, appender, "e8");
    });

    assertThat(written).containsExactly("e1", "e2", "e3", "e4", "e5", "e6", "e7");
    assertThat(replayed).containsExactly("e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8");
    assertThat(query(SNAPSHOTS_OF_APPENDER_1)).containsExactly(6L);
  }

  @Test
  void theEventsQueryReturnsEveryEventOfAnIdInOrderWithUniqueOrderings() throws Exception {
    PersistenceId id = PersistenceId.ofUniqueId("appender-2");
    List<String> events = onSystem(system -> {
      ActorRef<Appender.Command> appender = system.systemActorOf(Appender.create(id, 100, false), "a",
          Props.empty());
      for (int i = 1; i <= 5; i++) {
        append(system, appender, "q" + i);
      }
      JdbcReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class,
          JdbcReadJournal.Identifier());
      return await(journal.currentEventsByPersistenceId(id.id(), 0, Long.MAX_VALUE)
          .map(envelope -> ((Appended) envelope.event()).value() + "@" + envelope.sequenceNr())
          .runWith(Sink.seq(), system));
    });

    assertThat(events).containsExactly("q1@1", "q2@2", "q3@3", "q4@4", "q5@5");
    assertThat(query("SELECT count(DISTINCT ordering) FROM event_journal")).containsExactly(5L);
  }

  @Test
  void replaysFromTheSnapshotAfterItsEventsWereDeletedAndGivesTheNextEventAFreshOrdering() throws Exception {
    PersistenceId id = PersistenceId.ofUniqueId("appender-3");
    onSystem(system -> {
      ActorRef<Appender.Command> appender = system.systemActorOf(Appender.create(id, 2, true), "a",
          Props.empty());
      for (int i = 1; i <= 4; i++) {
        append(system, appender, "d" + i);
      }
      // Deletion runs after the snapshot, unacknowledged; terminating the system while its transaction runs would
      // leave that connection (and SQLite's write lock) open in this JVM, which a process exit would release.
      try {
        Polling.until("events before the previous snapshot deleted", TIMEOUT,
            () -> query("SELECT min(sequence_number) FROM event_journal").get(0), lowest -> lowest == 2);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return null;
    });
    long highestBefore = query("SELECT seq FROM sqlite_sequence WHERE name = 'event_journal'").get(0);
    List<String> replayed = onSystem(system -> {
      ActorRef<Appender.Command> appender = system.systemActorOf(Appender.create(id, 2, true), "a",
          Props.empty());
      return append(system, appender, "d5");
    });

    assertThat(replayed).containsExactly("d1", "d2", "d3", "d4", "d5");
    assertThat(highestBefore).isEqualTo(4);
    assertThat(query("SELECT ordering FROM event_journal WHERE sequence_number = 5")).containsExactly(5L);
  }

  @Test
  void thirtyTwoConcurrentWritersAreAllAcknowledgedWithoutABusyDatabase() throws Exception {
    int writers = 32;
    int each = 20;
    List<Integer> lengths = onSystem(system -> {
      List<CompletableFuture<Integer>> running = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        ActorRef<Appender.Command> appender = system.systemActorOf(
            Appender.create(PersistenceId.ofUniqueId("writer-" + w), 1000, false), "w" + w, Props.empty());
        running.add(CompletableFuture.supplyAsync(() -> {
          List<String> values = List.of();
          for (int i = 0; i < each; i++) {
            values = append(system, appender, "v" + i);
          }
          return values.size();
        }));
      }
      return running.stream().map(CompletableFuture::join).toList();
    });

    assertThat(lengths).hasSize(writers).containsOnly(each);
    assertThat(query("SELECT count(*) FROM event_journal")).containsExactly((long) writers * each);
  }

  @Test
  void everyConnectionOfThePluginCommitsThroughAnFsyncedWriteAheadLog() throws Exception {
    List<String> pragmas = onSystem(system -> {
      List<String> values = new ArrayList<>();
      try (Connection connection = DriverManager.getConnection(system.settings().config().getString(
          EmbeddedJournal.URL), EmbeddedJournal.properties(system.settings().config()));
          Statement statement = connection.createStatement()) {
        for (String pragma : List.of("journal_mode", "synchronous", "busy_timeout", "foreign_keys")) {
          try (ResultSet result = statement.executeQuery("PRAGMA " + pragma)) {
            result.next();
            values.add(pragma + "=" + result.getString(1));
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return values;
    });

    // synchronous 2 = FULL.
    assertThat(pragmas).containsExactly("journal_mode=wal", "synchronous=2", "busy_timeout=5000", "foreign_keys=1");
  }

  private <T> T onSystem(Function<ActorSystem<Void>, T> body) throws Exception {
    Config config = ConfigFactory.load(ConfigFactory.empty()
        .withValue("peaktrade.data-dir", ConfigValueFactory.fromAnyRef(dataDir.toAbsolutePath().toString()))
        .withFallback(EmbeddedJournal.config()));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "journal", config);
    try {
      await(EmbeddedJournal.createSchemaIfMissing(system));
      return body.apply(system);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private List<Long> query(String sql) throws Exception {
    List<Long> values = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(EmbeddedJournal.urlOf(
        dataDir.resolve("journal/peaktrade.db")));
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.add(result.getLong(1));
      }
    }
    return values;
  }

  private static List<String> append(ActorSystem<?> system, ActorRef<Appender.Command> appender, String value) {
    return await(AskPattern.<Appender.Command, List<String>>ask(appender,
        replyTo -> new Appender.Append(value, replyTo), TIMEOUT, system.scheduler()));
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  record Appended(String value) implements CborSerializable {}

  record Values(List<String> values) implements CborSerializable {
    Values with(String value) {
      List<String> next = new ArrayList<>(values);
      next.add(value);
      return new Values(next);
    }
  }

  /** Appends a value per command and replies with every value so far. */
  static final class Appender
      extends EventSourcedBehaviorWithEnforcedReplies<Appender.Command, Appended, Values> {
    interface Command extends CborSerializable {}

    record Append(String value, ActorRef<List<String>> replyTo) implements Command {}

    private final int snapshotEvery;
    private final boolean deleteEvents;

    private Appender(PersistenceId id, int snapshotEvery, boolean deleteEvents) {
      super(id);
      this.snapshotEvery = snapshotEvery;
      this.deleteEvents = deleteEvents;
    }

    static Behavior<Command> create(PersistenceId id, int snapshotEvery, boolean deleteEvents) {
      return new Appender(id, snapshotEvery, deleteEvents);
    }

    @Override
    public Values emptyState() {
      return new Values(List.of());
    }

    @Override
    public RetentionCriteria retentionCriteria() {
      return deleteEvents ? RetentionCriteria.snapshotEvery(snapshotEvery, 1).withDeleteEventsOnSnapshot()
          : RetentionCriteria.snapshotEvery(snapshotEvery, 1);
    }

    @Override
    public CommandHandlerWithReply<Command, Appended, Values> commandHandler() {
      return newCommandHandlerWithReplyBuilder().forAnyState()
          .onCommand(Append.class, (state, append) -> Effect().persist(new Appended(append.value()))
              .thenReply(append.replyTo(), Values::values))
          .build();
    }

    @Override
    public EventHandler<Values, Appended> eventHandler() {
      return newEventHandlerBuilder().forAnyState().onAnyEvent((state, event) -> state.with(event.value()));
    }
  }
}
