package org.peaktrade.actors.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.peaktrade.actors.killswitch.KillSwitchGate;
import org.peaktrade.actors.killswitch.OpenOrderCanceller;
import org.peaktrade.engine.session.PaperVenue;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;

/**
 * The executor of a SHADOW or PAPER session: the engine's {@link PaperVenue} behind a mailbox. Nothing leaves the
 * node. It answers what the venue answers (acceptances, fills, expiries, cancels) and remembers nothing else; the
 * session persists every answer. On start it registers with the node's {@link KillSwitchGate} as the session's
 * {@link OpenOrderCanceller}: when a switch covering the session is killed it cancels every resting order and
 * reports the cancels to the session. After a session restart the session hands back the orders that were resting
 * ({@link Restore}). Talks to: the session, the kill-switch gate.
 */
public final class PaperExecutor {
  private PaperExecutor() {}

  public sealed interface Command {}

  /** Offer a new bar to the resting orders; answers their fills and expiries, in order. */
  public record OfferBar(Bar bar, ActorRef<VenueEvents> replyTo) implements Command {}

  /** Answers {@link OrderEvent.Accepted} or {@link OrderEvent.Rejected}. */
  public record Submit(Order order, ActorRef<OrderEvent> replyTo) implements Command {}

  /** Withdraw every resting order; answers the cancels. */
  public record CancelAll(String reason, ActorRef<VenueEvents> replyTo) implements Command {}

  /** Orders that were resting before the session restarted (each with its unfilled remainder) rest again. */
  public record Restore(List<Order> orders) implements Command {
    public Restore {
      orders = List.copyOf(orders);
    }
  }

  private record KillSwitchCancel(OpenOrderCanceller.Command command) implements Command {}

  /** What the venue did, in order; also sent unasked to the session when the kill switch cancels its orders. */
  public record VenueEvents(List<OrderEvent> events) {
    public VenueEvents {
      events = List.copyOf(events);
    }
  }

  public static Behavior<Command> create(PaperVenue venue, Clock clock, String sessionId,
      ActorRef<KillSwitchGate.Command> gate, ActorRef<VenueEvents> reports) {
    Objects.requireNonNull(venue, "venue");
    return Behaviors.setup(context -> {
      gate.tell(new KillSwitchGate.Register(sessionId,
          context.messageAdapter(OpenOrderCanceller.Command.class, KillSwitchCancel::new)));
      return Behaviors.receive(Command.class)
          .onMessage(OfferBar.class, offer -> {
            offer.replyTo().tell(new VenueEvents(venue.onBar(offer.bar())));
            return Behaviors.same();
          })
          .onMessage(Submit.class, submit -> {
            submit.replyTo().tell(venue.submit(submit.order(), clock.instant()));
            return Behaviors.same();
          })
          .onMessage(CancelAll.class, cancel -> {
            cancel.replyTo().tell(cancelAll(venue, cancel.reason(), clock));
            return Behaviors.same();
          })
          .onMessage(Restore.class, restore -> {
            restore.orders().forEach(order -> venue.submit(order, clock.instant()));
            return Behaviors.same();
          })
          .onMessage(KillSwitchCancel.class, kill -> onKilled(context, venue, clock, kill, reports))
          .build();
    });
  }

  private static Behavior<Command> onKilled(ActorContext<Command> context, PaperVenue venue, Clock clock,
      KillSwitchCancel kill, ActorRef<VenueEvents> reports) {
    OpenOrderCanceller.CancelOpenOrders cancel = (OpenOrderCanceller.CancelOpenOrders) kill.command();
    VenueEvents canceled = cancelAll(venue, "kill switch " + cancel.reason(), clock);
    if (!canceled.events().isEmpty()) {
      context.getLog().warn("kill switch {} canceled {} resting order(s)", cancel.scope().value(),
          canceled.events().size());
      reports.tell(canceled);
    }
    return Behaviors.same();
  }

  private static VenueEvents cancelAll(PaperVenue venue, String reason, Clock clock) {
    List<OrderEvent> canceled = new ArrayList<>();
    for (Order order : venue.resting()) {
      venue.cancel(order.id(), reason, clock.instant()).ifPresent(canceled::add);
    }
    return new VenueEvents(canceled);
  }
}
