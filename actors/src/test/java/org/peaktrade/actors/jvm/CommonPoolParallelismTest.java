package org.peaktrade.actors.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommonPoolParallelismTest {
  private static final int ASKS = 300;
  private final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  void shutDown() {
    testKit.shutdownTestKit();
  }

  record Ping(ActorRef<String> replyTo) {}

  /** Asks the echo {@code remaining} more times, one after the other, then tells {@code done} how many answered. */
  private static Behavior<Object> asker(ActorRef<Ping> echo, int remaining, int answered, ActorRef<Integer> done) {
    return Behaviors.setup(context -> {
      if (remaining == 0) {
        done.tell(answered);
        return Behaviors.stopped();
      }
      context.ask(String.class, echo, Duration.ofSeconds(5), Ping::new, (reply, failure) -> reply != null);
      return Behaviors.receiveMessage(ok -> asker(echo, remaining - 1, answered + (Boolean.TRUE.equals(ok) ? 1 : 0),
          done));
    });
  }

  @Test
  void answersAskWithoutStartingAThreadPerReply() {
    assertThat(CommonPoolParallelism.atLeastTwo()).as("the test JVM's common pool has two threads or more").isTrue();
    ActorRef<Ping> echo = testKit.spawn(Behaviors.receiveMessage(ping -> {
      ping.replyTo().tell("pong");
      return Behaviors.same();
    }));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    TestProbe<Integer> done = testKit.createTestProbe();
    long before = threads.getTotalStartedThreadCount();

    testKit.spawn(asker(echo, ASKS, 0, done.ref()));

    assertThat(done.receiveMessage(Duration.ofSeconds(30))).isEqualTo(ASKS);
    assertThat(threads.getTotalStartedThreadCount() - before)
        .as("threads started while %d asks were answered", ASKS).isLessThan(ASKS / 10);
  }
}
