package org.peaktrade.actors.killswitch;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The node's counts of automatic kill triggers, by {@link TriggerSource}: delivery attempts, failed attempts, and
 * triggers not yet recorded by their switch (pending). One per actor system (a Pekko extension), so every
 * {@link KillTriggerDelivery} on the node counts into it and the node's metrics read it. Thread-safe.
 */
public final class KillTriggerStats implements Extension {
  private static final Id ID = new Id();

  private final Map<TriggerSource, LongAdder> attempts = new EnumMap<>(TriggerSource.class);
  private final Map<TriggerSource, LongAdder> failures = new EnumMap<>(TriggerSource.class);
  private final Map<TriggerSource, AtomicLong> pending = new EnumMap<>(TriggerSource.class);

  KillTriggerStats() {
    for (TriggerSource source : TriggerSource.values()) {
      attempts.put(source, new LongAdder());
      failures.put(source, new LongAdder());
      pending.put(source, new AtomicLong());
    }
  }

  public static KillTriggerStats get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  public long attempts(TriggerSource source) {
    return attempts.get(source).sum();
  }

  public long failures(TriggerSource source) {
    return failures.get(source).sum();
  }

  public long pending(TriggerSource source) {
    return pending.get(source).get();
  }

  void attempted(TriggerSource source) {
    attempts.get(source).increment();
  }

  void failed(TriggerSource source) {
    failures.get(source).increment();
  }

  void pendingAdded(TriggerSource source) {
    pending.get(source).incrementAndGet();
  }

  void recorded(TriggerSource source) {
    pending.get(source).decrementAndGet();
  }

  /** A pending trigger given up because its delivering actor stopped (its owner stopped with it). */
  void abandoned(TriggerSource source) {
    pending.get(source).decrementAndGet();
  }

  private static final class Id extends ExtensionId<KillTriggerStats> {
    @Override
    public KillTriggerStats createExtension(ActorSystem<?> system) {
      return new KillTriggerStats();
    }
  }
}
