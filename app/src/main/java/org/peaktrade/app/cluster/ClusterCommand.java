package org.peaktrade.app.cluster;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.peaktrade.app.ExitCodes;
import org.peaktrade.app.client.ApiReply;
import org.peaktrade.app.client.NodeHttp;
import org.peaktrade.app.client.NodeOptions;
import org.peaktrade.http.ClusterRoutes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code peak-trade cluster}: the members of the cluster the node belongs to (or the node alone), one line each, then
 * the totals, from {@code GET /api/v1/cluster}.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = "Show the cluster a running node belongs to: each member's status, reachability, whether it leads, "
        + "and the shards and sessions it hosts.",
    footer = {"%nExamples:", "  peak-trade cluster", "  peak-trade cluster --url http://10.0.0.2:8080 --json"})
public final class ClusterCommand implements Callable<Integer> {

  /** The node answers within its statistics timeout (3 s by default); this leaves room for a slower one. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  @Mixin
  NodeOptions options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    NodeHttp http = new NodeHttp(options.url(), options.token(), "its cluster view", REQUEST_TIMEOUT);
    ApiReply reply = http.send(http.request(ClusterRoutes.PATH).GET());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (options.json()) {
      out.println(reply.raw());
    } else if (reply.ok()) {
      ClusterText.print(out, reply.body());
    }
    out.flush();
    if (reply.ok()) {
      return ExitCodes.OK;
    }
    if (reply.status() == 404) {
      err.println("peak-trade: the node at " + http.base() + " does not serve " + ClusterRoutes.PATH
          + " (a version before the cluster view)");
    } else {
      err.println("peak-trade: the node answered " + reply.status() + ": " + reply.detail());
    }
    return ExitCodes.FAILED;
  }
}
