package org.peaktrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.RepoFiles.repoFile;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** docs/strategies.md is what users read; it must not drift from the catalog's names, defaults and ranges. */
class StrategiesDocTest {

  @Test
  void documentsEveryStrategyWithEachParametersDefaultAndRange() throws IOException {
    String doc = Files.readString(repoFile("docs/strategies.md"));

    for (StrategyDefinition definition : StrategyCatalog.all()) {
      assertThat(doc).contains("## " + definition.name() + "\n");
      for (ParameterSpec spec : definition.parameters()) {
        assertThat(doc).contains(row(spec));
      }
    }
  }

  private static String row(ParameterSpec spec) {
    return "| `" + spec.name() + "` | " + spec.defaultValue() + " | " + spec.constraint() + " | ";
  }
}
