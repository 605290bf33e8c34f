package org.peaktrade.app.health;

import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Answers every {@link Ping} at once. That the answer arrives shows the actor system still schedules and runs
 * actors (dispatcher threads free, mailboxes processed); used by {@link ActorSystemResponsiveCheck}.
 */
public final class PingResponder {

  public record Ping(ActorRef<Done> replyTo) {}

  private PingResponder() {}

  public static Behavior<Ping> create() {
    return Behaviors.receiveMessage(ping -> {
      ping.replyTo().tell(Done.getInstance());
      return Behaviors.same();
    });
  }
}
