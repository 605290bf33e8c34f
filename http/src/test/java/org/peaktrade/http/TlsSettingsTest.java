package org.peaktrade.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a keystore made by keytool in the test, checked with a JDK client that trusts only that certificate. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsSettingsTest extends AllDirectives {

  private static final String PASSWORD = "keystore-pass";

  @TempDir
  static Path dir;

  private Path keystore;
  private ActorSystem<Void> system;

  @BeforeAll
  void makeKeystoreAndSystem() throws Exception {
    keystore = dir.resolve("node.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "node",
        "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    system = ActorSystem.create(Behaviors.empty(), "tls-test",
        ConfigFactory.parseString("pekko.loglevel = WARNING").withFallback(ConfigFactory.load()));
  }

  @AfterAll
  void stop() {
    system.terminate();
  }

  @Test
  void with_tls_enabled_the_api_answers_over_https_with_the_keystore_certificate() throws Exception {
    InetSocketAddress address = HttpServer.start(system, complete("over tls"), "127.0.0.1", 0,
        TlsSettings.fromConfig(tls(Map.of("enabled", true, "keystore", keystore.toString(),
            "keystore-password", PASSWORD))));
    HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keystore)).build();

    HttpResponse<String> reply = trusting.send(HttpRequest.newBuilder(
        URI.create("https://127.0.0.1:" + address.getPort() + "/")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("over tls");
    assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("https://127.0.0.1:" + address.getPort() + "/")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()))
        .as("a client that does not trust the certificate")
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void tls_is_off_by_default() {
    assertThat(TlsSettings.fromConfig(ConfigFactory.load())).isEmpty();
  }

  @Test
  void tls_without_a_keystore_is_refused_naming_the_key() {
    assertThatThrownBy(() -> TlsSettings.fromConfig(tls(Map.of("enabled", true))))
        .hasMessageStartingWith("peaktrade.http.tls.keystore: must name a keystore file");
  }

  @Test
  void a_missing_keystore_file_is_refused_naming_the_key_and_file() {
    assertThatThrownBy(() -> TlsSettings.fromConfig(tls(Map.of("enabled", true,
        "keystore", dir.resolve("absent.p12").toString()))))
        .hasMessageStartingWith("peaktrade.http.tls.keystore: cannot read ").hasMessageContaining("absent.p12");
  }

  @Test
  void a_wrong_keystore_password_is_refused_without_echoing_it() {
    assertThatThrownBy(() -> TlsSettings.fromConfig(tls(Map.of("enabled", true, "keystore", keystore.toString(),
        "keystore-password", "wrong-password-123"))))
        .hasMessageStartingWith("peaktrade.http.tls.keystore: cannot use ")
        .hasMessageContaining("keystore-password")
        .hasMessageNotContaining("wrong-password-123");
  }

  private static Config tls(Map<String, Object> settings) {
    return ConfigFactory.empty().withValue(TlsSettings.PATH, ConfigValueFactory.fromMap(settings))
        .withFallback(ConfigFactory.load());
  }

  private static SSLContext trusting(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
