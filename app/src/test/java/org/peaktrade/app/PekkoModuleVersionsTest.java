package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * Pekko refuses to start with modules of different versions (pekko.fail-mixed-versions), and this project turns that
 * check off because one module, pekko-discovery, cannot be had at the Pekko version (docs/deployment.md). This test
 * does the check instead, at build time, on the app's classpath (what the runnable jar holds): every Pekko module is
 * at pekko-actor's version except pekko-discovery, which is at exactly the documented version; the Pekko HTTP modules
 * agree with each other, and so do the Pekko Management modules.
 */
class PekkoModuleVersionsTest {
  private static final String DISCOVERY = "pekko-discovery";
  private static final String DISCOVERY_VERSION = "1.2.1";

  @Test
  void everyPekkoModuleButDiscoveryIsAtPekkoActorsVersion() throws IOException {
    Map<String, String> modules = pekkoModules();
    String pekko = modules.get("pekko-actor");

    assertThat(pekko).isEqualTo("1.7.0");
    Map<String, String> core = new TreeMap<>(modules);
    core.keySet().removeIf(name -> name.startsWith("pekko-http") || name.startsWith("pekko-management")
        || name.startsWith("pekko-discovery") || name.startsWith("pekko-persistence-jdbc")
        || name.startsWith("pekko-persistence-cassandra") || name.startsWith("pekko-connectors")
        || name.equals("pekko-parsing"));
    assertThat(core).containsKeys("pekko-actor", "pekko-cluster", "pekko-cluster-sharding", "pekko-persistence",
        "pekko-remote", "pekko-stream", "pekko-serialization-jackson");
    assertThat(core).allSatisfy((name, version) -> assertThat(version).as(name).isEqualTo(pekko));
  }

  @Test
  void pekkoDiscoveryIsTheOneDocumentedExceptionForClusterBootstrap() throws IOException {
    Map<String, String> modules = pekkoModules();

    assertThat(modules).containsEntry(DISCOVERY, DISCOVERY_VERSION);
    assertThat(modules).containsKeys("pekko-management-cluster-bootstrap", "pekko-discovery-kubernetes-api");
  }

  @Test
  void pekkoHttpAndPekkoManagementModulesAgreeAmongThemselves() throws IOException {
    Map<String, String> modules = pekkoModules();

    assertThat(versionsOf(modules, "pekko-http")).containsOnly("1.3.0");
    assertThat(versionsOf(modules, "pekko-management")).containsOnly("1.1.1");
    assertThat(modules).containsEntry("pekko-discovery-kubernetes-api", "1.1.1");
  }

  @Test
  void theNodesDefaultsTurnPekkosCheckOffForTheDocumentedException() {
    // The files themselves, not a loaded config: the tests run with -Dpekko.fail-mixed-versions=off (app/pom.xml).
    assertThat(ConfigFactory.parseResources("peaktrade-node.conf").getBoolean("pekko.fail-mixed-versions")).isFalse();
  }

  private static Set<String> versionsOf(Map<String, String> modules, String prefix) {
    Set<String> versions = new TreeSet<>();
    modules.forEach((name, version) -> {
      if (name.startsWith(prefix)) {
        versions.add(version);
      }
    });
    assertThat(versions).as(prefix + " modules on the classpath").isNotEmpty();
    return versions;
  }

  /** Implementation-Title → Implementation-Version of every jar on the classpath whose vendor is org.apache.pekko. */
  private static Map<String, String> pekkoModules() throws IOException {
    Map<String, String> modules = new TreeMap<>();
    for (URL url : Collections.list(PekkoModuleVersionsTest.class.getClassLoader()
        .getResources("META-INF/MANIFEST.MF"))) {
      try (InputStream in = url.openStream()) {
        Attributes attributes = new Manifest(in).getMainAttributes();
        if ("org.apache.pekko".equals(attributes.getValue("Implementation-Vendor-Id"))) {
          String previous = modules.put(attributes.getValue("Implementation-Title"),
              attributes.getValue("Implementation-Version"));
          assertThat(previous).as("two jars of " + attributes.getValue("Implementation-Title")).isNull();
        }
      }
    }
    return modules;
  }
}
