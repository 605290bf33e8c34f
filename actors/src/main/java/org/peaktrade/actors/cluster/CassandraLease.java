package org.peaktrade.actors.cluster;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.coordination.lease.LeaseSettings;
import org.apache.pekko.coordination.lease.javadsl.Lease;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;
import org.peaktrade.engine.time.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-writer fence of a cluster on Cassandra: a Pekko {@link Lease} kept as a row of {@code writer_leases} in the
 * journal's keyspace, taken and renewed with lightweight transactions (Paxos), so two owners can never hold it at once.
 * Cluster Sharding takes one per shard before it starts a session or kill switch there
 * ({@code pekko.cluster.sharding.use-lease}), and the shard coordinator and the session directory take one before they
 * start ({@code use-lease} of their singletons): a second cluster on the same keyspace — a member that formed a cluster
 * of its own, a copy started by mistake — finds every lease held and starts nothing that could append to a journal the
 * first one writes.
 *
 * <p>The row carries a TTL of {@code heartbeat-timeout}; the holder renews it every {@code heartbeat-interval}. A holder
 * that is killed stops renewing and the lease frees itself after the TTL. A holder that cannot renew (Cassandra
 * unreachable, the row taken or gone) counts the lease lost once its last confirmed renewal is older than
 * {@code heartbeat-timeout - heartbeat-interval} — before the row can expire for anyone else — and calls the lost
 * callback: the shard then stops its entities (fail closed). The owner is the member's address plus one random id per
 * JVM, so a member restarted on the same address cannot pick up the lease of its killed incarnation before it expires.
 * Ages are read from a monotonic {@link Ticker}, never the wall clock.
 */
public final class CassandraLease extends Lease {
  /** Where the settings are: {@code pekko.cluster.sharding.use-lease} and the singletons' name this path. */
  public static final String CONFIG_PATH = "peaktrade.cluster.writer-lease";
  public static final String TABLE = "writer_leases";
  private static final String INCARNATION = UUID.randomUUID().toString();
  private static final Map<String, CompletionStage<Done>> CREATED = new ConcurrentHashMap<>();
  private static final Logger LOG = LoggerFactory.getLogger(CassandraLease.class);

  private final LeaseSettings settings;
  private final ActorSystem system;
  private final Ticker ticker;
  private final String owner;
  private final String table;
  private final int ttlSeconds;
  private final Duration validFor;
  /** Ticker reading at the send of the last renewal Cassandra applied, or -1 when not held. */
  private final AtomicLong confirmedAt = new AtomicLong(-1);
  private final AtomicReference<Cancellable> heartbeat = new AtomicReference<>();
  private final AtomicReference<Consumer<Optional<Throwable>>> onLost = new AtomicReference<>();
  private volatile CassandraSession session;

  /** The constructor Pekko's lease provider calls. */
  public CassandraLease(LeaseSettings settings, ExtendedActorSystem system) {
    this(settings, system, Ticker.SYSTEM);
  }

  CassandraLease(LeaseSettings settings, ActorSystem system, Ticker ticker) {
    this.settings = settings;
    this.system = system;
    this.ticker = ticker;
    this.owner = settings.ownerName() + "#" + INCARNATION;
    this.table = settings.leaseConfig().getString("keyspace") + "." + TABLE;
    Duration timeout = settings.timeoutSettings().getHeartbeatTimeout();
    Duration interval = settings.timeoutSettings().getHeartbeatInterval();
    WriterLeaseSettings.checkHeartbeats(timeout, interval);
    this.ttlSeconds = (int) Math.max(1, timeout.toSeconds());
    this.validFor = timeout.minus(interval);
  }

  /** The CQL that creates the lease table in {@code keyspace} (also in scripts/cassandra/schema.cql). */
  public static String createTableStatement(String keyspace) {
    return "CREATE TABLE IF NOT EXISTS " + keyspace + "." + TABLE + " (\n  name text PRIMARY KEY,\n  owner text)";
  }

  /** Who holds the lease, as written into its row. */
  public String owner() {
    return owner;
  }

  @Override
  public LeaseSettings getSettings() {
    return settings;
  }

  @Override
  public CompletionStage<Boolean> acquire() {
    return acquire(lost -> { });
  }

