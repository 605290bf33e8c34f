package org.peaktrade.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenHashTest {

  @Test
  void a_new_token_is_32_random_bytes_in_base64url_without_padding() {
    SecureRandom random = new SecureRandom();

    String first = TokenHash.newToken(random);
    String second = TokenHash.newToken(random);

    assertThat(first).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void the_hash_of_a_token_matches_that_token_only() {
    TokenHash hash = TokenHash.parse(TokenHash.encode("the-token"));

    assertThat(hash.matches(TokenHash.digest("the-token"))).isTrue();
    assertThat(hash.matches(TokenHash.digest("the-token "))).isFalse();
    assertThat(hash.matches(TokenHash.digest("another"))).isFalse();
  }

  @Test
  void the_encoded_hash_is_the_sha256_digest_and_does_not_contain_the_token() {
    String encoded = TokenHash.encode("abc");

    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    assertThat(encoded).isEqualTo("sha256$ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0").doesNotContain("abc");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plain-token-pasted-by-mistake", "pbkdf2-sha256$1$c2FsdA==$aGFzaA==", "sha256$***",
      "sha256$c2hvcnQ"})
  void a_malformed_hash_is_refused_without_quoting_it(String encoded) {
    assertThatThrownBy(() -> TokenHash.parse(encoded))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("plain-token")
        .hasMessageNotContaining("c2hvcnQ")
        .hasMessageContaining("sha256");
  }
}
