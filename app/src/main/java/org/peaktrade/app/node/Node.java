package org.peaktrade.app.node;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.peaktrade.actors.killswitch.KillSwitchViewFreshCheck;
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
 * trading sessions when a {@link SessionService} is wired in, the HTTP API, the metrics, and the health endpoints
 * (Pekko Management, own port, started last). Stopping runs CoordinatedShutdown, which unbinds the API and the
 * health endpoints first and then stops the actors.
 */
public final class Node {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final ActorSystem<Void> system;
  private final InetSocketAddress address;
  private final URI managementUrl;
  private final Path dataDir;
  private final List<String> healthChecks;
  private final String marketData;

  private Node(ActorSystem<Void> system, InetSocketAddress address, URI managementUrl, Path dataDir,
      List<String> healthChecks, String marketData) {
    this.system = system;
    this.address = address;
    this.managementUrl = managementUrl;
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
    HealthWiring health = HealthWiring.fromConfig(config);
    NodeMetrics metrics = NodeMetrics.fromConfig(config, clock);
    Path dataDir = Path.of(config.getString(NodeConfig.DATA_DIR)).toAbsolutePath();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data dir " + dataDir, e);
    }
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "peak-trade", config);
    try {
      DeferredKillSwitchService deferred = new DeferredKillSwitchService();
      ActorRef<Watchdog.Command> watchdog =
          system.systemActorOf(Watchdog.create(deferred, clock), "watchdog", Props.empty());
      KillSwitchRuntime killSwitch = wiring.start(system, clock, watchdog);
      deferred.resolve(killSwitch);
      KillSwitchWiring.Gate gate = wiring.startGate(system, clock, killSwitch);
      MarketDataWiring.MarketData marketData = marketDataWiring.start(system, clock, watchdog);
      metrics.watchKillSwitches(KillSwitchStatusStream.from(killSwitch.statusTopic()),
          Materializer.matFromSystem(system));
      metrics.watchFeed(marketData.name(), marketData.barStats());
      Route routes = new KillSwitchRoutes(killSwitch, clock).route()
          .orElse(new DashboardRoutes(KillSwitchStatusStream.from(killSwitch.statusTopic()), clock).route())
          .orElse(new MetricsRoutes(metrics::scrape).route());
      if (sessions.isPresent()) {
        SessionService sessionService = sessions.get().start(system, killSwitch, clock);
        metrics.watchSessions(sessionService, system);
        routes = routes.orElse(new SessionRoutes(sessionService).route());
      }
      InetSocketAddress address = HttpServer.start(system, routes, config.getString(NodeConfig.HTTP_HOST),
          config.getInt(NodeConfig.HTTP_PORT));
      URI management =
          health.start(system, List.of(wiring.journalCheck(), new KillSwitchViewFreshCheck(gate.view())));
      return new Node(system, address, management, dataDir, wiring.healthCheckNames(), marketData.description());
    } catch (RuntimeException e) {
      system.terminate();
      awaitTermination(system);
      throw e;
    }
  }

  /** The API's base URL, e.g. {@code http://127.0.0.1:8080}. */
  public URI url() {
    return URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  /** Where the health endpoints are served ({@code /ready}, {@code /alive}), e.g. {@code http://127.0.0.1:8558}. */
  public URI managementUrl() {
    return managementUrl;
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
