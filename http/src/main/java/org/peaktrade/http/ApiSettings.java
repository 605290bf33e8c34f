package org.peaktrade.http;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;

/**
 * The API's settings, from {@code peaktrade.http} (defaults and comments in this module's reference.conf): where it
 * listens ({@code host}, {@code port}; 0 picks a free port) and the limits on its request bodies,
 * {@code max-body-bytes} (a larger body is a 413) and {@code body-timeout} (a body still arriving after it is a 408).
 * HTTPS ({@code peaktrade.http.tls}) is {@link TlsSettings}'. One instance per actor system, so the routes need no
 * constructor argument for it; a node reads it before anything starts, so a bad value stops it naming the key.
 */
public record ApiSettings(String host, int port, long maxBodyBytes, Duration bodyTimeout) implements Extension {

  static final String HOST = "peaktrade.http.host";
  static final String PORT = "peaktrade.http.port";
  static final String MAX_BODY_BYTES = "peaktrade.http.max-body-bytes";
  static final String BODY_TIMEOUT = "peaktrade.http.body-timeout";
  private static final String SERVER_MAX_CONTENT_LENGTH = "pekko.http.server.parsing.max-content-length";
  private static final Id ID = new Id();

  public static ApiSettings fromConfig(Config config) {
    String host = config.getString(HOST);
    if (host.isBlank()) {
      throw new ConfigException.BadValue(HOST, "must name a host or address to listen on");
    }
    int port = config.getInt(PORT);
    if (port < 0 || port > 65535) {
      throw new ConfigException.BadValue(PORT, "must be between 0 (any free port) and 65535, not " + port);
    }
    long maxBodyBytes = config.getBytes(MAX_BODY_BYTES);
    if (maxBodyBytes < 1) {
      throw new ConfigException.BadValue(MAX_BODY_BYTES, "must be at least 1 byte, not " + maxBodyBytes);
    }
    if (config.hasPath(SERVER_MAX_CONTENT_LENGTH)
        && !"infinite".equals(config.getValue(SERVER_MAX_CONTENT_LENGTH).unwrapped())
        && config.getBytes(SERVER_MAX_CONTENT_LENGTH) < maxBodyBytes) {
      throw new ConfigException.BadValue(MAX_BODY_BYTES, "must not exceed " + SERVER_MAX_CONTENT_LENGTH + " ("
          + config.getBytes(SERVER_MAX_CONTENT_LENGTH) + " bytes), which the server applies first");
    }
    Duration bodyTimeout = config.getDuration(BODY_TIMEOUT);
    if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
      throw new ConfigException.BadValue(BODY_TIMEOUT, "must be positive, not " + bodyTimeout);
    }
    return new ApiSettings(host, port, maxBodyBytes, bodyTimeout);
  }

  /** The settings of {@code system}'s configuration, read once. */
  public static ApiSettings get(ActorSystem system) {
    return ID.get(system);
  }

  private static final class Id extends AbstractExtensionId<ApiSettings> {
    @Override
    public ApiSettings createExtension(ExtendedActorSystem system) {
      return fromConfig(system.settings().config());
    }
  }
}
