package org.peaktrade.actors.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.peaktrade.actors.killswitch.ExecutionGate;
import org.peaktrade.actors.killswitch.KillSwitchGate;
import org.peaktrade.actors.killswitch.OpenOrderCanceller;
import org.peaktrade.engine.killswitch.GateDecision;
import org.peaktrade.engine.session.PaperVenue;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;

/**
 * The executor of a SHADOW or PAPER session: the engine's {@link PaperVenue} behind a mailbox. Nothing leaves the
 * node. It answers what the venue answers (acceptances, fills, expiries, cancels); the session persists every answer.
 *
 * <p>It reads the node's {@link ExecutionGate} again when it takes an order: a {@link Submit} that finds the global
 * or the session's switch not ACTIVE-and-fresh is rejected there ("killed before the executor took it", "kill-switch
 * state unknown when the executor took it"), so a kill that lands between the session's verdict and this moment
 * still stops the order. Orders handed back after a session restart ({@link Restore}) rest again only while the gate
 * allows; under a kill they are canceled and reported, and while the gate does not know the switches yet (just
 * after registering) they are held aside, not resting and never filling, and checked again every
 * {@link #RESTORE_RECHECK} and before each bar is offered (so they rest in time for it once the gate knows).
 *
 * <p>It remembers what it answered to every order it took, so the session can ask about an order whose answer it
 * missed ({@link QueryOrder}): a Submit still in the mailbox when the query was sent is taken before the query
 * (one sender, one order of delivery), so "never seen" proves it will not be taken. On start it registers with the
 * node's {@link KillSwitchGate} as the session's {@link OpenOrderCanceller}: when a switch covering the session is
 * killed it cancels every resting (and held) order and reports the cancels to the session. Talks to: the session,
 * the kill-switch gate.
 */
public final class PaperExecutor extends AbstractBehavior<PaperExecutor.Command> {
  /** How often orders held at a restore ask the gate again while it does not know the switches. */
  static final Duration RESTORE_RECHECK = Duration.ofMillis(200);

  public sealed interface Command {}

  /** Offer a new bar to the resting orders; answers their fills and expiries, in order. */
  public record OfferBar(Bar bar, ActorRef<VenueEvents> replyTo) implements Command {}

  /** Answers {@link OrderEvent.Accepted} or {@link OrderEvent.Rejected} (by the venue or by the gate). */
  public record Submit(Order order, ActorRef<OrderEvent> replyTo) implements Command {}

  /** Withdraw every resting order; answers the cancels. */
  public record CancelAll(String reason, ActorRef<VenueEvents> replyTo) implements Command {}

  /** Orders that were resting before the session restarted (each with its unfilled remainder) rest again. */
  public record Restore(List<Order> orders) implements Command {
    public Restore {
      orders = List.copyOf(orders);
    }
  }

  /** What became of the order {@code orderId} at its Submit; answers {@link OrderFound}. */
  public record QueryOrder(ClientOrderId orderId, ActorRef<OrderFound> replyTo) implements Command {}

  /** Whether this executor took the order, and what it answered then ({@code reason} for a rejection). */
  public record OrderFound(ClientOrderId orderId, Seen seen, String reason, Instant at) {
    public OrderFound {
      Objects.requireNonNull(orderId, "order id");
      Objects.requireNonNull(seen, "seen");
    }
  }

  /** ACCEPTED: it rested (what happened since was reported as venue events); REJECTED; NEVER: no Submit came. */
  public enum Seen { ACCEPTED, REJECTED, NEVER }

  private record KillSwitchCancel(OpenOrderCanceller.Command command) implements Command {}

  private enum RecheckRestore implements Command { INSTANCE }

  /** What the venue did, in order; also sent unasked to the session when the kill switch cancels its orders. */
  public record VenueEvents(List<OrderEvent> events) {
    public VenueEvents {
      events = List.copyOf(events);
    }
  }

  private final PaperVenue venue;
  private final Clock clock;
  private final String sessionId;
  private final ExecutionGate gateView;
  private final ActorRef<VenueEvents> reports;
  private final TimerScheduler<Command> timers;
  private final Map<ClientOrderId, OrderFound> taken = new HashMap<>();
  private final List<Order> held = new ArrayList<>();

