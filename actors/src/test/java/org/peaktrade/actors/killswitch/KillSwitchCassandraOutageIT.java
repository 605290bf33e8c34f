package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.T0;
import static org.peaktrade.actors.killswitch.CassandraKillSwitchNode.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.actors.fixtures.KillSwitchFixtures;
import org.peaktrade.actors.fixtures.LocalCassandra;
import org.peaktrade.actors.killswitch.KillSwitchService.RecordedEvent;
import org.peaktrade.protocol.killswitch.HealthCheckResult;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cassandra goes away under a running node and comes back: the ActorSystem stays up, kill-switch commands fail
 * visibly (no answer within the ask timeout) and the journal-writable check fails while it is away, writes resume
 * once it is back, and every acknowledged event is in the journal, also after a restart of the node. The node
 * starts on an empty Cassandra and lets the plugin create its tables (the local autocreate switch).
 */
class KillSwitchCassandraOutageIT {
  @RegisterExtension
  static final LocalCassandra CASSANDRA = LocalCassandra.empty();

  private static final String AUTOCREATE = "peaktrade.cassandra.autocreate = true";
  private static final Duration RESUME_WITHIN = Duration.ofSeconds(120);
  private static final Logger LOG = LoggerFactory.getLogger(KillSwitchCassandraOutageIT.class);

  private final AdvanceableClock clock = new AdvanceableClock(T0);
  private final KillSwitchScope scope = KillSwitchFixtures.freshScope();
  private final List<String> acknowledged = new ArrayList<>();
  private KillSwitchStatus lastAcknowledged;

  @Test
  void writesFailVisiblyWhileCassandraIsDownAndResumeAfterItReturnsWithoutLosingAnAcknowledgedEvent()
      throws Exception {
    List<RecordedEvent> trail;
    try (CassandraKillSwitchNode node = CassandraKillSwitchNode.start(CASSANDRA, clock, AUTOCREATE)) {
      // The plugin creates keyspaces and tables on the first write, which may outlast one ask timeout.
      acknowledgeOnceWritable(node, "before outage 1");
      acknowledge(node, "before outage 2");
      assertThat(journalWritable(node).passed()).isTrue();

      CASSANDRA.stop();

      Throwable refused = catchThrowable(() -> trigger(node, "during outage").get(30, TimeUnit.SECONDS));
      assertThat(refused).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
      HealthCheckResult check = journalWritable(node);
      assertThat(check.passed()).as(check.detail()).isFalse();
      assertThat(node.system.getWhenTerminated().toCompletableFuture()).isNotDone();

      CASSANDRA.start();
      Instant back = Instant.now();

      acknowledgeOnceWritable(node, "after outage 1");
      LOG.info("the first write after the outage was acknowledged {} ms after Cassandra answered CQL again",
          Duration.between(back, Instant.now()).toMillis());
      acknowledge(node, "after outage 2");
      assertThat(journalWritable(node).passed()).isTrue();
      trail = await(node.runtime.events(scope, 0, 1000));
    }
    assertThat(reasons(trail)).containsSubsequence(acknowledged);
    assertThat(trail).extracting(RecordedEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, trail.size()).boxed().toList());

    try (CassandraKillSwitchNode restarted = CassandraKillSwitchNode.start(CASSANDRA, clock, AUTOCREATE)) {
      assertThat(await(restarted.runtime.status(scope))).isEqualTo(lastAcknowledged);
      assertThat(await(restarted.runtime.events(scope, 0, 1000))).isEqualTo(trail);
    }
  }

  private CompletableFuture<KillSwitchReply> trigger(CassandraKillSwitchNode node, String reason) {
    return node.runtime.trigger(scope, TriggerKind.EXTERNAL, "ops", reason, Map.of()).toCompletableFuture();
  }

  private void acknowledge(CassandraKillSwitchNode node, String reason) {
    KillSwitchReply reply = await(trigger(node, reason));
    assertThat(reply.accepted()).as(reply.detail()).isTrue();
    acknowledged.add(reason);
    lastAcknowledged = reply.status();
  }

  /** Retries the trigger until one is acknowledged; an unanswered attempt may or may not be in the journal. */
  private void acknowledgeOnceWritable(CassandraKillSwitchNode node, String reason) throws InterruptedException {
    Instant deadline = Instant.now().plus(RESUME_WITHIN);
    for (int attempt = 1; Instant.now().isBefore(deadline); attempt++) {
      try {
        acknowledge(node, reason + " attempt " + attempt);
        return;
      } catch (IllegalStateException unanswered) {
        Thread.sleep(500);
      }
    }
    throw new AssertionError("no write was acknowledged within " + RESUME_WITHIN);
  }

  private static HealthCheckResult journalWritable(CassandraKillSwitchNode node) {
    return await(node.runtime.runHealthChecks()).stream()
        .filter(result -> result.name().equals(JournalWritableCheck.NAME)).findFirst().orElseThrow();
  }

  private static List<String> reasons(List<RecordedEvent> trail) {
    return trail.stream().map(RecordedEvent::event).map(KillSwitchCassandraOutageIT::reason).toList();
  }

  private static String reason(KillSwitchEvent event) {
    if (event instanceof KillSwitchEvent.Triggered triggered) {
      return triggered.reason();
    }
    if (event instanceof KillSwitchEvent.TriggerRepeated repeated) {
      return repeated.reason();
    }
    throw new AssertionError("only triggers were sent, but the journal holds " + event);
  }
}
