package org.peaktrade.actors.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * Settings of the cluster's writer lease ({@link CassandraLease}), {@code peaktrade.cluster.writer-lease} (defaults
 * documented in reference.conf). Pekko builds the lease from this block itself, when a shard or singleton first
 * needs one; reading it into this record at start makes a bad value fail then, naming its key, whether or not the
 * Cassandra profile switches the lease on. {@code lease-class} is Pekko's to read.
 *
 * @param keyspace the keyspace of the {@code writer_leases} table
 * @param sessionConfig the config path of the Cassandra session the lease uses (the journal plugin's)
 * @param autocreate whether the lease creates its keyspace and table on first use
 * @param heartbeatTimeout the lease row's TTL
 * @param heartbeatInterval how often the holder renews; at most a third of {@code heartbeatTimeout}
 * @param operationTimeout how long one lease operation may take
 */
public record WriterLeaseSettings(String keyspace, String sessionConfig, boolean autocreate,
    Duration heartbeatTimeout, Duration heartbeatInterval, Duration operationTimeout) {
  public static final String PATH = CassandraLease.CONFIG_PATH;

  public WriterLeaseSettings {
    checkHeartbeats(heartbeatTimeout, heartbeatInterval);
  }

  public static WriterLeaseSettings fromConfig(Config root) {
    Config config = root.getConfig(PATH);
    return new WriterLeaseSettings(text(config, "keyspace"), text(config, "session-config"),
        config.getBoolean("autocreate"), positive(config, "heartbeat-timeout"), positive(config, "heartbeat-interval"),
        positive(config, "lease-operation-timeout"));
  }

  /**
   * Refuses a renewal interval above a third of the timeout: the holder counts the lease lost once its last confirmed
   * renewal is older than {@code timeout - interval}, so one failed renewal must not already cross that line.
   */
  static void checkHeartbeats(Duration timeout, Duration interval) {
    if (interval.multipliedBy(3).compareTo(timeout) > 0) {
      throw new IllegalArgumentException(PATH + ": heartbeat-interval (" + interval
          + ") must be at most a third of heartbeat-timeout (" + timeout + "), or one failed renewal loses the lease");
    }
  }

  private static String text(Config config, String key) {
    String value = config.getString(key);
    if (value.isBlank()) {
      throw new ConfigException.BadValue(PATH + "." + key, "must not be empty");
    }
    return value;
  }

  private static Duration positive(Config config, String key) {
    Duration value = config.getDuration(key);
    if (value.isNegative() || value.isZero()) {
      throw new ConfigException.BadValue(PATH + "." + key, "must be positive: " + value);
    }
    return value;
  }
}