  public static Behavior<Command> create(PaperVenue venue, Clock clock, String sessionId,
      ActorRef<KillSwitchGate.Command> gate, ExecutionGate gateView, ActorRef<VenueEvents> reports) {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(gateView, "gate view");
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      gate.tell(new KillSwitchGate.Register(sessionId,
          context.messageAdapter(OpenOrderCanceller.Command.class, KillSwitchCancel::new)));
      return new PaperExecutor(context, timers, venue, clock, sessionId, gateView, reports);
    }));
  }

  private PaperExecutor(ActorContext<Command> context, TimerScheduler<Command> timers, PaperVenue venue, Clock clock,
      String sessionId, ExecutionGate gateView, ActorRef<VenueEvents> reports) {
    super(context);
    this.timers = timers;
    this.venue = venue;
    this.clock = clock;
    this.sessionId = sessionId;
    this.gateView = gateView;
    this.reports = reports;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(OfferBar.class, offer -> {
          recheckRestore();
          offer.replyTo().tell(new VenueEvents(venue.onBar(offer.bar())));
          return this;
        })
        .onMessage(Submit.class, this::onSubmit)
        .onMessage(QueryOrder.class, query -> {
          query.replyTo().tell(taken.getOrDefault(query.orderId(),
              new OrderFound(query.orderId(), Seen.NEVER, null, null)));
          return this;
        })
        .onMessage(CancelAll.class, cancel -> {
          cancel.replyTo().tell(cancelAll(cancel.reason()));
          return this;
        })
        .onMessage(Restore.class, restore -> {
          restore.orders().forEach(order -> taken.put(order.id(), found(new OrderEvent.Accepted(order.id(),
              order.createdAt()))));
          held.addAll(restore.orders());
          return recheckRestore();
        })
        .onMessageEquals(RecheckRestore.INSTANCE, this::recheckRestore)
        .onMessage(KillSwitchCancel.class, this::onKilled)
        .build();
  }

  private Behavior<Command> onSubmit(Submit submit) {
    Order order = submit.order();
    GateDecision gate = gateView.check(sessionId);
    OrderEvent answer = gate.allowed() ? venue.submit(order, clock.instant())
        : new OrderEvent.Rejected(order.id(), refusal(gate), clock.instant());
    taken.put(order.id(), found(answer));
    if (!gate.allowed()) {
      getContext().getLog().warn("session {}: order {} refused at the executor: {}", sessionId, order.id(),
          refusal(gate));
    }
    submit.replyTo().tell(answer);
    return this;
  }

  /** Held orders rest once the gate allows, are canceled once it blocks for a known reason, else wait. */
  private Behavior<Command> recheckRestore() {
    if (held.isEmpty()) {
      return this;
    }
    GateDecision gate = gateView.check(sessionId);
    if (gate.allowed()) {
      held.forEach(order -> venue.submit(order, clock.instant()));
      held.clear();
    } else if (isUnknown(gate)) {
      timers.startSingleTimer(RecheckRestore.INSTANCE, RESTORE_RECHECK);
    } else {
      List<OrderEvent> canceled = cancelHeld("kill switch " + gate.message() + " (not rested after the restart)");
      getContext().getLog().warn("session {}: {} restored order(s) not rested: kill switch {}", sessionId,
          canceled.size(), gate.message());
      reports.tell(new VenueEvents(canceled));
    }
    return this;
  }

  private Behavior<Command> onKilled(KillSwitchCancel kill) {
    OpenOrderCanceller.CancelOpenOrders cancel = (OpenOrderCanceller.CancelOpenOrders) kill.command();
    VenueEvents canceled = cancelAll("kill switch " + cancel.reason());
    if (!canceled.events().isEmpty()) {
      getContext().getLog().warn("kill switch {} canceled {} resting order(s)", cancel.scope().value(),
          canceled.events().size());
      reports.tell(canceled);
    }
    return this;
  }

  private VenueEvents cancelAll(String reason) {
    List<OrderEvent> canceled = cancelHeld(reason);
    for (Order order : venue.resting()) {
      venue.cancel(order.id(), reason, clock.instant()).ifPresent(canceled::add);
    }
    return new VenueEvents(canceled);
  }

  private List<OrderEvent> cancelHeld(String reason) {
    List<OrderEvent> canceled = new ArrayList<>();
    held.forEach(order -> canceled.add(new OrderEvent.Canceled(order.id(), reason, clock.instant())));
    held.clear();
    timers.cancel(RecheckRestore.INSTANCE);
    return canceled;
  }

  /** The named reason an order is refused at the executor: killed (or recovering), or the state is not known. */
  static String refusal(GateDecision gate) {
    return isUnknown(gate) ? "kill-switch state unknown when the executor took it: " + gate.message()
        : "killed before the executor took it: " + gate.message();
  }

  private static boolean isUnknown(GateDecision gate) {
    return gate.reason().equals("unknown") || gate.reason().startsWith("stale");
  }

  private static OrderFound found(OrderEvent answer) {
    return answer instanceof OrderEvent.Rejected rejected
        ? new OrderFound(answer.orderId(), Seen.REJECTED, rejected.reason(), answer.at())
        : new OrderFound(answer.orderId(), Seen.ACCEPTED, null, answer.at());
  }
}
