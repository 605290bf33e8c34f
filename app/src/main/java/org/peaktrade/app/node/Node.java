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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.Materializer;
import org.peaktrade.actors.cluster.ClusterProfile;
import org.peaktrade.actors.killswitch.GuardedKillSwitchService;
import org.peaktrade.actors.killswitch.KillSwitchRuntime;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.actors.killswitch.KillSwitchStatusStream;
import org.peaktrade.actors.killswitch.KillSwitchViewFreshCheck;
import org.peaktrade.actors.killswitch.KillTriggerStats;
import org.peaktrade.actors.marketdata.ReplayFileRefused;
import org.peaktrade.actors.session.SessionService;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.app.health.MarketDataFeedCheck;
import org.peaktrade.app.health.NodeHealth;
import org.peaktrade.app.health.NodeStartedCheck;
import org.peaktrade.app.health.SafetyWarning;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.http.ApiSettings;
import org.peaktrade.http.ClusterRoutes;
import org.peaktrade.http.DashboardRoutes;
import org.peaktrade.http.HttpServer;
import org.peaktrade.http.KillSwitchRoutes;
import org.peaktrade.http.MetricsRoutes;
import org.peaktrade.http.SessionRoutes;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.session.SessionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node, alone or a cluster member ({@link ClusterWiring}): the data dir's {@link DataDirLock} (one node
 * per data dir), the actor system, the journal, the watchdog, the kill-switch runtime with its recovery health checks,
 * the market data (a replay or the live Kraken feed), the trading sessions when a {@link SessionService} is wired in,
 * the HTTP API behind its token gate (HTTPS when configured; see {@link ApiSecurity}) with the operator view of the
 * cluster, the metrics, and the health endpoints (Pekko Management, own port, started last). Stopping runs
 * CoordinatedShutdown, which unbinds the API and the health endpoints first and then stops the actors; the lock is
 * released once the actor system has terminated.
 */
public final class Node {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  private final ActorSystem<Void> system;
  private final InetSocketAddress address;
  private final URI managementUrl;
  private final Path dataDir;
  private final List<String> healthChecks;
  private final String marketData;
  private final Optional<Path> approvalCodeFile;
  private final List<SessionView> demoSessions;
  private final ApiSecurity security;
  private final String cluster;
  private DataDirLock lock;

  private Node(ActorSystem<Void> system, InetSocketAddress address, URI managementUrl, Path dataDir,
      List<String> healthChecks, String marketData, Optional<Path> approvalCodeFile, List<SessionView> demoSessions,
      ApiSecurity security, String cluster) {
    this.security = security;
    this.system = system;
    this.address = address;
    this.managementUrl = managementUrl;
    this.dataDir = dataDir;
    this.healthChecks = healthChecks;
    this.marketData = marketData;
    this.approvalCodeFile = approvalCodeFile;
    this.demoSessions = demoSessions;
    this.cluster = cluster;
  }

  /**
   * Starts a node with its trading sessions (and the demo sessions of {@code peaktrade.node.demo-sessions}); throws
   * {@link NodeConfigException} (before anything starts) when the configuration sets an unknown key under
   * {@code peaktrade} or any section is invalid ({@link NodeConfigCheck}), {@link ReplayFileRefused} (before the
   * actor system and any port) when the replay file cannot be played ({@link MarketDataWiring#fromConfig}), and
   * {@link IllegalStateException} when the API cannot listen.
   */
  public static Node start(Config config, Clock clock) {
    return start(config, clock, Ticker.SYSTEM, Optional.empty());
  }

  /**
   * As {@link #start(Config, Clock)}, with the monotonic {@code ticker} the kill-switch cooldowns and the gate's view
   * ages run on instead of {@code System.nanoTime} (a test moves it past a cooldown).
   */
  public static Node start(Config config, Clock clock, Ticker ticker) {
    return start(config, clock, ticker, Optional.empty());
  }

  /** Starts a node whose API serves the sessions of {@code sessions} instead of its own (no demo sessions). */
  public static Node start(Config config, Clock clock, Sessions sessions) {
    return start(config, clock, Ticker.SYSTEM, Optional.of(sessions));
  }

