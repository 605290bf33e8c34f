package org.peaktrade.protocol.session;

/** Where a session's bars come from: the exchange's live feed, a replayed file, or a generator. */
public enum MarketDataSource {
  LIVE,
  REPLAY,
  SYNTHETIC
}
