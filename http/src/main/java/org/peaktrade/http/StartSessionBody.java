package org.peaktrade.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.peaktrade.engine.execution.Sizing;
import org.peaktrade.engine.strategy.StrategyCatalog;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.text.ControlCharacters;

/**
 * The body of {@code POST /api/v1/sessions}. Every field is kept as raw JSON so that {@link #spec()} can name the
 * bad value in its answer (a session spec holds no secret) and report every invalid field at once. Strategy,
 * parameters and sizing are checked against the engine's catalogs here too, so a typo is a 400 that says what
 * would be valid rather than a refusal from the session.
 */
record StartSessionBody(JsonNode id, JsonNode strategy, JsonNode params, JsonNode symbol, JsonNode mode,
    JsonNode sizing, JsonNode riskProfile, JsonNode startingCash, JsonNode feeBps, JsonNode slippageBps) {

  /** Session ids (and risk profile names): what the kill-switch scope and the journal accept. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  static final String NAME_RULE = "1-64 of A-Z a-z 0-9 . _ -";
  /** Fees or slippage above 10 % are a typo, not a market. */
  static final BigDecimal MAX_BPS = BigDecimal.valueOf(1000);
  /** Digits allowed before and after the decimal point of an amount. */
  static final int MAX_DIGITS = 18;
  private static final int MAX_SHOWN = 40;

  /** The spec this body asks for; throws {@link BadRequestException} naming every invalid field and its value. */
  SessionSpec spec() {
    Check check = new Check();
    String sessionId = check.text("id", id, true, text -> NAME.matcher(text).matches() ? null : "must be " + NAME_RULE);
    String strategyName = check.text("strategy", strategy, true, text -> null);
    boolean knownStrategy = strategyName != null
        && check.delegated("strategy", strategy, () -> StrategyCatalog.get(strategyName));
    Map<String, String> parameters = check.params(params);
    if (knownStrategy && parameters != null) {
      check.delegated("params", params, () -> StrategyCatalog.create(strategyName, parameters));
    }
    String symbolText = check.text("symbol", symbol, true,
        text -> symbol(text) != null ? null : "must look like BASE/QUOTE in upper case (e.g. BTC/USD)");
    String modeText = check.text("mode", mode, true, text -> mode(text) != null ? null
        : "must be one of " + Arrays.stream(SessionMode.values()).map(Enum::name).collect(Collectors.joining(", ")));
    String sizingText = check.text("sizing", sizing, true, text -> null);
    if (sizingText != null) {
      check.delegated("sizing", sizing, () -> Sizing.parse(sizingText));
    }
    String profile = check.text("riskProfile", riskProfile, false,
        text -> NAME.matcher(text).matches() ? null : "must be " + NAME_RULE + " (a portfolio of the risk config)");
    BigDecimal cash = check.decimal("startingCash", startingCash, true, value -> value.signum() > 0, "above 0");
    BigDecimal fee = check.decimal("feeBps", feeBps, false, StartSessionBody::bps, "from 0 to " + MAX_BPS);
    BigDecimal slippage =
        check.decimal("slippageBps", slippageBps, false, StartSessionBody::bps, "from 0 to " + MAX_BPS);
    check.throwIfInvalid();
    return new SessionSpec(sessionId, strategyName, parameters, symbol(symbolText), mode(modeText), sizingText,
        profile, cash, fee, slippage);
  }

  private static Symbol symbol(String text) {
    try {
      return new Symbol(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static SessionMode mode(String text) {
    try {
      return SessionMode.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean bps(BigDecimal value) {
    return value.signum() >= 0 && value.compareTo(MAX_BPS) <= 0;
  }

  /** How a value looks in a message: its JSON text, cut short when long. */
  static String shown(JsonNode value) {
    String text = value.toString();
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
  }

  /** Collects the problems of every field in order, so one answer lists them all. */
  private static final class Check {
    private final List<String> problems = new ArrayList<>();

    /** A string field; {@code rule} answers null when the text is fine, otherwise what it must be. */
    String text(String field, JsonNode node, boolean required, Function<String, String> rule) {
      if (absent(node)) {
        if (required) {
          problems.add("missing field '" + field + "'");
        }
        return null;
      }
      if (!node.isTextual()) {
        problems.add("field '" + field + "' must be a string, not " + shown(node));
        return null;
      }
      String text = node.asText();
      Optional<String> control = ControlCharacters.problem(field, text);
      if (control.isPresent()) {
        problems.add(control.get());
        return null;
      }
      String broken = text.isBlank() ? "must not be blank" : rule.apply(text);
      if (broken != null) {
        problems.add("field '" + field + "' " + broken + ", not " + shown(node));
        return null;
      }
      return text;
    }

    /** An object of strings; absent means no parameters. */
    Map<String, String> params(JsonNode node) {
      if (absent(node)) {
        return Map.of();
      }
      if (!node.isObject()) {
        problems.add("field 'params' must be an object whose values are strings, not " + shown(node));
        return null;
      }
      Map<String, String> values = new LinkedHashMap<>();
      boolean valid = true;
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        Optional<String> control = ControlCharacters.problem("params key", entry.getKey())
            .or(() -> entry.getValue().isTextual()
                ? ControlCharacters.problem("params." + ControlCharacters.escape(entry.getKey()),
                    entry.getValue().asText())
                : Optional.empty());
        if (control.isPresent()) {
          problems.add(control.get());
          valid = false;
        } else if (!entry.getValue().isTextual()) {
          problems.add("field 'params." + entry.getKey() + "' must be a string, not " + shown(entry.getValue()));
          valid = false;
        } else {
          values.put(entry.getKey(), entry.getValue().asText());
        }
      }
      return valid ? values : null;
    }

    /** Runs a check that reports by throwing {@link IllegalArgumentException} with its own explanation. */
    boolean delegated(String field, JsonNode node, Runnable check) {
      try {
        check.run();
        return true;
      } catch (IllegalArgumentException e) {
        problems.add("field '" + field + "' " + shown(node) + " is invalid: " + e.getMessage());
        return false;
      }
    }

    /** An exact decimal, given as a JSON number or a string, with at most {@link #MAX_DIGITS} digits each side. */
    BigDecimal decimal(String field, JsonNode node, boolean required, Predicate<BigDecimal> rule,
        String ruleText) {
      if (absent(node)) {
        if (required) {
          problems.add("missing field '" + field + "'");
        }
        return null;
      }
      BigDecimal value = bounded(node);
      if (value == null || !rule.test(value)) {
        problems.add("field '" + field + "' must be a decimal " + ruleText + " with at most " + MAX_DIGITS
            + " digits each side of the point, not " + shown(node));
        return null;
      }
      return value;
    }

    void throwIfInvalid() {
      if (!problems.isEmpty()) {
        throw new BadRequestException(String.join("; ", problems));
      }
    }

    private static BigDecimal bounded(JsonNode node) {
      BigDecimal value;
      if (node.isNumber()) {
        value = node.decimalValue();
      } else if (node.isTextual()) {
        try {
          value = new BigDecimal(node.asText().trim());
        } catch (NumberFormatException e) {
          return null;
        }
      } else {
        return null;
      }
      // Bounded before stripping zeros, which costs time quadratic in the digits sent.
      if (value.precision() > 2 * MAX_DIGITS || Math.abs((long) value.scale()) > 2 * MAX_DIGITS) {
        return null;
      }
      value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
      if (value.scale() > MAX_DIGITS || value.precision() - value.scale() > MAX_DIGITS) {
        return null;
      }
      return value.scale() < 0 ? value.setScale(0) : value;
    }

    private static boolean absent(JsonNode node) {
      return node == null || node.isNull();
    }
  }
}
