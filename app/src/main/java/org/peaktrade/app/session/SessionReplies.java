package org.peaktrade.app.session;

import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.peaktrade.app.ExitCodes;
import org.peaktrade.app.client.ApiReply;
import org.peaktrade.app.client.NodeOptions;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a node's answer about sessions for people (or as raw JSON with --json) and picks the exit code. */
final class SessionReplies {

  private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private SessionReplies() {}

  /**
   * 2xx → {@code human} output (or the raw JSON), exit 0. Otherwise a message on stderr and: 400 or an unknown
   * session → 2; a start the node refuses (id in use, mode gate, ...) → 4; a node without the sessions API or any
   * other answer → 1. (A 503 never gets here: the client turns it into exit code 5.)
   */
  static int report(CommandSpec spec, NodeOptions options, SessionsClient client, ApiReply reply,
      Consumer<PrintWriter> human) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (options.json()) {
      out.println(reply.raw());
    }
    if (reply.ok()) {
      if (!options.json()) {
        human.accept(out);
      }
      out.flush();
      return ExitCodes.OK;
    }
    out.flush();
    String type = reply.problemType();
    if (reply.status() == 400) {
      err.println("peak-trade: the node rejected the request: " + reply.detail());
      return ExitCodes.USAGE;
    }
    if (type.equals("session-not-found")) {
      err.println("peak-trade: " + reply.detail());
      err.println("  'peak-trade sessions list' shows the sessions of the node");
      return ExitCodes.USAGE;
    }
    if (type.equals("session-exists") || type.equals("session-refused")) {
      err.println("peak-trade: the node refused the session: " + reply.detail());
      return ExitCodes.REFUSED;
    }
    if (reply.status() == 404) {
      err.println("peak-trade: the node at " + client.base() + " does not serve sessions (no "
          + "/api/v1/sessions); it runs without trading sessions");
      return ExitCodes.FAILED;
    }
    err.println("peak-trade: the node answered " + reply.status() + ": " + reply.detail());
    return ExitCodes.FAILED;
  }

  /** Throws {@link IllegalArgumentException} (exit code 2) for an id no session can have, before any request. */
  static String checkedId(String id) {
    if (!SESSION_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a session id is 1-64 of A-Z a-z 0-9 . _ -, not '" + id + "'");
    }
    return id;
  }
}
