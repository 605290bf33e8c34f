package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.session.AmbiguousWriteScenario.orderEvent;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.LandedButFailedCassandraJournal;
import org.peaktrade.actors.fixtures.LocalCassandra;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.OrderEvent;

/**
 * The ambiguous write for real: a PAPER session journals to a real Cassandra (tables from
 * {@code scripts/cassandra/schema.cql}, the production profile) through {@link LandedButFailedCassandraJournal},
 * which lets one write land in Cassandra and then answers it as failed, as when the coordinator's acknowledgement is
 * lost. The session restarts, reads back from Cassandra what landed, and goes on from there: no client order id is
 * used twice, the orders of its API are the placements in Cassandra, a fresh incarnation recovers exactly what the
 * session acknowledged, and the run log tells the same story. The journal is read back through the Cassandra read
 * journal, not through the plugin under test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmbiguousWriteOnCassandraIT {
  @RegisterExtension
  static final LocalCassandra CASSANDRA = LocalCassandra.withSchema();

  @TempDir
  static Path dataDir;

  private ActorTestKit testKit;
  private SessionHarness harness;
  private CassandraReadJournal cassandra;
  private AmbiguousWriteScenario scenario;

  @BeforeAll
  void startNode() {
    testKit = ActorTestKit.create("AmbiguousWriteOnCassandraIT",
        ConfigFactory.load(LandedButFailedCassandraJournal.config(CASSANDRA.profile())));
    harness = new SessionHarness(testKit, SessionHarness.settings(dataDir, ""));
    cassandra = PersistenceQuery.get(testKit.system())
        .getReadJournalFor(CassandraReadJournal.class, CassandraReadJournal.Identifier());
    scenario = new AmbiguousWriteScenario(testKit, harness, LandedButFailedCassandraJournal::landedButFailed,
        this::eventsInCassandra);
  }

  @AfterAll
  void stopNode() {
    testKit.shutdownTestKit();
  }

  private List<String> runWithAnAmbiguousWrite(String prefix, Predicate<Object> failing) throws Exception {
    return scenario.run(prefix,
        persistenceId -> LandedButFailedCassandraJournal.landButFailNextWrite(persistenceId, failing));
  }

  /** The events of a persistence id in Cassandra, read through the read journal, in sequence order. */
  private List<Object> eventsInCassandra(String persistenceId) throws Exception {
    return cassandra.currentEventsByPersistenceId(persistenceId, 0L, Long.MAX_VALUE)
        .map(EventEnvelope::event).runWith(Sink.seq(), testKit.system()).toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  @Test
  void neverReusesAClientOrderIdAfterTheWriteOfATradingBarLandedInCassandraButWasReportedFailed() throws Exception {
    assertThat(runWithAnAmbiguousWrite("placed", orderEvent(OrderEvent.Placed.class)))
        .containsExactlyElementsOf(AmbiguousWriteScenario.EVERY_ORDER_FILLED_ONCE);
  }

  @Test
  void aFillThatLandedInCassandraButWasReportedFailedIsBookedOnceWhenTheBarIsOfferedAgain() throws Exception {
    assertThat(runWithAnAmbiguousWrite("filled", orderEvent(OrderEvent.Filled.class)))
        .containsExactlyElementsOf(AmbiguousWriteScenario.EVERY_ORDER_FILLED_ONCE);
  }
}
