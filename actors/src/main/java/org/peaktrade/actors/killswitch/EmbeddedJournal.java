package org.peaktrade.actors.killswitch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;

/**
 * The embedded single-machine journal: pekko-persistence-jdbc on an H2 file under {@code peaktrade.data-dir}.
 * {@link #prepare} creates the journal and snapshot tables if they do not exist yet; call it before starting any
 * persistent actor. (The class lives in the plugin's "testkit" package but is its only schema API.)
 */
public final class EmbeddedJournal {
  private EmbeddedJournal() {}

  public static void prepare(ActorSystem<?> system, Duration timeout) {
    try {
      SchemaUtils.createIfNotExists(system).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the journal schema", e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the journal schema in "
          + system.settings().config().getString("peaktrade.data-dir") + ": " + e.getMessage(), e);
    }
  }
}
