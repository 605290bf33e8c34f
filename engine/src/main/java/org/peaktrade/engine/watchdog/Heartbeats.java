package org.peaktrade.engine.watchdog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * The watchdog's table of heartbeat sources: timeout, scope, kind and the last time each was seen. Registration
 * counts as a beat. Time is always a parameter. Single-threaded; the owning actor serialises access.
 */
public final class Heartbeats {
  private final Map<String, Source> sources = new LinkedHashMap<>();

  public void register(String source, Duration timeout, KillSwitchScope scope, SourceKind kind, Instant now) {
    Objects.requireNonNull(source, "source");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("heartbeat timeout must be positive: " + source + " " + timeout);
    }
    sources.put(source, new Source(timeout, Objects.requireNonNull(scope, "scope"), kind, now));
  }

  /** @return the source's timeout, or empty if the source is not registered */
  public Optional<Duration> beat(String source, Instant now) {
    Source current = sources.get(source);
    if (current == null) {
      return Optional.empty();
    }
    sources.put(source, new Source(current.timeout, current.scope, current.kind, now));
    return Optional.of(current.timeout);
  }

  public boolean unregister(String source) {
    return sources.remove(source) != null;
  }

  public Optional<SourceFreshness> freshness(String source, Instant now) {
    Source s = sources.get(source);
    return s == null ? Optional.empty() : Optional.of(s.freshness(source, now));
  }

  /** Every registered source, in registration order. */
  public List<SourceFreshness> freshness(Instant now) {
    List<SourceFreshness> all = new ArrayList<>(sources.size());
    sources.forEach((name, s) -> all.add(s.freshness(name, now)));
    return all;
  }

  private record Source(Duration timeout, KillSwitchScope scope, SourceKind kind, Instant lastSeen) {
    SourceFreshness freshness(String name, Instant now) {
      return new SourceFreshness(name, kind, scope, timeout, lastSeen, Duration.between(lastSeen, now));
    }
  }
}
