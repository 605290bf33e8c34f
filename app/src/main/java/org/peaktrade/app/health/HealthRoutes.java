package org.peaktrade.app.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.ExtensionIdProvider;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.javadsl.ManagementRouteProvider;
import org.apache.pekko.management.javadsl.ManagementRouteProviderSettings;
import org.peaktrade.protocol.killswitch.HealthCheckResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.util.Try;

/**
 * The node's health endpoints on Pekko Management's port, in place of Pekko Management's own health routes (which
 * answer a pass with a bare {@code OK}): {@code GET /ready} and {@code GET /alive}
 * ({@code pekko.management.health-checks.readiness-path} and {@code liveness-path}) run the checks registered in
 * {@link NodeHealth} and answer 200 when all pass, 500 otherwise, with a JSON body naming every check, its result
 * and, on {@code /ready}, the {@link SafetyWarning}s, which never fail it. Registered in
 * {@code pekko.management.http.routes} (peaktrade-node.conf).
 */
public final class HealthRoutes extends AbstractExtensionId<HealthRoutes.Provider> implements ExtensionIdProvider {

  private static final HealthRoutes ID = new HealthRoutes();
  private static final String MANAGEMENT = "pekko.management.health-checks.";
  private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

  @Override
  public HealthRoutes lookup() {
    return ID;
  }

  @Override
  public Provider createExtension(ExtendedActorSystem system) {
    return new Provider(system);
  }

  /** The routes of one actor system. */
  public static final class Provider extends AllDirectives implements ManagementRouteProvider {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeHealth health;
    private final String readinessPath;
    private final String livenessPath;
    private final Duration timeout;

    Provider(ExtendedActorSystem system) {
      Config config = system.settings().config();
      this.health = NodeHealth.get(system);
      this.readinessPath = config.getString(MANAGEMENT + "readiness-path");
      this.livenessPath = config.getString(MANAGEMENT + "liveness-path");
      this.timeout = config.getDuration(MANAGEMENT + "check-timeout");
    }

    @Override
    public Route routes(ManagementRouteProviderSettings settings) {
      return get(() -> concat(
          path(PathMatchers.separateOnSlashes(readinessPath), () -> answer(health::readiness, "ready")),
          path(PathMatchers.separateOnSlashes(livenessPath), () -> answer(health::liveness, "alive"))));
    }

    private Route answer(Supplier<CompletionStage<NodeHealth.Report>> checks, String healthy) {
      return onComplete(() -> checks.get().toCompletableFuture().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS),
          outcome -> complete(response(outcome, healthy)));
    }

    private HttpResponse response(Try<NodeHealth.Report> outcome, String healthy) {
      NodeHealth.Report report = outcome.isSuccess() ? outcome.get() : new NodeHealth.Report(List.of(
          new HealthCheckResult("health-checks", false, "no report within " + timeout.toMillis() + " ms")), List.of());
      if (!report.passed()) {
        LOG.warn("not {}: {}", healthy, report.failures());
      }
      ObjectNode body = JSON.createObjectNode();
      body.put("status", report.passed() ? healthy : "not " + healthy);
      if (!report.passed()) {
        body.put("failed", report.failures());
      }
      ArrayNode checks = body.putArray("checks");
      report.checks().forEach(check -> checks.addObject().put("name", check.name()).put("passed", check.passed())
          .put("detail", check.detail()));
      ArrayNode warnings = body.putArray("warnings");
      report.warnings().forEach(warning -> warnings.addObject().put("name", warning.name())
          .put("setting", warning.setting()).put("detail", warning.detail()));
      return HttpResponse.create().withStatus(report.passed() ? StatusCodes.OK : StatusCodes.INTERNAL_SERVER_ERROR)
          .withEntity(ContentTypes.APPLICATION_JSON, body.toString());
    }
  }
}
