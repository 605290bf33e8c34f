package org.peaktrade.app.client;

import java.net.URI;
import picocli.CommandLine.Option;

/** The options every command that talks to a running node shares: which node, and the output format. */
public final class NodeOptions {

  @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:PEAKTRADE_URL:-http://127.0.0.1:8080}",
      description = "The node's HTTP API (default: ${DEFAULT-VALUE}; env PEAKTRADE_URL).")
  URI url;

  @Option(names = "--json", description = "Print the node's JSON answer as it is (errors too), for scripts.")
  boolean json;

  public URI url() {
    return url;
  }

  public boolean json() {
    return json;
  }
}
