package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.peaktrade.actors.killswitch.HealthCheck;
import org.peaktrade.app.health.ActorSystemResponsiveCheck;
import org.peaktrade.app.health.NodeHealth;
import org.peaktrade.app.health.PingResponder;
import org.peaktrade.app.health.SafetyWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's health endpoints: registers the readiness checks it is given and the liveness check in
 * {@link NodeHealth}, and starts Pekko Management on its own port ({@code pekko.management.http.hostname/port},
 * {@code GET /ready} and {@code GET /alive}), unbound first on CoordinatedShutdown. Settings are validated before
 * anything starts.
 */
final class HealthWiring {
  static final String CHECK_TIMEOUT = "peaktrade.health.check-timeout";
  static final String MANAGEMENT_CHECK_TIMEOUT = "pekko.management.health-checks.check-timeout";
  static final String MANAGEMENT_HOST = "pekko.management.http.hostname";
  static final String MANAGEMENT_PORT = "pekko.management.http.port";
  private static final Duration BIND_TIMEOUT = Duration.ofSeconds(15);
  private static final Logger LOG = LoggerFactory.getLogger(HealthWiring.class);

  private final Duration checkTimeout;
  private final String host;
  private final int port;

  private HealthWiring(Duration checkTimeout, String host, int port) {
    this.checkTimeout = checkTimeout;
    this.host = host;
    this.port = port;
  }

  /**
   * Throws {@link NodeConfigException} naming the key when a setting is missing or invalid; the node's own check
   * timeout must be shorter than Pekko Management's, so a slow check is reported by name instead of as a timeout.
   */
  static HealthWiring fromConfig(Config config) {
    try {
      Duration checkTimeout = config.getDuration(CHECK_TIMEOUT);
      Duration managementTimeout = config.getDuration(MANAGEMENT_CHECK_TIMEOUT);
      if (checkTimeout.isNegative() || checkTimeout.isZero()) {
        throw new ConfigException.BadValue(CHECK_TIMEOUT, "must be positive: " + checkTimeout);
      }
      if (checkTimeout.compareTo(managementTimeout) >= 0) {
        throw new ConfigException.BadValue(CHECK_TIMEOUT, "must be shorter than " + MANAGEMENT_CHECK_TIMEOUT + " ("
            + managementTimeout + "), not " + checkTimeout);
      }
      int port = config.getInt(MANAGEMENT_PORT);
      if (port < 0 || port > 65535) {
        throw new ConfigException.BadValue(MANAGEMENT_PORT, "must be from 0 to 65535, not " + port);
      }
      return new HealthWiring(checkTimeout, config.getString(MANAGEMENT_HOST), port);
    } catch (ConfigException e) {
      throw new NodeConfigException(e.getMessage(), e);
    }
  }

  /**
   * Registers {@code readiness}, the liveness check and the safety {@code warnings}, then serves them; returns the management base URL, e.g.
   * {@code http://127.0.0.1:8558}. Throws {@link IllegalStateException} naming host and port when it cannot listen.
   */
  URI start(ActorSystem<?> system, List<HealthCheck> readiness, List<SafetyWarning> warnings) {
    ActorRef<PingResponder.Ping> responder =
        system.systemActorOf(PingResponder.create(), "liveness-responder", Props.empty());
    NodeHealth.get(system.classicSystem()).register(readiness,
        List.of(new ActorSystemResponsiveCheck(responder, checkTimeout, system.scheduler())), warnings, checkTimeout);
    PekkoManagement management = PekkoManagement.get(system.classicSystem());
    try {
      URI url = URI.create(management.start().toCompletableFuture()
          .get(BIND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).toString());
      CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceUnbind(), "unbind-pekko-management",
          () -> management.stop().thenApply(done -> Done.getInstance()));
      LOG.info("health endpoints on {} (/ready, /alive)", url);
      return url;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot serve the health endpoints on " + host + ":" + port + " ("
          + MANAGEMENT_HOST + ", " + MANAGEMENT_PORT + "): " + rootMessage(e), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot serve the health endpoints on " + host + ":" + port
          + ": no answer in " + BIND_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding " + host + ":" + port, e);
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
