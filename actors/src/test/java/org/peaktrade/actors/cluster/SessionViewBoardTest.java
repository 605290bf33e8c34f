package org.peaktrade.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.session.SessionStatus;
import org.peaktrade.protocol.session.SessionView;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionViewBoardTest {
  private static final Instant STARTED = Instant.parse("2026-12-07T00:00:00Z");

  private final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  void shutDown() {
    testKit.shutdownTestKit();
  }

  private static SessionView view(String id, SessionStatus status, long barsSeen, String member) {
    SessionSpec spec = new SessionSpec(id, "ma-cross", Map.of(), Bars.BTC, SessionMode.SHADOW, "qty:1", "default",
        new BigDecimal("10000"), BigDecimal.ZERO, BigDecimal.ZERO);
    Money cash = Money.of("10000");
    return new SessionView(spec, status, null, STARTED, barsSeen, STARTED.plusSeconds(60 * barsSeen), cash, cash,
        Money.ZERO, Money.ZERO, BigDecimal.ZERO, 0, 0, member);
  }

  @Test
  void keepsTheViewWithMoreBarsSeen() {
    SessionViewBoard board = new SessionViewBoard();
    board.offer(view("a", SessionStatus.RUNNING, 10, "node1"));
    board.offer(view("a", SessionStatus.RUNNING, 12, "node2"));

    assertThat(board.get("a")).hasValueSatisfying(held -> {
      assertThat(held.barsSeen()).isEqualTo(12);
      assertThat(held.member()).isEqualTo("node2");
    });
  }

  @Test
  void ignoresALateViewFromTheMemberASessionLeft() {
    SessionViewBoard board = new SessionViewBoard();
    board.offer(view("a", SessionStatus.RUNNING, 12, "node2"));
    board.offer(view("a", SessionStatus.RUNNING, 11, "node1"));

    assertThat(board.get("a")).hasValueSatisfying(held -> assertThat(held.member()).isEqualTo("node2"));
  }

  @Test
  void replacesAViewWithOneOfTheSameBarFromItsNewMember() {
    SessionViewBoard board = new SessionViewBoard();
    board.offer(view("a", SessionStatus.RUNNING, 12, "node1"));
    board.offer(view("a", SessionStatus.PAUSED, 12, "node2"));

    assertThat(board.get("a")).hasValueSatisfying(held -> assertThat(held.status()).isEqualTo(SessionStatus.PAUSED));
  }

  @Test
  void keepsAStoppedSessionStoppedWhateverArrivesLater() {
    SessionViewBoard board = new SessionViewBoard();
    board.offer(view("a", SessionStatus.STOPPED, 12, "node1"));
    board.offer(view("a", SessionStatus.RUNNING, 13, "node2"));

    assertThat(board.get("a")).hasValueSatisfying(held -> assertThat(held.status()).isEqualTo(SessionStatus.STOPPED));
  }

  @Test
  void holdsOneViewPerSession() {
    SessionViewBoard board = new SessionViewBoard();
    board.offer(view("a", SessionStatus.RUNNING, 1, "node1"));
    board.offer(view("b", SessionStatus.RUNNING, 2, "node1"));
    board.offer(view("a", SessionStatus.RUNNING, 3, "node1"));

    assertThat(board.all()).extracting(held -> held.spec().id() + "@" + held.barsSeen())
        .containsExactlyInAnyOrder("a@3", "b@2");
    assertThat(board.get("c")).isEmpty();
  }

  @Test
  void takesTheViewsPublishedOnItsTopic() throws InterruptedException {
    SessionViewBoard board = new SessionViewBoard();
    ActorRef<Topic.Command<SessionView>> topic = testKit.spawn(Topic.create(SessionView.class, SessionViewBoard.TOPIC));
    board.subscribe(testKit.system(), topic);

    // The subscription reaches the topic through the receptionist: publish until the board has it.
    Polling.until("the published view on the board", Duration.ofSeconds(5), () -> {
      topic.tell(Topic.publish(view("a", SessionStatus.RUNNING, 7, "node3")));
      return board.get("a").isPresent();
    });
    assertThat(board.get("a")).hasValueSatisfying(held -> assertThat(held.member()).isEqualTo("node3"));
  }
}
