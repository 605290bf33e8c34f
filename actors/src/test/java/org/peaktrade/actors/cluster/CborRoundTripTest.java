package org.peaktrade.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.killswitch.KillSwitch;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderType;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * Every class that implements {@link CborSerializable} in Peak Trade's main code (protocol, engine, actors; found by
 * scanning the classpath, so a new message cannot be forgotten) goes through Pekko's serialization as it would
 * between nodes or into the journal: the serializer bound to it must be Jackson-CBOR, and the bytes must read back
 * into an equal value. Sample values are made from each record's components (records of records, lists, maps,
 * optionals, enums, the first subtype of a sealed type, and a real ActorRef), with fixed values for the value types
 * whose constructors check their input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CborRoundTripTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  private final ActorTestKit testKit = ActorTestKit.create("cbor-round-trip", ConfigFactory.load(
      ConfigFactory.parseString("pekko.remote.artery.canonical.port = 0").withFallback(ClusterProfile.config())));
  private final Serialization serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
  private final ActorRef<Object> ref = testKit.createTestProbe(Object.class).getRef();
  private final Map<Class<?>, Supplier<Object>> fixed = Map.ofEntries(
      Map.entry(String.class, () -> "text"),
      Map.entry(Instant.class, () -> T0),
      Map.entry(Duration.class, () -> Duration.ofSeconds(5)),
      Map.entry(BigDecimal.class, () -> new BigDecimal("12.50")),
      Map.entry(boolean.class, () -> true),
      Map.entry(Boolean.class, () -> true),
      Map.entry(int.class, () -> 7),
      Map.entry(Integer.class, () -> 7),
      Map.entry(long.class, () -> 42L),
      Map.entry(Long.class, () -> 42L),
      Map.entry(double.class, () -> 0.25),
      Map.entry(char[].class, () -> "secret".toCharArray()),
      Map.entry(Symbol.class, () -> Bars.BTC),
      Map.entry(Price.class, () -> Price.of("101.5")),
      Map.entry(Quantity.class, () -> Quantity.of("0.25")),
      Map.entry(Money.class, () -> Money.of("1000.10")),
      Map.entry(ClientOrderId.class, () -> ClientOrderId.of("s1", 3)),
      Map.entry(KillSwitchScope.class, () -> KillSwitchScope.session("s1")),
      Map.entry(SessionSpec.class, () -> new SessionSpec("s1", "ma-cross", Map.of("fast", "5"), Bars.BTC,
          SessionMode.SHADOW, "qty:1", "default", new BigDecimal("10000"), BigDecimal.TEN, BigDecimal.ONE)),
      Map.entry(Bar.class, () -> Bars.minute(3)),
      Map.entry(Order.class, () -> new Order(ClientOrderId.of("s1", 3), Bars.BTC, Side.BUY, Quantity.of("0.5"),
          OrderType.LIMIT, Price.of("99.5"), T0, 2)),
      Map.entry(RiskViolation.class, () -> new RiskViolation(RiskCheck.MAX_ORDER_NOTIONAL, RiskSeverity.BREACH,
          new BigDecimal("1000"), new BigDecimal("1200.5"), "order notional 1200.5 over 1000")),
      Map.entry(KillSwitchReply.class, () -> KillSwitchReply.refused(RefusalReason.values()[0], "refused",
          new KillSwitchStatus(KillSwitchScope.GLOBAL, KillSwitchState.RECOVERING, T0, 3, TriggerKind.MANUAL,
              "ops@example.com", "test", "lead@example.com", T0.plusSeconds(300), Duration.ofMillis(299_500)))),
      Map.entry(ActorRef.class, () -> ref),
      Map.entry(org.peaktrade.actors.session.TradingSession.Event.Batch.class,
          () -> new org.peaktrade.actors.session.TradingSession.Event.Batch(List.of(
              new org.peaktrade.actors.session.TradingSession.Event.Started(T0),
              new org.peaktrade.actors.session.TradingSession.Event.MarketDataResumed(T0)), T0)));

  @AfterAll
  void shutDown() {
    testKit.shutdownTestKit();
  }

  @Test
  void theScanFindsTheMessagesOfEveryModule() {
    assertThat(serializableClasses()).contains(Bar.class, KillSwitch.Trigger.class, KillSwitch.RequestRecovery.class,
        SessionEntity.GetOrders.class, SessionEntity.Orders.class, SessionDirectory.Register.class,
        org.peaktrade.engine.killswitch.KillSwitchRecord.Killed.class,
        org.peaktrade.actors.session.TradingSession.Event.OrderUpdated.class);
  }

  @Test
  void everyCborSerializableClassRoundTripsThroughJacksonCbor() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Class<?> type : serializableClasses()) {
      try {
        for (Object sample : samples(type)) {
          Serializer serializer = serialization.findSerializerFor(sample);
          assertThat(serializer).as(type.getName()).isInstanceOf(JacksonCborSerializer.class);
          byte[] bytes = serialization.serialize(sample).get();
          Object copy = serialization.deserialize(bytes, serializer.identifier(),
              Serializers.manifestFor(serializer, sample)).get();
          assertThat(copy).as(type.getName()).usingRecursiveComparison().isEqualTo(sample);
          checked++;
        }
      } catch (Throwable e) {
        failures.add(type.getName() + ": " + (e.getCause() != null ? e.getCause() : e));
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).isGreaterThanOrEqualTo(60);
  }

  /** The concrete classes; an enum gives each of its constants. */
  private List<Object> samples(Class<?> type) throws Exception {
    if (type.isEnum()) {
      return List.of(type.getEnumConstants());
    }
    return List.of(sample(type, type));
  }

  private Object sample(Type type, Class<?> owner) throws Exception {
    Class<?> raw = raw(type);
    if (fixed.containsKey(raw)) {
      return fixed.get(raw).get();
    }
    if (raw == List.class || raw == Set.class || raw == Optional.class || raw == Map.class) {
      Type[] args = ((ParameterizedType) type).getActualTypeArguments();
      Object element = sample(args[args.length - 1], owner);
      if (raw == Map.class) {
        return Map.of(sample(args[0], owner), element);
      }
      return raw == List.class ? List.of(element) : raw == Set.class ? Set.of(element) : Optional.of(element);
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    }
    if (raw.isSealed()) {
      Class<?> first = Stream.of(raw.getPermittedSubclasses()).filter(c -> c.isRecord() || c.isEnum()
          || c.isSealed()).findFirst().orElseThrow(() -> new IllegalStateException("no subtype of " + raw));
      return sample(first, owner);
    }
    if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = sample(components[i].getGenericType(), owner);
      }
      Constructor<?> constructor = raw.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(values);
    }
    throw new IllegalStateException("no sample for " + type + " (in " + owner.getName() + "): add one to 'fixed'");
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof WildcardType w) {
      return raw(w.getUpperBounds()[0]);
    }
    throw new IllegalStateException("unsupported type " + type);
  }

  /** Concrete classes under org.peaktrade on the main classpath (not test classes) that implement the marker. */
  private static List<Class<?>> serializableClasses() {
    Set<String> names = new TreeSet<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      if (entry.contains("test-classes") || !Files.exists(path)) {
        continue;
      }
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          files.map(path::relativize).map(Path::toString).forEach(name -> addClassName(name, names));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (entry.endsWith(".jar")) {
        try (JarFile jar = new JarFile(path.toFile())) {
          for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            addClassName(entries.nextElement().getName(), names);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String name : names) {
      try {
        Class<?> type = Class.forName(name, false, CborRoundTripTest.class.getClassLoader());
        if (CborSerializable.class.isAssignableFrom(type) && !type.isInterface()
            && !Modifier.isAbstract(type.getModifiers())) {
          classes.add(type);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("cannot load " + name, e);
      }
    }
    classes.sort(Comparator.comparing(Class::getName));
    return classes;
  }

  private static void addClassName(String file, Set<String> names) {
    String name = file.replace('\\', '/');
    if (name.startsWith("org/peaktrade/") && name.endsWith(".class") && !name.contains("package-info")) {
      names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
    }
  }
}
