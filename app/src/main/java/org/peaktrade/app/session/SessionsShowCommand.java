package org.peaktrade.app.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.peaktrade.app.ExitCodes;
import org.peaktrade.app.client.ApiReply;
import org.peaktrade.app.client.NodeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows one session and, on request, its orders, fills, positions and equity curve. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = {"Show a session: status, strategy, account; with the options below also its lists.",
        "With --json, prints one JSON answer per line: the session, then each list asked for."},
    footer = {"%nExample:%n  peak-trade sessions show paper-1 --orders --fills"})
public final class SessionsShowCommand implements Callable<Integer> {

  @Mixin
  NodeOptions options;

  @Parameters(index = "0", paramLabel = "ID", description = "The session to show.")
  String id;

  @Option(names = "--orders", description = "Also its orders, open and closed.")
  boolean orders;

  @Option(names = "--fills", description = "Also its fills.")
  boolean fills;

  @Option(names = "--positions", description = "Also its positions.")
  boolean positions;

  @Option(names = "--equity", description = "Also its equity curve.")
  boolean equity;

  @Spec
  CommandSpec spec;

  /** A list of the session: its path under the session, which is also its field in the answer. */
  private record Part(String name, BiConsumer<PrintWriter, JsonNode> print) {}

  @Override
  public Integer call() {
    SessionsClient client = new SessionsClient(options.url(), options.token());
    ApiReply view = client.show(SessionReplies.checkedId(id));
    int code = SessionReplies.report(spec, options, client, view, out -> SessionText.view(out, view.body()));
    for (Part part : parts()) {
      if (code != ExitCodes.OK) {
        return code;
      }
      ApiReply reply = client.part(id, part.name());
      code = SessionReplies.report(spec, options, client, reply,
          out -> part.print().accept(out, reply.body().path(part.name())));
    }
    return code;
  }

  private List<Part> parts() {
    List<Part> parts = new ArrayList<>();
    if (orders) {
      parts.add(new Part("orders", SessionText::orders));
    }
    if (fills) {
      parts.add(new Part("fills", SessionText::fills));
    }
    if (positions) {
      parts.add(new Part("positions", SessionText::positions));
    }
    if (equity) {
      parts.add(new Part("equity", SessionText::equity));
    }
    return parts;
  }
}
