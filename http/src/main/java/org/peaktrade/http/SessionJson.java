package org.peaktrade.http;

import java.util.List;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.session.EquityPoint;
import org.peaktrade.protocol.session.OrderView;
import org.peaktrade.protocol.session.PositionView;
import org.peaktrade.protocol.session.SessionView;

/**
 * The JSON shapes of the sessions API besides {@link SessionView} itself: lists come wrapped in an object (named
 * after the session they belong to), so fields can be added later without breaking clients.
 */
public final class SessionJson {

  private SessionJson() {}

  /** {@code GET /api/v1/sessions}: every session of the node. */
  public record SessionList(List<SessionView> sessions) {}

  /** {@code GET /api/v1/sessions/{id}/orders}: every order of the session, open and closed. */
  public record Orders(String session, List<OrderView> orders) {}

  /** {@code GET /api/v1/sessions/{id}/fills}: every fill of the session. */
  public record Fills(String session, List<Fill> fills) {}

  /** {@code GET /api/v1/sessions/{id}/positions}. */
  public record Positions(String session, List<PositionView> positions) {}

  /** {@code GET /api/v1/sessions/{id}/equity}: the equity curve, one point per closed bar. */
  public record Equity(String session, List<EquityPoint> equity) {}
}
