package org.peaktrade.actors.killswitch;

import java.util.Optional;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.typed.javadsl.ActorSource;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

/**
 * Every status the kill switches publish on this node's status topic, as a stream: each materialisation subscribes
 * a fresh actor to the topic (the topic drops it when the stream ends). For live views such as the dashboard; a
 * consumer that falls {@value #BUFFER} statuses behind loses the oldest ones, since only the latest state matters.
 */
public final class KillSwitchStatusStream {
  static final int BUFFER = 64;

  private KillSwitchStatusStream() {}

  public static Source<KillSwitchStatus, NotUsed> from(ActorRef<Topic.Command<KillSwitchStatus>> topic) {
    return ActorSource.<KillSwitchStatus>actorRef(status -> false, status -> Optional.empty(), BUFFER,
            OverflowStrategy.dropHead())
        .mapMaterializedValue(subscriber -> {
          topic.tell(Topic.subscribe(subscriber));
          return NotUsed.notUsed();
        });
  }
}
