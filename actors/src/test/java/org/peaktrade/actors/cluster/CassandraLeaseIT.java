package org.peaktrade.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.coordination.lease.LeaseSettings;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peaktrade.actors.fixtures.LocalCassandra;
import org.peaktrade.actors.fixtures.ManualTicker;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.engine.time.Ticker;

/**
 * The one-writer fence on a real Cassandra whose tables come from {@code scripts/cassandra/schema.cql}: two owners
 * never hold one lease, a crashed holder's lease frees itself after its TTL and not before, a holder whose row was
 * taken counts the lease lost and calls back, and a holder that cannot renew stops counting it held before the row
 * could expire for anyone else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CassandraLeaseIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static final LocalCassandra CASSANDRA = LocalCassandra.withSchema();

  private ActorSystem system;
  private int names;

  @BeforeAll
  void startSystem() {
    system = ActorSystem.create("lease", settings().withFallback(CASSANDRA.profile()).withFallback(
        ConfigFactory.load()).resolve());
  }

  @AfterAll
  void stopSystem() {
    TestKit.shutdownActorSystem(system);
  }

  @Test
  void aSecondOwnerCannotTakeALeaseTheFirstHoldsAndTakesItOnceReleased() throws Exception {
    String name = freshName();
    CassandraLease first = lease(system, name, "member-a", Ticker.SYSTEM);
    CassandraLease second = lease(system, name, "member-b", Ticker.SYSTEM);

    assertThat(get(first.acquire())).isTrue();
    assertThat(get(second.acquire())).as("held by the first").isFalse();
    assertThat(first.checkLease()).isTrue();
    assertThat(second.checkLease()).isFalse();
    assertThat(ownerOf(name)).isEqualTo(first.owner());

    assertThat(get(first.release())).isTrue();
    assertThat(first.checkLease()).isFalse();
    assertThat(get(second.acquire())).isTrue();
    assertThat(ownerOf(name)).isEqualTo(second.owner());
    get(second.release());
  }

  @Test
  void aHolderKeepsItsLeasePastTheTimeoutByRenewingIt() throws Exception {
    String name = freshName();
    CassandraLease holder = lease(system, name, "member-a", Ticker.SYSTEM);
    CassandraLease other = lease(system, name, "member-b", Ticker.SYSTEM);
    assertThat(get(holder.acquire())).isTrue();

    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    Polling.until("the timeout (3 s) passed twice over", Duration.ofSeconds(10),
        () -> System.nanoTime() > until);

    assertThat(holder.checkLease()).isTrue();
    assertThat(get(other.acquire())).isFalse();
    get(holder.release());
  }

  @Test
  void aCrashedHoldersLeaseFreesItselfAfterTheTimeoutAndNotBefore() throws Exception {
    String name = freshName();
    ActorSystem crashing = ActorSystem.create("crashing", settings().withFallback(CASSANDRA.profile())
        .withFallback(ConfigFactory.load()).resolve());
    CassandraLease crashed = lease(crashing, name, "member-a", Ticker.SYSTEM);
    assertThat(get(crashed.acquire())).isTrue();
    long crashedAt = System.nanoTime();
    TestKit.shutdownActorSystem(crashing);

    CassandraLease next = lease(system, name, "member-b", Ticker.SYSTEM);
    assertThat(get(next.acquire())).as("the crashed holder's row is still live").isFalse();
    Polling.until("the crashed holder's row expired", WAIT, () -> get(next.acquire()));

    assertThat(Duration.ofNanos(System.nanoTime() - crashedAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(ownerOf(name)).isEqualTo(next.owner());
    get(next.release());
  }

  @Test
  void aHolderWhoseRowWasTakenCountsTheLeaseLostAndCallsBack() throws Exception {
    String name = freshName();
    CassandraLease holder = lease(system, name, "member-a", Ticker.SYSTEM);
    AtomicInteger lost = new AtomicInteger();
    assertThat(get(holder.acquire(cause -> lost.incrementAndGet()))).isTrue();

    try (CqlSession cql = CASSANDRA.connect()) {
      cql.execute("UPDATE peaktrade.writer_leases SET owner = 'an intruder' WHERE name = '" + name + "'");
    }

    Polling.until("the lost callback ran", WAIT, () -> lost.get() == 1);
    assertThat(holder.checkLease()).isFalse();
    assertThat(ownerOf(name)).isEqualTo("an intruder");
  }

  @Test
  void aHolderThatHasNotRenewedForTheTimeoutLessOneIntervalNoLongerCountsItHeld() throws Exception {
    ManualTicker ticker = new ManualTicker();
    Config slow = ConfigFactory.parseString("heartbeat-timeout = 60s\nheartbeat-interval = 20s").withFallback(
        system.settings().config().getConfig(CassandraLease.CONFIG_PATH));
    CassandraLease holder = new CassandraLease(LeaseSettings.apply(slow, freshName(), "member-a"), system, ticker);
    assertThat(get(holder.acquire())).isTrue();

    ticker.advance(Duration.ofMillis(39_999));
    assertThat(holder.checkLease()).isTrue();
    ticker.advance(Duration.ofMillis(1));
    assertThat(holder.checkLease()).as("60 s timeout - 20 s interval without a confirmed renewal").isFalse();
    get(holder.release());
  }

  @Test
  void settingsThatLoseTheLeaseOnOneFailedRenewalAreRefused() {
    Config tooSlow = ConfigFactory.parseString("heartbeat-interval = 1200ms").withFallback(
        system.settings().config().getConfig(CassandraLease.CONFIG_PATH));
    LeaseSettings leaseSettings = LeaseSettings.apply(tooSlow, "any", "member-a");

    assertThatThrownBy(() -> new CassandraLease(leaseSettings, system, Ticker.SYSTEM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("heartbeat-interval (PT1.2S) must be at most a third of heartbeat-timeout (PT3S)");
  }

  private static Config settings() {
    return ConfigFactory.parseString(CassandraLease.CONFIG_PATH + " {\n"
        + "  heartbeat-timeout = 3s\n  heartbeat-interval = 1s\n}");
  }

  private String freshName() {
    return "lease-it-" + System.nanoTime() + "-" + names++;
  }

  private CassandraLease lease(ActorSystem on, String name, String owner, Ticker ticker) {
    LeaseSettings leaseSettings = LeaseSettings.apply(on.settings().config().getConfig(CassandraLease.CONFIG_PATH),
        name, owner);
    return new CassandraLease(leaseSettings, on, ticker);
  }

  private static String ownerOf(String name) {
    try (CqlSession cql = CASSANDRA.connect()) {
      return cql.execute("SELECT owner FROM peaktrade.writer_leases WHERE name = '" + name + "'").one()
          .getString("owner");
    }
  }

  private static <T> T get(CompletionStage<T> stage) throws Exception {
    return CompletableFuture.completedFuture(null).thenCompose(none -> stage).get(20, TimeUnit.SECONDS);
  }
}