  @Override
  public CompletionStage<Boolean> acquire(Consumer<Optional<Throwable>> leaseLostCallback) {
    onLost.set(leaseLostCallback);
    long sent = ticker.nanos();
    return session().thenCompose(cql -> cql.selectOne(lwt("INSERT INTO " + table + " (name, owner) VALUES (?, ?) "
            + "IF NOT EXISTS USING TTL " + ttlSeconds, settings.leaseName(), owner)))
        .thenCompose(row -> {
          if (applied(row)) {
            return CompletableFuture.completedFuture(true);
          }
          String holder = row.map(r -> r.getString("owner")).orElse(null);
          return owner.equals(holder) ? renew() : CompletableFuture.completedFuture(false);
        })
        // The timeout comes before the bookkeeping: an answer that arrives too late must not start renewing a lease
        // Pekko was told it did not get. Whether the row landed stays unknown until the next acquire, which finds
        // this owner in it and renews.
        .toCompletableFuture()
        .orTimeout(operationTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(held -> {
          if (held) {
            confirmedAt.set(sent);
            startHeartbeat();
          } else {
            LOG.info("lease {} is held by another owner; {} waits", settings.leaseName(), owner);
          }
          return held;
        });
  }

  @Override
  public CompletionStage<Boolean> release() {
    stopHeartbeat();
    confirmedAt.set(-1);
    return session().thenCompose(cql -> cql.selectOne(lwt("DELETE FROM " + table + " WHERE name = ? IF owner = ?",
            settings.leaseName(), owner)))
        .thenApply(row -> true)
        .toCompletableFuture()
        .orTimeout(operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Held: the last renewal Cassandra applied was sent less than {@code heartbeat-timeout - heartbeat-interval} ago. */
  @Override
  public boolean checkLease() {
    long at = confirmedAt.get();
    return at >= 0 && ticker.nanos() - at < validFor.toNanos();
  }

  private CompletionStage<Boolean> renew() {
    return session().thenCompose(cql -> cql.selectOne(lwt("UPDATE " + table + " USING TTL " + ttlSeconds
            + " SET owner = ? WHERE name = ? IF owner = ?", owner, settings.leaseName(), owner)))
        .thenApply(CassandraLease::applied);
  }

  private void startHeartbeat() {
    Duration every = settings.timeoutSettings().getHeartbeatInterval();
    Cancellable next = system.scheduler().scheduleWithFixedDelay(every, every, this::beat, system.dispatcher());
    Cancellable previous = heartbeat.getAndSet(next);
    if (previous != null) {
      previous.cancel();
    }
  }

  private void stopHeartbeat() {
    Cancellable running = heartbeat.getAndSet(null);
    if (running != null) {
      running.cancel();
    }
  }

  private void beat() {
    if (confirmedAt.get() < 0) {
      return;
    }
    long sent = ticker.nanos();
    renew().whenComplete((held, failure) -> {
      if (failure == null && held) {
        confirmedAt.accumulateAndGet(sent, Math::max);
      } else if (failure == null) {
        lose("the lease row is gone or another owner holds it", Optional.empty());
      } else if (!checkLease()) {
        lose("no renewal within " + validFor + " (" + failure + ")", Optional.of(failure));
      } else {
        LOG.warn("lease {}: renewal failed, still valid for less than {}: {}", settings.leaseName(), validFor,
            failure.toString());
      }
    });
  }

  private void lose(String why, Optional<Throwable> cause) {
    if (confirmedAt.getAndSet(-1) < 0) {
      return;
    }
    stopHeartbeat();
    LOG.error("lease {} lost by {}: {}; what it guards stops", settings.leaseName(), owner, why);
    Consumer<Optional<Throwable>> callback = onLost.get();
    if (callback != null) {
      callback.accept(cause);
    }
  }

  private Duration operationTimeout() {
    return settings.timeoutSettings().getOperationTimeout();
  }

  /**
   * The journal plugin's Cassandra session; with {@code autocreate} (a throwaway local Cassandra only, like the
   * plugin's own) the lease table is created first, once per JVM and table.
   */
  private CompletionStage<CassandraSession> session() {
    CassandraSession known = session;
    if (known == null) {
      known = CassandraSessionRegistry.get(system).sessionFor(settings.leaseConfig().getString("session-config"));
      session = known;
    }
    if (!settings.leaseConfig().getBoolean("autocreate")) {
      return CompletableFuture.completedFuture(known);
    }
    CassandraSession cql = known;
    String keyspace = table.substring(0, table.indexOf('.'));
    return CREATED.computeIfAbsent(table, name -> cql.executeDDL("CREATE KEYSPACE IF NOT EXISTS " + keyspace
            + " WITH REPLICATION = { 'class' : 'SimpleStrategy', 'replication_factor' : 1 }")
            .thenCompose(done -> cql.executeDDL(createTableStatement(keyspace))))
        .thenApply(done -> cql);
  }

  private static SimpleStatement lwt(String cql, Object... values) {
    return SimpleStatement.newInstance(cql, values).setSerialConsistencyLevel(ConsistencyLevel.SERIAL)
        .setConsistencyLevel(ConsistencyLevel.QUORUM);
  }

  private static boolean applied(Optional<Row> row) {
    return row.map(r -> r.getBoolean("[applied]")).orElse(false);
  }
}
