package org.peaktrade.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;
import org.apache.pekko.http.javadsl.ServerBuilder;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the API to a host and port; requests too malformed to route are answered by
 * {@link ProblemParsingErrorHandler}. Every answer carries the {@link SecurityHeaders}, and no {@code Server} header
 * (which would name the HTTP stack and its version). The binding joins the actor system's CoordinatedShutdown: on shutdown the port
 * is unbound first, requests in flight get {@link #TERMINATION_DEADLINE} to finish, then connections are closed.
 */
public final class HttpServer {

  public static final Duration TERMINATION_DEADLINE = Duration.ofSeconds(10);
  private static final Duration BIND_TIMEOUT = Duration.ofSeconds(15);
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  private HttpServer() {}

  /**
   * Serves {@code route} (with problem+json for anything it does not answer) and returns the bound address; port 0
   * picks a free port. Throws {@link IllegalStateException} naming host and port when binding fails, and
   * {@link com.typesafe.config.ConfigException} naming the key when the {@link ApiSettings} are invalid.
   */
  public static InetSocketAddress start(ActorSystem<?> system, Route route, String host, int port) {
    return start(system, route, host, port, Optional.empty());
  }

  /** The same, over HTTPS when {@code https} is present (see {@link TlsSettings}). */
  public static InetSocketAddress start(ActorSystem<?> system, Route route, String host, int port,
      Optional<HttpsConnectionContext> https) {
    ApiSettings settings = ApiSettings.get(system.classicSystem());
    LOG.info("HTTP API reads request bodies of at most {} bytes within {}", settings.maxBodyBytes(),
        settings.bodyTimeout());
    try {
      ServerSettings serverSettings = ServerSettings.create(system.classicSystem())
          .withParsingErrorHandler(ProblemParsingErrorHandler.class.getName())
          .withServerHeader(Optional.empty());
      ServerBuilder server = Http.get(system).newServerAt(host, port).withSettings(serverSettings);
      if (https.isPresent()) {
        server = server.enableHttps(https.get());
      }
      ServerBinding binding = server.bind(ApiErrors.handled(route, SecurityHeaders.ALL))
          .toCompletableFuture().get(BIND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      binding.addToCoordinatedShutdown(TERMINATION_DEADLINE, system);
      LOG.info("HTTP API listening on {}://{}:{}", https.isPresent() ? "https" : "http",
          binding.localAddress().getHostString(), binding.localAddress().getPort());
      return binding.localAddress();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot listen on " + host + ":" + port + ": no answer in " + BIND_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding " + host + ":" + port, e);
    }
  }
}
