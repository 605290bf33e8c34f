package org.peaktrade.app.node;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.server.Route;
import org.peaktrade.actors.killswitch.KillSwitchRuntime;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.actors.killswitch.KillSwitchStatusStream;
import org.peaktrade.actors.session.SessionService;
import org.peaktrade.actors.watchdog.Watchdog;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.stream.Materializer;
import org.peaktrade.http.HttpServer;
import org.peaktrade.http.DashboardRoutes;
import org.peaktrade.http.KillSwitchRoutes;
import org.peaktrade.http.MetricsRoutes;
import org.peaktrade.http.SessionRoutes;

/**
 * One running node: the actor system, the embedded journal under {@code peaktrade.data-dir}, the watchdog, the
 * kill-switch runtime with its recovery health checks, the market data (a replay or the live Kraken feed), the
 * trading sessions when a {@link SessionService} is wired in, and the HTTP API behind its token gate (HTTPS when
 * configured; see {@link ApiSecurity}). Stopping runs CoordinatedShutdown,
 * which unbinds the API first and then stops the actors.
 */
public final class Node {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final ActorSystem<Void> system;
  private final InetSocketAddress address;
  private final Path dataDir;
  private final List<String> healthChecks;
  private final String marketData;
  private final ApiSecurity security;

  private Node(ActorSystem<Void> system, InetSocketAddress address, Path dataDir, List<String> healthChecks,
      String marketData, ApiSecurity security) {
    this.security = security;
    this.system = system;
    this.address = address;
    this.dataDir = dataDir;
    this.healthChecks = healthChecks;
    this.marketData = marketData;
  }

  /**
   * Starts a node without trading sessions ({@code /api/v1/sessions} is not served); throws
   * {@link NodeConfigException} (before anything starts) when the configuration is invalid, and
   * {@link IllegalStateException} when the API cannot listen.
   */
  public static Node start(Config config, Clock clock) {
    return start(config, clock, Optional.empty());
  }

  /** Starts a node whose API also serves, under {@code /api/v1/sessions}, the sessions {@code sessions} starts. */
  public static Node start(Config config, Clock clock, Sessions sessions) {
    return start(config, clock, Optional.of(sessions));
  }

  /** Starts the sessions facade once the node's actor system and kill switch run. */
  @FunctionalInterface
  public interface Sessions {
    SessionService start(ActorSystem<Void> system, KillSwitchService killSwitch, Clock clock);
  }

  private static Node start(Config config, Clock clock, Optional<Sessions> sessions) {
    KillSwitchWiring wiring = KillSwitchWiring.fromConfig(config);
    MarketDataWiring marketDataWiring = MarketDataWiring.fromConfig(config);
    Path dataDir = Path.of(config.getString(NodeConfig.DATA_DIR)).toAbsolutePath();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data dir " + dataDir, e);
    }
    ApiSecurity security = ApiSecurity.fromConfig(config, dataDir, new SecureRandom());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "peak-trade", config);
    try {
      DeferredKillSwitchService deferred = new DeferredKillSwitchService();
      ActorRef<Watchdog.Command> watchdog =
          system.systemActorOf(Watchdog.create(deferred, clock), "watchdog", Props.empty());
      KillSwitchRuntime killSwitch = wiring.start(system, clock, watchdog);
      deferred.resolve(killSwitch);
      MarketDataWiring.MarketData marketData = marketDataWiring.start(system, clock, watchdog);
      NodeMetrics metrics = new NodeMetrics();
      metrics.watchKillSwitches(KillSwitchStatusStream.from(killSwitch.statusTopic()),
          Materializer.matFromSystem(system));
      metrics.watchFeed(marketData.name(), marketData.barStats());
      Route routes = new KillSwitchRoutes(killSwitch, clock).route()
          .orElse(new DashboardRoutes(KillSwitchStatusStream.from(killSwitch.statusTopic()), clock).route())
          .orElse(new MetricsRoutes(metrics::scrape).route());
      if (sessions.isPresent()) {
        routes = routes.orElse(new SessionRoutes(sessions.get().start(system, killSwitch, clock)).route());
      }
      InetSocketAddress address = HttpServer.start(system, security.secure(routes),
          config.getString(NodeConfig.HTTP_HOST), config.getInt(NodeConfig.HTTP_PORT), security.https());
      return new Node(system, address, dataDir, wiring.healthCheckNames(), marketData.description(), security);
    } catch (RuntimeException e) {
      system.terminate();
      awaitTermination(system);
      throw e;
    }
  }

  /** The API's base URL, e.g. {@code http://127.0.0.1:8080} ({@code https} with TLS enabled). */
  public URI url() {
    return URI.create((security.https().isPresent() ? "https://" : "http://") + address.getHostString() + ":"
        + address.getPort());
  }

  /** The admin token file of the embedded default (no tokens configured), when there is one. */
  public Optional<Path> adminTokenFile() {
    return security.adminTokenFile();
  }

  /** True when this start created the admin token (the first start without configured tokens). */
  public boolean adminTokenCreated() {
    return security.adminTokenCreated();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** What the node's market data is: the replayed file or the live endpoint. */
  public String marketData() {
    return marketData;
  }

  /** The names of the checks a recovery must pass. */
  public List<String> healthChecks() {
    return healthChecks;
  }

  /** Runs CoordinatedShutdown and waits until the actor system has terminated. */
  public void stop() {
    CoordinatedShutdown.get(system).run(CoordinatedShutdown.unknownReason());
    awaitTermination(system);
  }

  /** Blocks until the node has stopped (CoordinatedShutdown, e.g. after Ctrl-C or SIGTERM). */
  public void awaitTermination() {
    system.getWhenTerminated().toCompletableFuture().join();
  }

  private static void awaitTermination(ActorSystem<?> system) {
    try {
      system.getWhenTerminated().toCompletableFuture().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("the node did not stop within " + STOP_TIMEOUT, e);
    }
  }
}