  /** As {@link #start(Config, Clock, Sessions)}, on the monotonic {@code ticker} (see {@link #start(Config, Clock, Ticker)}). */
  public static Node start(Config config, Clock clock, Ticker ticker, Sessions sessions) {
    return start(config, clock, ticker, Optional.of(sessions));
  }

  /** Starts the sessions facade once the node's actor system and kill switch run. */
  @FunctionalInterface
  public interface Sessions {
    SessionService start(ActorSystem<Void> system, KillSwitchService killSwitch, Clock clock);
  }

  private static Node start(Config configured, Clock clock, Ticker ticker, Optional<Sessions> sessions) {
    NodeConfigCheck.refuseUnknownKeys(configured);
    Path dataDir = Path.of(configured.getString(NodeConfig.DATA_DIR)).toAbsolutePath();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data dir " + dataDir, e);
    }
    DataDirLock lock = DataDirLock.acquire(dataDir);
    try {
      Node node = start(configured, clock, ticker, sessions, dataDir);
      node.lock = lock;
      node.system.getWhenTerminated().thenRun(lock::close);
      return node;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Starts the node on {@code dataDir}, whose {@link DataDirLock} the caller holds. */
  private static Node start(Config configured, Clock clock, Ticker ticker, Optional<Sessions> sessions,
      Path dataDir) {
    GeneratedApprovalCode.Outcome approval = GeneratedApprovalCode.ensure(configured, dataDir);
    Config config = approval.config();
    NodeConfigCheck.validateEverySection(config);
    KillSwitchWiring wiring = KillSwitchWiring.fromConfig(config);
    // Reads and checks the replay file: a bad row stops the start here, before the actor system and any port.
    MarketDataWiring marketDataWiring = MarketDataWiring.fromConfig(config);
    SessionWiring sessionWiring = SessionWiring.fromConfig(config);
    HealthWiring health = HealthWiring.fromConfig(config);
    NodeMetrics metrics = NodeMetrics.fromConfig(config, clock);
    ApiSecurity security = ApiSecurity.fromConfig(config, dataDir, new SecureRandom());
    ClusterWiring cluster = ClusterWiring.fromConfig(config);
    ApiSettings apiSettings = ApiSettings.fromConfig(config);
    List<SafetyWarning> warnings = new ArrayList<>(wiring.safetyWarnings());
    warnings.addAll(cluster.safetyWarnings());
    warnings.forEach(warning -> LOG.warn("SAFETY CONTROL OFF: {}", warning.message()));
    ActorSystem<Void> system =
        ActorSystem.create(Behaviors.empty(), ClusterProfile.SYSTEM_NAME, cluster.systemConfig(config));
    try {
      DeferredKillSwitchService deferred = new DeferredKillSwitchService();
      ActorRef<Watchdog.Command> watchdog =
          system.systemActorOf(Watchdog.create(deferred, clock), "watchdog", Props.empty());
      KillSwitchRuntime killSwitch = wiring.start(system, clock, ticker, watchdog, cluster.killSwitchHome());
      deferred.resolve(killSwitch);
      KillSwitchWiring.Gate gate = wiring.startGate(system, killSwitch, ticker);
      CompletableFuture<Done> sessionsStarted = new CompletableFuture<>();
      MarketDataWiring.MarketData marketData = marketDataWiring.start(system, clock, watchdog, sessionsStarted);
      metrics.watchKillSwitches(KillSwitchStatusStream.from(killSwitch.statusTopic()),
          Materializer.matFromSystem(system));
      metrics.watchKillTriggers(KillTriggerStats.get(system));
      metrics.watchFeed(marketData.name(), marketData.barStats());
      SessionService sessionService = sessions.isPresent()
          ? sessions.get().start(system, killSwitch, clock)
          : sessionWiring.start(system, config, clock, killSwitch, gate, watchdog, marketData, metrics, cluster);
      metrics.watchSessions(sessionService, killSwitch, system);
      cluster.memberStatuses(system).ifPresent(metrics::watchClusterMembers);
      // The health endpoints come first: Cluster Bootstrap probes them while this member joins. Readiness fails
      // (node-started) until the API is bound below.
      NodeStartedCheck started = new NodeStartedCheck();
      URI management = health.start(system, List.of(started, wiring.journalCheck(),
          new KillSwitchViewFreshCheck(gate.view()), new MarketDataFeedCheck(marketData.name(), marketData.barStats())),
          warnings);
      cluster.startJoining(system);
      cluster.awaitMembership(system);
      List<SessionView> demo = sessions.isPresent() ? List.of()
          : new DemoSessionStart(sessionService, sessionWiring.startupRetry()).start(sessionWiring.demoSessions());
      // Callers from outside reach only the switches of sessions that exist (and text without control characters).
      KillSwitchService api = new GuardedKillSwitchService(killSwitch,
          id -> sessionService.get(id).thenApply(Optional::isPresent));
      Route routes = new KillSwitchRoutes(api, clock).route()
          .orElse(new DashboardRoutes(KillSwitchStatusStream.from(killSwitch.statusTopic()),
              () -> killSwitch.status(KillSwitchScope.GLOBAL), clock).route())
          .orElse(new MetricsRoutes(metrics::scrape).route())
          .orElse(new SessionRoutes(sessionService).route())
          .orElse(new ClusterRoutes(cluster.clusterView(system, sessionService)).route());
      InetSocketAddress address = HttpServer.start(system, security.secure(routes), apiSettings.host(),
          apiSettings.port(), security.https());
      started.markStarted();
      sessionsStarted.complete(Done.getInstance());
      return new Node(system, address, management, dataDir, wiring.healthCheckNames(), marketData.description(),
          approval.codeFile(), demo, security, ClusterWiring.describe(system));
    } catch (RuntimeException e) {
      system.terminate();
      awaitTermination(system);
      throw e;
    }
  }

  /** The API's base URL, e.g. {@code http://127.0.0.1:8080} ({@code https} with TLS enabled). */
  public URI url() {
    return URI.create((security.https().isPresent() ? "https://" : "http://") + urlHost() + ":" + address.getPort());
  }

  /** Listening on every interface (0.0.0.0, ::), the node is reached locally over loopback; IPv6 is bracketed. */
  private String urlHost() {
    if (address.getAddress() != null && address.getAddress().isAnyLocalAddress()) {
      return "127.0.0.1";
    }
    String host = address.getHostString();
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** The admin token file of the embedded default (no tokens configured), when there is one. */
  public Optional<Path> adminTokenFile() {
    return security.adminTokenFile();
  }

  /** True when this start created the admin token (the first start without configured tokens). */
  public boolean adminTokenCreated() {
    return security.adminTokenCreated();
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

  /** Where the approval code made on the first start is kept; empty when the config names the code's hash. */
  public Optional<Path> approvalCodeFile() {
    return approvalCodeFile;
  }

  /** The demo sessions of {@code peaktrade.node.demo-sessions} as they were when the node had started. */
  public List<SessionView> demoSessions() {
    return demoSessions;
  }

  /** Single node, or this cluster member's address and seed nodes. */
  public String cluster() {
    return cluster;
  }

  /** The safety controls the configuration turns off (also logged at start and named on {@code /ready}). */
  public List<SafetyWarning> safetyWarnings() {
    return NodeHealth.get(system.classicSystem()).warnings();
  }

  /** The names of the checks a recovery must pass. */
  public List<String> healthChecks() {
    return healthChecks;
  }

  /** The node's actor system, for tests in this package that inspect its actors and journal. */
  ActorSystem<Void> actorSystem() {
    return system;
  }

  /** Runs CoordinatedShutdown and waits until the actor system has terminated. */
  public void stop() {
    CoordinatedShutdown.get(system).run(CoordinatedShutdown.unknownReason());
    awaitTermination(system);
    lock.close();
  }

  /** Blocks until the node has stopped (CoordinatedShutdown, e.g. after Ctrl-C or SIGTERM). */
  public void awaitTermination() {
    system.getWhenTerminated().toCompletableFuture().join();
    lock.close();
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
