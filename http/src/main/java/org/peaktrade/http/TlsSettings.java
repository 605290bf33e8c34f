package org.peaktrade.http;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.pekko.http.javadsl.ConnectionContext;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;

/**
 * Optional HTTPS for the API ({@code peaktrade.http.tls}): the server's certificate and key come from a keystore
 * file (PKCS12 or JKS) whose password is in config or {@code PEAKTRADE_KEYSTORE_PASSWORD}. A keystore that cannot be
 * read stops the node with a message naming the key; the password is never in a message.
 */
public final class TlsSettings {

  public static final String PATH = "peaktrade.http.tls";

  private TlsSettings() {}

  /** Empty when TLS is off; throws {@link IllegalArgumentException} naming the key when it is on but unusable. */
  public static Optional<HttpsConnectionContext> fromConfig(Config config) {
    Config tls = config.getConfig(PATH);
    if (!tls.getBoolean("enabled")) {
      return Optional.empty();
    }
    String file = tls.getString("keystore");
    if (file.isBlank()) {
      throw new IllegalArgumentException(PATH + ".keystore: must name a keystore file when " + PATH
          + ".enabled is on");
    }
    Path keystore = Path.of(file).toAbsolutePath();
    if (!Files.isReadable(keystore)) {
      throw new IllegalArgumentException(PATH + ".keystore: cannot read " + keystore);
    }
    char[] password = tls.getString("keystore-password").toCharArray();
    try {
      return Optional.of(ConnectionContext.httpsServer(sslContext(keystore, tls.getString("keystore-type"),
          password)));
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static SSLContext sslContext(Path keystore, String type, char[] password) {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password);
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, new SecureRandom());
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(PATH + ".keystore: cannot use " + keystore + " as a " + type
          + " keystore (" + e.getMessage() + "; check " + PATH + ".keystore-type and .keystore-password)", e);
    }
  }
}
