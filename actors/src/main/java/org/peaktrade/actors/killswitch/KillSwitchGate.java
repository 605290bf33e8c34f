package org.peaktrade.actors.killswitch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.peaktrade.engine.killswitch.ScopeView;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

/**
 * The node-local execution gate, one per node. It keeps the {@link GateView} that executors read before every
 * order: the global switch plus the switch of every registered session.
 *
 * <p>Fed two ways: statuses pushed by the kill-switch entities on the {@code kill-switch-status} topic, and a
 * refresh every {@code refresh-interval} that asks the service ({@link KillSwitchService#requestStatuses}, one
 * batch per refresh, answers told back one by one) for the global switch, for every session never answered yet,
 * and for every session whose view is at least {@link GateSettings#sessionDueAge()} old. So a missed global push
 * heals within one refresh interval, a missed session push within {@code sessionDueAge} plus one interval (3.5 s
 * with the defaults, before the view would go stale), and an idle node asks each session about once per
 * {@link GateSettings#confirmAfter()}, not once per interval. A switch that has missed an answer (overdue: its
 * entity lived on a crashed member and its shard is moving, or it is busy) is also read from its journal
 * ({@link KillSwitchService#statusFromJournal}), which holds every transition the switch acknowledged: the status
 * read renews the view as of the moment the read started, so a crash elsewhere does not block this node's sessions
 * while the journal answers. Only an answer, a push or a journal read renews a view; a switch that neither answers
 * nor can be read goes stale and blocks. A status with a lower revision than the one held is a late
 * delivery and is ignored. When a scope turns KILLED (from ACTIVE, RECOVERING or unknown) the gate
 * tells every affected registered executor to cancel its open orders: the session's own executor for a session
 * switch, all of them for the global one. An executor that registers while a covering switch is KILLED is told at
 * once.
 *
 * <p>Talks to: the status topic (subscribes), {@link KillSwitchService} (refresh), executors
 * ({@link OpenOrderCanceller.CancelOpenOrders}).
 */
public final class KillSwitchGate extends AbstractBehavior<KillSwitchGate.Command> {

  public sealed interface Command {}

  /** An executor for {@code sessionId} that must be told to cancel its open orders when its session is killed. */
  public record Register(String sessionId, ActorRef<OpenOrderCanceller.Command> executor) implements Command {
    public Register {
      Objects.requireNonNull(executor, "executor");
      KillSwitchScope.session(sessionId);
    }
  }

  /** The session stopped trading: forget its executor and its view (its orders are then blocked as unknown). */
  public record Unregister(String sessionId) implements Command {}

  /** Answers the sessions whose executors are registered on this node now. */
  public record GetRegistered(ActorRef<Registered> replyTo) implements Command {}

  public record Registered(Set<String> sessionIds) {
    public Registered {
      sessionIds = Set.copyOf(sessionIds);
    }
  }

  /** A status pushed on the topic or answered to a refresh: both are evidence from the entity. */
  private record StatusReceived(KillSwitchStatus status) implements Command {}

  /** The journal read of {@code scope} started at {@code askedAtMillis}: the status, or empty when it failed. */
  private record JournalStatusRead(KillSwitchScope scope, Optional<KillSwitchStatus> status, long askedAtMillis)
      implements Command {}

  private enum Refresh implements Command {
    INSTANCE
  }

  private final GateView view;
  private final KillSwitchService service;
  private final long sessionDueMillis;
  private final long sessionOverdueMillis;
  private final long askedEveryRefreshOverdueMillis;
  private final long startedAtMillis;
  private final ActorRef<KillSwitchStatus> statusReceiver;
  private final Map<String, ActorRef<OpenOrderCanceller.Command>> executors = new HashMap<>();
  /** Registered sessions not answered yet, with when they registered; empty once every switch has answered. */
  private final Map<String, Long> unansweredSince = new HashMap<>();
  /** Scopes whose journal read has not come back yet: at most one read per scope at a time. */
  private final Set<KillSwitchScope> journalReads = new HashSet<>();

