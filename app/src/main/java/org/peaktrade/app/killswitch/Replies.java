package org.peaktrade.app.killswitch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.function.Consumer;
import org.peaktrade.app.ExitCodes;
import org.peaktrade.app.client.ApiReply;
import org.peaktrade.protocol.text.ControlCharacters;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints a node's answer for people (or as raw JSON with --json) and picks the exit code. Text from the node is
 * printed with control and bidi characters escaped ({@link ControlCharacters#escape}): the node refuses them now, but
 * an older journal may hold them, and they must not rewrite what the operator's terminal shows.
 */
final class Replies {

  private Replies() {}

  /**
   * 200 → {@code human} output (or the raw JSON), exit 0; a refusal → message on stderr, exit 4; any other error
   * answer → message on stderr, exit 1.
   */
  static int report(CommandSpec spec, ClientOptions options, ApiReply reply, Consumer<PrintWriter> human) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (options.node.json()) {
      // Inside JSON strings the escapes are JSON's own: the output parses to the same values.
      out.println(ControlCharacters.escape(reply.raw()));
    }
    if (reply.ok()) {
      if (!options.node.json()) {
        human.accept(out);
      }
      out.flush();
      return ExitCodes.OK;
    }
    out.flush();
    if (reply.refused()) {
      String reason = reply.body().get("refusal").asText();
      err.println("peak-trade: refused by the kill switch (" + ControlCharacters.escape(reason) + "): "
          + ControlCharacters.escape(reply.detail()));
      String hint = hint(reason, reply);
      if (!hint.isEmpty()) {
        err.println("  " + hint);
      }
      return ExitCodes.REFUSED;
    }
    err.println("peak-trade: the node answered " + reply.status() + ": " + ControlCharacters.escape(reply.detail()));
    return ExitCodes.FAILED;
  }

  /** One line per status, indented details below: what a person checks first. */
  static void status(PrintWriter out, JsonNode s) {
    long revision = s.path("revision").asLong();
    if (revision == 0) {
      // An empty journal: the switch has never changed, so there is no meaningful "since".
      out.printf("%s: %s (never triggered, revision 0)%n", text(s, "scope"), text(s, "state"));
    } else {
      out.printf("%s: %s since %s (revision %d)%n", text(s, "scope"), text(s, "state"), text(s, "since"), revision);
    }
    if (s.hasNonNull("triggerKind")) {
      out.printf("  killed by %s (%s): %s%n", text(s, "triggeredBy"), text(s, "triggerKind"), text(s, "reason"));
    }
    if (s.hasNonNull("recoveryRequestedBy")) {
      out.printf("  recovery requested by %s; cooldown ends %s (%d s left)%n", text(s, "recoveryRequestedBy"),
          text(s, "cooldownEndsAt"), s.path("cooldownRemainingSeconds").asLong());
    }
    if (s.path("readFromJournal").asBoolean(false)) {
      out.println("  (read from the switch's journal: the switch did not answer in time, e.g. it is moving off a"
          + " crashed member)");
    }
  }

  private static String hint(String reason, ApiReply reply) {
    switch (reason) {
      case "WRONG_STATE":
        return "the switch is " + reply.body().path("killSwitch").path("state").asText("in another state")
            + "; 'peak-trade status' shows it";
      case "COOLDOWN_NOT_OVER":
        return "wait " + reply.body().path("killSwitch").path("cooldownRemainingSeconds").asLong()
            + " s, then run 'peak-trade recover --complete' again";
      case "SAME_PERSON":
        return "two-person rule: someone other than the approver must complete the recovery, with their own token";
      case "BAD_APPROVAL_CODE":
        return "wrong approval code; every failure is audited and repeated failures lock recovery out";
      case "LOCKED_OUT":
        return "recovery requests are locked out; retry in " + reply.retryAfter().orElse("?") + " s";
      case "HEALTH_CHECK_FAILED":
        return "fix what the failed check names, then run 'peak-trade recover --complete' again";
      default:
        return "";
    }
  }

  /** The field as text to print, escaped; "-" when absent. */
  static String text(JsonNode node, String field) {
    return text(node, field, "-");
  }

  /** The field as text to print, escaped; {@code absent} when absent. */
  static String text(JsonNode node, String field, String absent) {
    return node.hasNonNull(field) ? ControlCharacters.escape(node.get(field).asText()) : absent;
  }
}
