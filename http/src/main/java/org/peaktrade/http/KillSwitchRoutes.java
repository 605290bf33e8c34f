package org.peaktrade.http;

import static org.peaktrade.http.ApiJson.required;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.actors.killswitch.UnknownScopeException;
import org.peaktrade.http.auth.Caller;
import org.peaktrade.http.KillSwitchJson.AcceptedView;
import org.peaktrade.http.KillSwitchJson.CompleteRecoveryBody;
import org.peaktrade.http.KillSwitchJson.EventView;
import org.peaktrade.http.KillSwitchJson.EventsPage;
import org.peaktrade.http.KillSwitchJson.ExternalSignalBody;
import org.peaktrade.http.KillSwitchJson.RecoveryBody;
import org.peaktrade.http.KillSwitchJson.StatusView;
import org.peaktrade.http.KillSwitchJson.TriggerBody;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kill-switch control API under {@code /api/v1/kill-switch}: status, manual and external triggers, recovery
 * request and completion, and the audit trail. Who acts is the caller whose token the {@code Authorization} gate
 * admitted (an external trigger keeps its {@code source} as the identity and records the token as
 * {@value #SUBMITTED_BY} in the metadata). {@code ?session=ID} on any route selects the scope
 * {@code session:ID}; without it the global switch is meant. The routes only translate HTTP to the
 * {@link KillSwitchService} facade and back (a test double can stand in for the actors); the entity decides. A scope
 * whose session the node does not know answers 404 (the node's facade is a
 * {@link org.peaktrade.actors.killswitch.GuardedKillSwitchService}); free text with a control character (reason,
 * source, identity, approver, metadata keys and values) answers 400 naming the field.
 * Accepted commands answer 200, refusals answer problem+json with a status per {@link RefusalReason}. The approval
 * code is handed to the service as a char array, cleared afterwards, and never logged or echoed.
 */
public final class KillSwitchRoutes extends ApiRoutes {

  /** What {@link #route} serves. */
  public static final List<Endpoint> ENDPOINTS = List.of(
      Endpoint.get("/api/v1/kill-switch"),
      Endpoint.get("/api/v1/kill-switch/events"),
      Endpoint.post("/api/v1/kill-switch/trigger"),
      Endpoint.post("/api/v1/kill-switch/external"),
      Endpoint.post("/api/v1/kill-switch/recovery"),
      Endpoint.post("/api/v1/kill-switch/recovery/complete"));
  /** Upper bound of {@code limit} on the events route. */
  public static final int MAX_EVENTS_PAGE = 1000;
  /** Retry-After for a lock-out reply that does not name its end. */
  static final long LOCKOUT_FALLBACK_SECONDS = 60;

  /** The metadata key of an external trigger that names the token which sent it. */
  public static final String SUBMITTED_BY = "submittedBy";

  private static final Logger LOG = LoggerFactory.getLogger(KillSwitchRoutes.class);
  private static final int DEFAULT_EVENTS_PAGE = 100;
  /**
   * How long the status waits for the switch itself before it reads the journal: shorter than the ask's timeout, so
   * that a switch moving off a crashed member costs the caller about this plus the read, not the whole ask.
   */
  static final Duration SWITCH_WAIT = Duration.ofSeconds(2);
  /** How long a status read from the journal may take when the switch itself did not answer. */
  static final Duration JOURNAL_READ_TIMEOUT = Duration.ofSeconds(3);

  private final KillSwitchService service;
  private final Clock clock;

  public KillSwitchRoutes(KillSwitchService service) {
    this(service, Clock.systemUTC());
  }

  /** {@code clock} computes {@code cooldownRemainingSeconds} and lock-out Retry-After values. */
  public KillSwitchRoutes(KillSwitchService service, Clock clock) {
    this.service = service;
    this.clock = clock;
  }

  public Route route() {
    return pathPrefix(PathMatchers.segment("api").slash("v1").slash("kill-switch"), () -> scope(scope -> concat(
        pathEnd(() -> get(() -> status(scope))),
        path("events", () -> get(() -> events(scope))),
        path("trigger", () -> post(() -> asCaller(caller -> body(TriggerBody.class,
            body -> trigger(scope, caller, body))))),
        path("external", () -> post(() -> asCaller(caller -> body(ExternalSignalBody.class,
            body -> external(scope, caller, body))))),
        pathPrefix("recovery", () -> concat(
            pathEnd(() -> post(() -> asCaller(caller -> body(RecoveryBody.class,
                body -> requestRecovery(scope, caller, body))))),
            path("complete", () -> post(() -> asCaller(caller -> body(CompleteRecoveryBody.class,
                body -> complete(scope, caller, body))))))))));
  }

  /**
   * The switch's answer; when it does not answer within {@link #SWITCH_WAIT} (its entity is moving off a crashed
   * member) or its ask timed out, the status folded from its journal, marked {@code readFromJournal}: every
   * transition the switch acknowledged is in it. Still a 503 when the journal cannot be read either, within
   * {@link #JOURNAL_READ_TIMEOUT}.
   */
  private Route status(KillSwitchScope scope) {
    return answer(() -> service.status(scope).toCompletableFuture().copy()
        .orTimeout(SWITCH_WAIT.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(status -> StatusView.of(status, clock))
        .exceptionallyCompose(failure -> unwrap(failure) instanceof TimeoutException
            ? fromJournal(scope, failure) : CompletableFuture.failedFuture(failure)), this::ok);
  }

  private CompletionStage<StatusView> fromJournal(KillSwitchScope scope, Throwable unanswered) {
    return service.statusFromJournal(scope).toCompletableFuture()
        .orTimeout(JOURNAL_READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .<StatusView>thenCompose(read -> read.isPresent()
            ? CompletableFuture.completedFuture(StatusView.fromJournal(read.get(), clock))
            : CompletableFuture.failedFuture(unanswered))
        .exceptionallyCompose(notRead -> CompletableFuture.failedFuture(unanswered));
  }

  private Route events(KillSwitchScope scope) {
    return parameterOptional("after", after -> parameterOptional("limit", limit -> {
      long afterSequence;
      int pageSize;
      try {
        afterSequence = whole("after", after, 0, Long.MAX_VALUE, 0);
        pageSize = (int) whole("limit", limit, 1, MAX_EVENTS_PAGE, DEFAULT_EVENTS_PAGE);
      } catch (BadRequestException e) {
        return problem(e);
      }
      return answer(() -> service.events(scope, afterSequence, pageSize), recorded -> {
        List<EventView> events = recorded.stream().map(EventView::of).toList();
        long nextAfter = events.isEmpty() ? afterSequence : events.get(events.size() - 1).sequence();
        return ok(new EventsPage(scope.value(), afterSequence, pageSize, events, nextAfter));
      });
    }));
  }

  private Route trigger(KillSwitchScope scope, Caller caller, TriggerBody body) {
    String identity = identity(caller, "identity", body.identity());
    String reason = clean("reason", required("reason", body.reason()));
    Map<String, String> metadata = clean("metadata", body.metadata() == null ? Map.of() : body.metadata());
    return command(scope, "trigger", identity,
        () -> service.trigger(scope, TriggerKind.MANUAL, identity, reason, metadata));
  }

  private Route external(KillSwitchScope scope, Caller caller, ExternalSignalBody body) {
    String source = clean("source", required("source", body.source()));
    String reason = clean("reason", required("reason", body.reason()));
    return command(scope, "external-trigger", source + " (token " + caller.name() + ")",
        () -> service.trigger(scope, TriggerKind.EXTERNAL, source, reason,
            Map.of("source", source, SUBMITTED_BY, caller.name())));
  }

  private Route requestRecovery(KillSwitchScope scope, Caller caller, RecoveryBody body) {
    String approver = identity(caller, "approver", body.approver());
    char[] code = required("approvalCode", body.approvalCode());
    return command(scope, "request-recovery", approver, () -> {
      CompletionStage<KillSwitchReply> reply = service.requestRecovery(scope, approver, code);
      return reply.whenComplete((r, e) -> Arrays.fill(code, '\0'));
    });
  }

  private Route complete(KillSwitchScope scope, Caller caller, CompleteRecoveryBody body) {
    String identity = identity(caller, "identity", body.identity());
    return command(scope, "complete-recovery", identity, () -> service.completeRecovery(scope, identity));
  }

  /**
   * The caller's token name: who acts is who holds the token. A body may still name someone (older clients do), but
   * only the token's owner.
   */
  private static String identity(Caller caller, String field, String claimed) {
    clean(field, claimed);
    if (claimed != null && !claimed.strip().equals(caller.name())) {
      throw new BadRequestException("field '" + field + "' is '" + claimed + "' but the token belongs to '"
          + caller.name() + "'; leave the field out, the token names who acts");
    }
    return caller.name();
  }

  private Route command(KillSwitchScope scope, String command, String who,
      Supplier<CompletionStage<KillSwitchReply>> call) {
    return answer(call, reply -> {
      LOG.info("kill-switch {} scope={} by={}: {}", command, scope, who,
          reply.accepted() ? "accepted" : "refused " + reply.refusal());
      if (reply.accepted()) {
        return ok(AcceptedView.of(reply, clock));
      }
      if (reply.refusal() == RefusalReason.LOCKED_OUT) {
        return refused(reply, List.of(RetryAfter.create(lockoutSeconds(reply))));
      }
      return refused(reply, List.of());
    });
  }

  private Route refused(KillSwitchReply reply, List<HttpHeader> headers) {
    RefusalReason reason = reply.refusal();
    String detail = reply.detail() == null || reply.detail().isBlank() ? reason.name() : reply.detail();
    Problem problem = Problem.refused(reason, KillSwitchJson.httpStatus(reason), detail,
        StatusView.of(reply.status(), clock));
    return complete(ApiErrors.response(problem, headers));
  }

  /** Seconds until the approver's lock-out ends, as the reply names it, rounded up; at least 1. */
  private long lockoutSeconds(KillSwitchReply reply) {
    Instant until = reply.lockedUntil();
    if (until == null) {
      return LOCKOUT_FALLBACK_SECONDS;
    }
    return Math.max(1, (Duration.between(clock.instant(), until).toMillis() + 999) / 1000);
  }

  private Route scope(Function<KillSwitchScope, Route> inner) {
    return parameterOptional("session", session -> {
      if (session.isEmpty()) {
        return inner.apply(KillSwitchScope.GLOBAL);
      }
      KillSwitchScope scope;
      try {
        scope = KillSwitchScope.session(session.get());
      } catch (IllegalArgumentException e) {
        return problem(new BadRequestException(
            "query parameter 'session' must be 1-64 of A-Z a-z 0-9 . _ - (e.g. ?session=shadow-1)"));
      }
      return inner.apply(scope);
    });
  }

  @Override
  Route failed(Throwable cause) {
    if (cause instanceof UnknownScopeException unknown) {
      return problem(Problem.of("unknown-session", "Unknown session", 404, unknown.getMessage()));
    }
    if (cause instanceof IllegalArgumentException refused) {
      return problem(Problem.badRequest(refused.getMessage()));
    }
    if (cause instanceof TimeoutException) {
      LOG.warn("kill switch did not answer in time: {}", cause.getMessage());
      return problem(Problem.of("unavailable", "Kill switch unavailable", 503,
          "the kill switch did not answer in time; retry, and check the node's log if it persists"));
    }
    LOG.error("kill-switch request failed", cause);
    return problem(Problem.of("internal-error", "Internal error", 500,
        "the kill switch failed to answer; the node's log has the cause"));
  }

  private static long whole(String name, Optional<String> text, long min, long max, long fallback) {
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw new BadRequestException("query parameter '" + name + "' must be a whole number from " + min + " to " + max);
  }
}
