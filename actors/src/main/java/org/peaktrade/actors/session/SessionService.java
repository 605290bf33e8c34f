package org.peaktrade.actors.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.session.EquityPoint;
import org.peaktrade.protocol.session.OrderView;
import org.peaktrade.protocol.session.PositionView;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.session.SessionView;

/**
 * The facade over a node's trading sessions, for the HTTP API and the CLI (a test can stand in for it). Lookups of
 * an unknown session complete with an empty Optional. {@link #start} fails with {@link SessionRefusedException}
 * when the spec is invalid (unknown strategy or parameter, bad sizing, unknown risk profile, unsubscribed symbol),
 * a mode gate is missing (TESTNET and LIVE name every missing gate) or the id is taken; its message says which.
 * Other failures (a timeout) fail the stage with their own exception.
 */
public interface SessionService {

  CompletionStage<SessionView> start(SessionSpec spec);

  CompletionStage<List<SessionView>> list();

  CompletionStage<Optional<SessionView>> get(String sessionId);

  /** Stops the session (no new orders, open orders canceled); its history stays queryable. */
  CompletionStage<Optional<SessionView>> stop(String sessionId);

  CompletionStage<Optional<List<OrderView>>> orders(String sessionId);

  CompletionStage<Optional<List<Fill>>> fills(String sessionId);

  CompletionStage<Optional<List<PositionView>>> positions(String sessionId);

  CompletionStage<Optional<List<EquityPoint>>> equity(String sessionId);
}
