package org.peaktrade.engine.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ApprovalCodeHashTest {
  private static final ApprovalCodeHash HASH =
      ApprovalCodeHash.create("correct horse".toCharArray(), 10_000, new SecureRandom());

  @Test
  void matchesOnlyTheRightCode() {
    assertThat(HASH.matches("correct horse".toCharArray())).isTrue();
    assertThat(HASH.matches("correct horsf".toCharArray())).isFalse();
    assertThat(HASH.matches(new char[0])).isFalse();
  }

  @Test
  void survivesItsTextForm() {
    ApprovalCodeHash parsed = ApprovalCodeHash.parse(HASH.encoded());

    assertThat(parsed).isEqualTo(HASH);
    assertThat(parsed.matches("correct horse".toCharArray())).isTrue();
    assertThat(HASH.encoded()).startsWith("pbkdf2-sha256$10000$").doesNotContain("correct");
  }

  @Test
  void twoHashesOfTheSameCodeDifferBySalt() {
    ApprovalCodeHash other = ApprovalCodeHash.create("correct horse".toCharArray(), 10_000, new SecureRandom());

    assertThat(other.encoded()).isNotEqualTo(HASH.encoded());
  }

  @Test
  void rejectsMalformedTextWithoutEchoingIt() {
    assertThatThrownBy(() -> ApprovalCodeHash.parse("secret-code-in-the-wrong-place"))
        .hasMessageContaining("pbkdf2-sha256$ITERATIONS$SALT$HASH").hasMessageNotContaining("secret");
    assertThatThrownBy(() -> ApprovalCodeHash.parse("pbkdf2-sha256$x$AAAA$AAAA")).hasMessageContaining("iterations");
    assertThatThrownBy(() -> ApprovalCodeHash.parse("pbkdf2-sha256$20000$!!$!!")).hasMessageContaining("base64");
  }

  @Test
  void refusesShortCodesAndTooFewIterations() {
    assertThatThrownBy(() -> ApprovalCodeHash.create("short".toCharArray(), 10_000, new SecureRandom()))
        .hasMessageContaining("at least 8 characters");
    assertThatThrownBy(() -> ApprovalCodeHash.create("long enough".toCharArray(), 100, new SecureRandom()))
        .hasMessageContaining("iterations");
  }

  @Test
  void neverShowsTheHashInToString() {
    assertThat(HASH.toString()).isEqualTo("pbkdf2-sha256$10000$…");
  }
}
