package org.peaktrade.app.killswitch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peaktrade.app.ExitCodes;
import org.peaktrade.app.client.ApiReply;
import org.peaktrade.protocol.text.ControlCharacters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints a kill switch's audit trail (every transition and refused command), oldest first, with control and bidi
 * characters escaped as {@code \\u202E} (an old journal may hold them; they must not rewrite the terminal).
 */
@Command(name = "kill-switch-events", mixinStandardHelpOptions = true,
    description = "Print the kill switch's audit trail from the journal, oldest first.",
    footer = {"%nExample:%n  peak-trade kill-switch-events --session shadow-1 --after 10"})
public final class KillSwitchEventsCommand implements Callable<Integer> {

  private static final int PAGE = 1000;

  @Mixin
  ClientOptions options;

  @Option(names = "--after", paramLabel = "N", defaultValue = "0",
      description = "Only events after this sequence number (default: ${DEFAULT-VALUE}).")
  long after;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (after < 0) {
      throw new IllegalArgumentException("--after must be 0 or more, not " + after);
    }
    KillSwitchClient client = options.client();
    long next = after;
    while (true) {
      ApiReply page = client.events(next, PAGE);
      int code = Replies.report(spec, options, page, out -> print(out, page.body().path("events")));
      if (code != ExitCodes.OK || page.body().path("events").size() < PAGE) {
        return code;
      }
      next = page.body().path("nextAfter").asLong();
    }
  }

  private static void print(PrintWriter out, JsonNode events) {
    for (JsonNode entry : events) {
      JsonNode event = entry.path("event");
      StringBuilder line = new StringBuilder()
          .append(String.format("#%-5d %s %-22s", entry.path("sequence").asLong(), Replies.text(event, "at"),
              Replies.text(event, "type")));
      for (Map.Entry<String, JsonNode> field : event.properties()) {
        if (!field.getKey().equals("type") && !field.getKey().equals("at") && !field.getValue().isNull()
            && !(field.getValue().isContainerNode() && field.getValue().isEmpty())) {
          line.append(' ').append(ControlCharacters.escape(field.getKey())).append('=')
              .append(ControlCharacters.escape(
                  field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()));
        }
      }
      out.println(line);
    }
  }
}
