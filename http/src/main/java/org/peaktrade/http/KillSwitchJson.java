package org.peaktrade.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.peaktrade.actors.killswitch.KillSwitchService.RecordedEvent;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

/** The JSON shapes of the kill-switch API: what the routes write and the request bodies they accept. */
public final class KillSwitchJson {

  private KillSwitchJson() {}

  /**
   * A kill switch as the API shows it. {@code cooldownRemainingSeconds} is the remainder the entity measured on its
   * monotonic ticker (rounded up, never negative), null unless a cooldown is set; {@code clock} serves only a status
   * without that remainder (from a node running an older version), counted to its {@code cooldownEndsAt}.
   */
  public record StatusView(
      String scope, KillSwitchState state, Instant since, String reason, TriggerKind triggerKind, String triggeredBy,
      String recoveryRequestedBy, Instant cooldownEndsAt, Long cooldownRemainingSeconds, long revision,
      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean readFromJournal) {

    /** The switch's own answer. */
    public static StatusView of(KillSwitchStatus status, Clock clock) {
      return new StatusView(status.scope().value(), status.state(), status.since(), status.reason(),
          status.triggerKind(), status.triggeredBy(), status.recoveryRequestedBy(), status.cooldownEndsAt(),
          remainingSeconds(status, clock), status.revision(), null);
    }

    /** The status folded from the switch's journal, while the switch itself does not answer (it is moving). */
    public static StatusView fromJournal(KillSwitchStatus status, Clock clock) {
      StatusView view = of(status, clock);
      return new StatusView(view.scope(), view.state(), view.since(), view.reason(), view.triggerKind(),
          view.triggeredBy(), view.recoveryRequestedBy(), view.cooldownEndsAt(), view.cooldownRemainingSeconds(),
          view.revision(), true);
    }

    private static Long remainingSeconds(KillSwitchStatus status, Clock clock) {
      if (status.cooldownEndsAt() == null) {
        return null;
      }
      Duration remaining = status.cooldownRemaining() != null
          ? status.cooldownRemaining() : Duration.between(clock.instant(), status.cooldownEndsAt());
      long millis = remaining.toMillis();
      return millis <= 0 ? 0L : (millis + 999) / 1000;
    }
  }

  /** The 200 answer to an accepted command. */
  public record AcceptedView(boolean accepted, String detail, StatusView status) {
    static AcceptedView of(KillSwitchReply reply, Clock clock) {
      return new AcceptedView(true, reply.detail(), StatusView.of(reply.status(), clock));
    }
  }

  /** One journal entry: its sequence number and the event (with a {@code type} name). */
  public record EventView(long sequence, KillSwitchEvent event) {
    static EventView of(RecordedEvent recorded) {
      return new EventView(recorded.sequence(), recorded.event());
    }
  }

  /** A page of the audit trail; ask again with {@code after=nextAfter} for the next page. */
  public record EventsPage(String scope, long after, int limit, List<EventView> events, long nextAfter) {}

  /** {@code POST /kill-switch/trigger}: an operator kills (kind MANUAL). {@code metadata} is optional. */
  record TriggerBody(String identity, String reason, Map<String, String> metadata) {}

  /** {@code POST /kill-switch/external}: a webhook from an outside system (kind EXTERNAL). */
  record ExternalSignalBody(String source, String reason) {}

  /** {@code POST /kill-switch/recovery}. The code is a char array so the routes can clear it after use. */
  record RecoveryBody(String approver, @JsonDeserialize(using = CodeChars.class) char[] approvalCode) {}

  /**
   * Reads the approval code from a JSON string only, straight into a char array (no String to linger in memory).
   * Jackson's own char[] reader would also take an array of one-letter strings, which no client means to send.
   */
  static final class CodeChars extends StdDeserializer<char[]> {
    CodeChars() {
      super(char[].class);
    }

    @Override
    public char[] deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (char[]) context.handleUnexpectedToken(char[].class, parser);
      }
      int start = parser.getTextOffset();
      return Arrays.copyOfRange(parser.getTextCharacters(), start, start + parser.getTextLength());
    }
  }

  /** {@code POST /kill-switch/recovery/complete}. */
  record CompleteRecoveryBody(String identity) {}

  /** The refusals and the HTTP status each maps to. */
  static int httpStatus(RefusalReason reason) {
    switch (reason) {
      case WRONG_STATE:
      case COOLDOWN_NOT_OVER:
      case SAME_PERSON:
      case HEALTH_CHECK_FAILED:
        return 409;
      case BAD_APPROVAL_CODE:
        return 403;
      case LOCKED_OUT:
        return 429;
      case INVALID:
        return 400;
      default:
        throw new IllegalArgumentException("unmapped refusal " + reason);
    }
  }
}
