package org.peaktrade.engine.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApprovalCodeHashTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void aCreatedHashMatchesItsCodeAndNothingElse() {
    ApprovalCodeHash hash = ApprovalCodeHash.parse(ApprovalCodeHash.create("open sesame".toCharArray(), 1000, RANDOM));

    assertThat(hash.matches("open sesame".toCharArray())).isTrue();
    assertThat(hash.matches("open sesamE".toCharArray())).isFalse();
    assertThat(hash.matches("open sesame ".toCharArray())).isFalse();
    assertThat(hash.matches(new char[0])).isFalse();
    assertThat(hash.matches(null)).isFalse();
  }

  @Test
  void theEncodedFormNamesTheAlgorithmIterationsSaltAndHash() {
    String encoded = ApprovalCodeHash.create("code".toCharArray(), 1234, RANDOM);

    String[] parts = encoded.split("\\$");
    assertThat(parts).hasSize(4);
    assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
    assertThat(parts[1]).isEqualTo("1234");
    assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
    assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
    assertThat(ApprovalCodeHash.parse(encoded).encoded()).isEqualTo(encoded);
  }

  @Test
  void theDefaultUsesOwaspsSixHundredThousandIterations() {
    assertThat(ApprovalCodeHash.parse(ApprovalCodeHash.create("code".toCharArray())).iterations())
        .isEqualTo(600_000);
  }

  @Test
  void theSameCodeHashesDifferentlyEachTimeBecauseOfTheSalt() {
    String first = ApprovalCodeHash.create("code".toCharArray(), 1000, RANDOM);
    String second = ApprovalCodeHash.create("code".toCharArray(), 1000, RANDOM);

    assertThat(first).isNotEqualTo(second);
    assertThat(ApprovalCodeHash.parse(second).matches("code".toCharArray())).isTrue();
  }

  @Test
  void matchesAgreesWithThePublishedPbkdf2HmacSha256TestVector() {
    // RFC 7914 §11 / RFC 6070-style vector for PBKDF2-HMAC-SHA256: 4096 iterations, 40-byte key.
    byte[] salt = "saltSALTsaltSALTsaltSALTsaltSALTsalt".getBytes(StandardCharsets.US_ASCII);
    byte[] key = hex("348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9");
    ApprovalCodeHash hash = ApprovalCodeHash.parse("pbkdf2-sha256$4096$" + Base64.getEncoder().encodeToString(salt)
        + "$" + Base64.getEncoder().encodeToString(key));

    assertThat(hash.matches("passwordPASSWORDpassword".toCharArray())).isTrue();
    assertThat(hash.matches("passwordPASSWORDpassworD".toCharArray())).isFalse();
  }

  @Test
  void creatingLeavesTheCallersArrayForTheCallerToClear() {
    char[] code = "code".toCharArray();
    ApprovalCodeHash.create(code, 1000, RANDOM);

    assertThat(code).containsExactly('c', 'o', 'd', 'e');
  }

  @Test
  void creatingRejectsAnEmptyCodeAndAnIterationCountOutsideTheSaneRange() {
    assertThatThrownBy(() -> ApprovalCodeHash.create(new char[0], 1000, RANDOM))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> ApprovalCodeHash.create("x".toCharArray(), 0, RANDOM))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iteration count 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "my-secret-code",
      "pbkdf2-sha1$1000$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==",
      "pbkdf2-sha256$1000$c2FsdHNhbHQ=",
      "pbkdf2-sha256$many$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==",
      "pbkdf2-sha256$0$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==",
      "pbkdf2-sha256$1000$not*base64$aGFzaGhhc2hoYXNoaGFzaA==",
      "pbkdf2-sha256$1000$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==",
      "pbkdf2-sha256$1000$c2FsdHNhbHQ=$aGFzaA==",
      "pbkdf2-sha256$1000$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==$extra"})
  void parsingRejectsMalformedTextWithoutEchoingIt(String text) {
    assertThatThrownBy(() -> ApprovalCodeHash.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("approval code hash")
        .satisfies(e -> {
          if (!text.isEmpty()) {
            assertThat(e.getMessage()).doesNotContain(text);
          }
        });
  }

  @ParameterizedTest
  @CsvSource({"0", "999", "10000001", "2147483647"})
  void parsingRefusesAnAbsurdIterationCountNamingTheSaneRange(int iterations) {
    assertThatThrownBy(() -> ApprovalCodeHash.parse(
        "pbkdf2-sha256$" + iterations + "$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA=="))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("approval code hash iteration count " + iterations + " is outside 1000..10000000 (new hashes use "
            + "600000)");
  }

  @ParameterizedTest
  @CsvSource({"1000, true", "599999, true", "600000, false", "10000000, false"})
  void hashesBelowTheOwaspIterationCountStillParseButAskToBeMadeAgain(int iterations, boolean below) {
    ApprovalCodeHash hash =
        ApprovalCodeHash.parse("pbkdf2-sha256$" + iterations + "$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==");

    assertThat(hash.iterations()).isEqualTo(iterations);
    assertThat(hash.belowRecommendedIterations()).isEqualTo(below);
  }

  @Test
  void parsingRejectsNull() {
    assertThatThrownBy(() -> ApprovalCodeHash.parse(null)).hasMessageContaining("empty");
  }

  @Test
  void toStringRevealsNeitherSaltNorHash() {
    String encoded = ApprovalCodeHash.create("code".toCharArray(), 1000, RANDOM);
    String[] parts = encoded.split("\\$");

    assertThat(ApprovalCodeHash.parse(encoded).toString())
        .isEqualTo("ApprovalCodeHash[pbkdf2-sha256, 1000 iterations]")
        .doesNotContain(parts[2]).doesNotContain(parts[3]);
  }

  private static byte[] hex(String text) {
    byte[] bytes = new byte[text.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
