package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeferredKillSwitchServiceTest {
  private final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void aBatchedStatusRequestMadeBeforeTheServiceExistsReachesItsBatchOnceResolved() {
    DeferredKillSwitchService deferred = new DeferredKillSwitchService();
    RecordingKillSwitchService real = new RecordingKillSwitchService();
    TestProbe<KillSwitchStatus> replies = testKit.createTestProbe();
    List<KillSwitchScope> scopes = List.of(KillSwitchScope.GLOBAL, KillSwitchScope.session("s1"));

    deferred.requestStatuses(scopes, replies.ref());
    assertThat(real.statusRequests()).isEmpty();
    deferred.resolve(real);

    assertThat(real.statusRequests()).containsExactly(scopes);
  }
}
