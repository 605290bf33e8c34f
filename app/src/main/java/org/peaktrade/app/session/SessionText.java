package org.peaktrade.app.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peaktrade.app.client.TextTable;

/**
 * Sessions for people: a block per session, tables for lists. Amounts are printed exactly as the node sent them
 * (plain decimals, never rounded); absent values are {@code -}.
 */
final class SessionText {

  private SessionText() {}

  /** One session: status line, then what runs, how far it got, and its account. */
  static void view(PrintWriter out, JsonNode view) {
    JsonNode spec = view.path("spec");
    out.printf("%s: %s (%s) since %s%n", text(spec, "id"), text(view, "status"), text(spec, "mode"),
        text(view, "startedAt"));
    out.printf("  member    %s%n", member(view));
    if (view.hasNonNull("statusReason")) {
      out.printf("  reason    %s%n", text(view, "statusReason"));
    }
    out.printf("  strategy  %s%s on %s%n", text(spec, "strategy"), params(spec.path("params")), text(spec, "symbol"));
    out.printf("  sizing    %s, risk profile %s, fee %s bps, slippage %s bps, starting cash %s%n",
        text(spec, "sizing"), text(spec, "riskProfile"), text(spec, "feeBps"), text(spec, "slippageBps"),
        text(spec, "startingCash"));
    out.printf("  bars      %s seen, last opened %s%n", text(view, "barsSeen"), text(view, "lastBarOpen"));
    if (view.hasNonNull("catchingUp")) {
      out.printf("  feed      %s%n", text(view, "catchingUp"));
    }
    out.printf("  account   cash %s, equity %s, realized P&L %s, fees %s%n", text(view, "cash"),
        text(view, "equity"), text(view, "realizedPnl"), text(view, "fees"));
    out.printf("  position  %s %s, open orders %s, fills %s%n", text(view, "position"), base(text(spec, "symbol")),
        text(view, "openOrders"), text(view, "fills"));
    JsonNode orders = view.path("orders");
    if (orders.size() > 0) {
      List<String> counts = new ArrayList<>();
      orders.fields().forEachRemaining(count -> counts.add(count.getKey() + " " + count.getValue().asText()));
      out.printf("  orders    %s%n", String.join(", ", counts));
    }
  }

  /** Every session, one line each. */
  static void list(PrintWriter out, JsonNode sessions, String node) {
    if (sessions.isEmpty()) {
      out.println("no sessions on the node at " + node);
      return;
    }
    TextTable table = new TextTable("ID", "STATUS", "MODE", "STRATEGY", "SYMBOL", "EQUITY", "POSITION", "BARS",
        "STARTED", "MEMBER");
    for (JsonNode view : sessions) {
      JsonNode spec = view.path("spec");
      table.row(text(spec, "id"), text(view, "status"), text(spec, "mode"), text(spec, "strategy"),
          text(spec, "symbol"), text(view, "equity"), text(view, "position"), text(view, "barsSeen"),
          text(view, "startedAt"), member(view));
    }
    table.print(out);
  }

  /** The member, and that it did not answer when the view is the last one seen (a failover under way). */
  private static String member(JsonNode view) {
    String member = text(view, "member");
    return view.path("reachable").asBoolean(true) ? member : member + " (no answer: last view seen)";
  }

  static void orders(PrintWriter out, JsonNode orders) {
    TextTable table = new TextTable("ORDER", "SIDE", "TYPE", "QUANTITY", "PRICE", "STATUS", "FILLED", "AVG PRICE",
        "UPDATED", "REASON");
    for (JsonNode view : orders) {
      JsonNode order = view.path("order");
      table.row(text(order, "id"), text(order, "side"), text(order, "type"), text(order, "quantity"),
          text(order, "price"), text(view, "status"), text(view, "filledQuantity"), text(view, "averagePrice"),
          text(view, "updatedAt"), text(view, "reason"));
    }
    section(out, "Orders", table, "no orders");
  }

  static void fills(PrintWriter out, JsonNode fills) {
    TextTable table = new TextTable("TIME", "ORDER", "SIDE", "QUANTITY", "PRICE", "FEE", "LIQUIDITY");
    for (JsonNode fill : fills) {
      table.row(text(fill, "time"), text(fill, "orderId"), text(fill, "side"), text(fill, "quantity"),
          text(fill, "price"), text(fill, "fee"), text(fill, "liquidity"));
    }
    section(out, "Fills", table, "no fills");
  }

  static void positions(PrintWriter out, JsonNode positions) {
    TextTable table = new TextTable("SYMBOL", "QUANTITY", "AVG PRICE", "MARK", "UNREALIZED P&L");
    for (JsonNode position : positions) {
      table.row(text(position, "symbol"), text(position, "quantity"), text(position, "averagePrice"),
          text(position, "mark"), text(position, "unrealizedPnl"));
    }
    section(out, "Positions", table, "no positions");
  }

  static void equity(PrintWriter out, JsonNode points) {
    TextTable table = new TextTable("TIME", "EQUITY");
    for (JsonNode point : points) {
      table.row(text(point, "time"), text(point, "equity"));
    }
    section(out, "Equity", table, "no equity points yet");
  }

  /** A field as text: decimals in plain notation, absent or null as {@code -}. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return "-";
    }
    return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
  }

  private static void section(PrintWriter out, String title, TextTable table, String empty) {
    out.println();
    out.println(title + ":");
    if (table.isEmpty()) {
      out.println("  (" + empty + ")");
    } else {
      table.print(out);
    }
  }

  private static String params(JsonNode params) {
    if (!params.isObject() || params.isEmpty()) {
      return "";
    }
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> param : params.properties()) {
      pairs.add(param.getKey() + "=" + param.getValue().asText());
    }
    return " " + String.join(" ", pairs);
  }

  private static String base(String symbol) {
    int slash = symbol.indexOf('/');
    return slash < 0 ? "" : symbol.substring(0, slash);
  }
}
