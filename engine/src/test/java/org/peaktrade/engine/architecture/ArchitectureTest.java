package org.peaktrade.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the pure layers pure: no actor runtime in protocol or engine, no floating point in the books. */
class ArchitectureTest {
  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.peaktrade.protocol", "org.peaktrade.engine");

  @Test
  void protocolAndEngineNeverImportPekko() {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.apache.pekko..")
        .because("engine logic must run identically in backtests without an actor system")
        .check(classes);
  }

  @Test
  void protocolDependsOnNothingButTheJdkAndJacksonAnnotations() {
    noClasses().that().resideInAPackage("org.peaktrade.protocol..")
        .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.peaktrade.protocol..",
            "com.fasterxml.jackson.annotation..")
        .check(classes);
  }

  @Test
  void ledgerExecutionSessionsAndCandlesHoldNoFloatingPointState() {
    fields().that().areDeclaredInClassesThat().resideInAnyPackage("org.peaktrade.engine.portfolio..",
            "org.peaktrade.engine.execution..", "org.peaktrade.engine.session..",
            "org.peaktrade.engine.trading..", "org.peaktrade.engine.candles..")
        .should().notHaveRawType(double.class).andShould().notHaveRawType(float.class)
        .andShould().notHaveRawType(Double.class)
        .because("money, positions, fees and stored candles are exact decimals")
        .check(classes);
  }

  @Test
  void engineNeverReadsTheSystemClock() {
    noClasses().should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.time.Instant.class, "now")
        .because("time is a parameter or an injected Clock, so runs are reproducible")
        .check(classes);
  }
}