  /**
   * Spawns the node's gate on {@code runtime}'s status topic as the system actor {@code name}, on the kill-switch
   * dispatcher ({@link KillSwitch#DISPATCHER}) with the switches it asks: busy sessions on the default dispatcher do
   * not hold its refreshes back.
   */
  public static ActorRef<Command> start(ActorSystem<?> system, String name, GateSettings settings, GateView view,
      KillSwitchRuntime runtime) {
    return system.systemActorOf(create(settings, view, runtime, runtime.statusTopic()), name,
        KillSwitch.DISPATCHER_SELECTOR);
  }

  public static Behavior<Command> create(GateSettings settings, GateView view, KillSwitchService service,
      ActorRef<Topic.Command<KillSwitchStatus>> statusTopic) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new KillSwitchGate(ctx, timers, settings, view, service, statusTopic)));
  }

  private KillSwitchGate(ActorContext<Command> ctx, TimerScheduler<Command> timers, GateSettings settings,
      GateView view, KillSwitchService service, ActorRef<Topic.Command<KillSwitchStatus>> statusTopic) {
    super(ctx);
    this.view = view;
    this.service = service;
    this.sessionDueMillis = settings.sessionDueAge().toMillis();
    this.sessionOverdueMillis = settings.overdueAge(settings.sessionDueAge()).toMillis();
    this.askedEveryRefreshOverdueMillis = settings.overdueAge(Duration.ZERO).toMillis();
    this.startedAtMillis = view.nowMillis();
    this.statusReceiver = ctx.messageAdapter(KillSwitchStatus.class, StatusReceived::new);
    statusTopic.tell(Topic.subscribe(statusReceiver));
    request(List.of(KillSwitchScope.GLOBAL));
    timers.startTimerWithFixedDelay(Refresh.INSTANCE, settings.refreshInterval());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(StatusReceived.class, m -> apply(m.status(), view.nowMillis()))
        .onMessage(JournalStatusRead.class, this::onJournalStatusRead)
        .onMessage(Register.class, this::onRegister)
        .onMessage(Unregister.class, this::onUnregister)
        .onMessageEquals(Refresh.INSTANCE, this::onRefresh)
        .onMessage(GetRegistered.class, get -> {
          get.replyTo().tell(new Registered(executors.keySet()));
          return this;
        })
        .onSignal(Terminated.class, this::onExecutorStopped)
        .build();
  }

  private Behavior<Command> onRegister(Register register) {
    KillSwitchScope scope = KillSwitchScope.session(register.sessionId());
    executors.put(register.sessionId(), register.executor());
    getContext().watch(register.executor());
    if (view.session(register.sessionId()) == null) {
      unansweredSince.putIfAbsent(register.sessionId(), view.nowMillis());
    }
    for (KillSwitchScope covering : new KillSwitchScope[] {KillSwitchScope.GLOBAL, scope}) {
      ScopeView held = view.get(covering);
      if (held != null && held.isKilled()) {
        register.executor().tell(cancel(held.status()));
      }
    }
    request(List.of(scope));
    return this;
  }

  private Behavior<Command> onUnregister(Unregister unregister) {
    forget(unregister.sessionId());
    return this;
  }

  /**
   * A registered executor stopped without an {@link Unregister}: its sessions ended on this node (moved to another
   * cluster member, or the actor failed). They are forgotten like unregistered ones; a session that registered a
   * newer executor since keeps it.
   */
  private Behavior<Command> onExecutorStopped(Terminated stopped) {
    List<String> ended = executors.entrySet().stream().filter(entry -> entry.getValue().equals(stopped.getRef()))
        .map(Map.Entry::getKey).toList();
    ended.forEach(this::forget);
    return this;
  }

  private void forget(String sessionId) {
    executors.remove(sessionId);
    unansweredSince.remove(sessionId);
    view.remove(KillSwitchScope.session(sessionId));
  }

  /**
   * Asks, in one batch, for the global switch, every session never answered and every session whose view is
   * {@code sessionDueAge} old; warns about views that stayed unanswered since the refresh before.
   */
  private Behavior<Command> onRefresh() {
    long now = view.nowMillis();
    List<KillSwitchScope> due = new ArrayList<>();
    List<KillSwitchScope> overdue = new ArrayList<>();
    due.add(KillSwitchScope.GLOBAL);
    ScopeView global = view.get(KillSwitchScope.GLOBAL);
    if (now - (global == null ? startedAtMillis : global.confirmedAtMillis()) >= askedEveryRefreshOverdueMillis) {
      overdue.add(KillSwitchScope.GLOBAL);
    }
    for (String sessionId : executors.keySet()) {
      KillSwitchScope scope = KillSwitchScope.session(sessionId);
      ScopeView held = view.session(sessionId);
      if (held == null) {
        due.add(scope);
        if (now - unansweredSince.getOrDefault(sessionId, now) >= askedEveryRefreshOverdueMillis) {
          overdue.add(scope);
        }
        continue;
      }
      long age = now - held.confirmedAtMillis();
      if (age >= sessionDueMillis) {
        due.add(scope);
        if (age >= sessionOverdueMillis) {
          overdue.add(scope);
        }
      }
    }
    if (!overdue.isEmpty()) {
      getContext().getLog().warn("{} kill switches did not answer the last refresh; reading them from the journal, "
          + "their views age towards stale and block orders once older than {} unless an answer or a read renews "
          + "them", overdue.size(), view.staleAfter());
    }
    request(due);
    readFromJournal(overdue);
    return this;
  }

  private void readFromJournal(List<KillSwitchScope> scopes) {
    long askedAt = view.nowMillis();
    for (KillSwitchScope scope : scopes) {
      if (journalReads.add(scope)) {
        // Bounded: a read that hangs (journal unreachable) counts as failed, and the scope may be read again.
        getContext().pipeToSelf(service.statusFromJournal(scope).toCompletableFuture()
            .orTimeout(view.staleAfter().toMillis(), TimeUnit.MILLISECONDS), (status, failure) ->
            new JournalStatusRead(scope, failure == null ? status : Optional.empty(), askedAt));
      }
    }
  }

  private Behavior<Command> onJournalStatusRead(JournalStatusRead read) {
    journalReads.remove(read.scope());
    read.status().ifPresent(status -> apply(status, read.askedAtMillis()));
    return this;
  }

  /** Applies a status as evidence of the switch at {@code seenAtMillis} (now, or when a journal read started). */
  private Behavior<Command> apply(KillSwitchStatus status, long seenAtMillis) {
    KillSwitchScope scope = status.scope();
    if (!scope.isGlobal() && !executors.containsKey(GateView.sessionId(scope))) {
      return this;
    }
    ScopeView held = view.get(scope);
    ScopeView updated = held == null ? ScopeView.of(status, seenAtMillis) : held.confirm(status, seenAtMillis);
    if (updated == held) {
      return this;
    }
    view.put(scope, updated);
    if (held == null && !scope.isGlobal()) {
      unansweredSince.remove(GateView.sessionId(scope));
    }
    if (updated.isKilled() && (held == null || !held.isKilled())) {
      onKilled(updated.status());
    }
    return this;
  }

  private void onKilled(KillSwitchStatus status) {
    OpenOrderCanceller.CancelOpenOrders cancel = cancel(status);
    getContext().getLog().warn("kill switch {} KILLED, cancelling open orders: {}", status.scope(), cancel.reason());
    if (status.scope().isGlobal()) {
      executors.values().forEach(executor -> executor.tell(cancel));
    } else {
      ActorRef<OpenOrderCanceller.Command> executor = executors.get(GateView.sessionId(status.scope()));
      if (executor != null) {
        executor.tell(cancel);
      }
    }
  }

  private static OpenOrderCanceller.CancelOpenOrders cancel(KillSwitchStatus status) {
    return new OpenOrderCanceller.CancelOpenOrders(status.scope(), ScopeView.freshDecision(status).message());
  }

  private void request(List<KillSwitchScope> scopes) {
    service.requestStatuses(scopes, statusReceiver);
  }
}
