package org.peaktrade.app.session;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.peaktrade.app.client.ApiReply;
import org.peaktrade.app.client.NodeOptions;
import org.peaktrade.http.ApiJson;
import org.peaktrade.protocol.Decimals;
import org.peaktrade.protocol.session.SessionMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Starts a session on the node. Amounts are checked to be decimals here; everything else (strategy, parameters,
 * symbol, sizing, risk profile, mode gates) is checked by the node, whose answer names the field and value.
 */
@Command(name = "start", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Start a trading session on a running node.",
        "TESTNET and LIVE need the node's gates (see docs/sessions.md); the node says which are missing."},
    footer = {"%nExample:",
        "  peak-trade sessions start --id paper-1 --strategy ma-cross --param fast=5 --param slow=20 "
            + "--symbol BTC/USD --mode paper --cash 10000"})
public final class SessionsStartCommand implements Callable<Integer> {

  @Mixin
  NodeOptions options;

  @Option(names = "--id", required = true, paramLabel = "ID",
      description = "The session's id: 1-64 of A-Z a-z 0-9 . _ -.")
  String id;

  @Option(names = "--strategy", required = true, paramLabel = "NAME", description = "Strategy name, e.g. ma-cross.")
  String strategy;

  @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Strategy parameter, repeatable.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--symbol", required = true, paramLabel = "BASE/QUOTE", description = "The pair, e.g. BTC/USD.")
  String symbol;

  @Option(names = "--mode", required = true, paramLabel = "MODE",
      description = "SHADOW, PAPER, TESTNET or LIVE (any case).")
  String mode;

  @Option(names = "--sizing", defaultValue = "equity-pct:95", paramLabel = "SIZING",
      description = "qty:Q, notional:N or equity-pct:P (default: ${DEFAULT-VALUE}).")
  String sizing;

  @Option(names = "--risk-profile", paramLabel = "NAME",
      description = "A portfolio of the node's risk config (default: the node's defaults).")
  String riskProfile;

  @Option(names = "--cash", defaultValue = "10000", paramLabel = "AMOUNT",
      description = "Starting cash in quote currency (default: ${DEFAULT-VALUE}).")
  String cash;

  @Option(names = "--fee-bps", paramLabel = "BPS", description = "Paper fill fee in bps (default: the node's, 10).")
  String feeBps;

  @Option(names = "--slippage-bps", paramLabel = "BPS",
      description = "Paper fill slippage in bps (default: the node's, 2).")
  String slippageBps;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    byte[] body = body(SessionReplies.checkedId(id), mode(), Decimals.parse(cash, "--cash"),
        feeBps == null ? null : Decimals.parse(feeBps, "--fee-bps"),
        slippageBps == null ? null : Decimals.parse(slippageBps, "--slippage-bps"));
    SessionsClient client = new SessionsClient(options.url(), options.token());
    ApiReply reply = client.start(body);
    return SessionReplies.report(spec, options, client, reply, out -> {
      out.println("session " + id + " started");
      SessionText.view(out, reply.body());
      out.println("  next: 'peak-trade sessions show " + id + " --orders --fills', 'peak-trade sessions stop " + id
          + "'");
    });
  }

  private SessionMode mode() {
    try {
      return SessionMode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--mode must be one of " + Arrays.stream(SessionMode.values())
          .map(Enum::name).collect(Collectors.joining(", ")) + " (any case), not '" + mode + "'", e);
    }
  }

  private byte[] body(String sessionId, SessionMode sessionMode, BigDecimal startingCash, BigDecimal fee,
      BigDecimal slippage) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = ApiJson.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("id", sessionId);
      g.writeStringField("strategy", strategy);
      g.writeObjectFieldStart("params");
      for (Map.Entry<String, String> param : params.entrySet()) {
        g.writeStringField(param.getKey(), param.getValue());
      }
      g.writeEndObject();
      g.writeStringField("symbol", symbol);
      g.writeStringField("mode", sessionMode.name());
      g.writeStringField("sizing", sizing);
      if (riskProfile != null) {
        g.writeStringField("riskProfile", riskProfile);
      }
      g.writeNumberField("startingCash", startingCash);
      if (fee != null) {
        g.writeNumberField("feeBps", fee);
      }
      if (slippage != null) {
        g.writeNumberField("slippageBps", slippage);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
