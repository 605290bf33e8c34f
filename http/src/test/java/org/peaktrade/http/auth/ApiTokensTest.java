package org.peaktrade.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiTokensTest {

  private static final String HASH_A = TokenHash.encode("token-a");
  private static final String HASH_B = TokenHash.encode("token-b");

  @Test
  void a_token_authenticates_as_its_name_with_its_roles() {
    ApiTokens tokens = parse("{ name = alice, roles = [operator, approver], token-hash = \"" + HASH_A + "\" },"
        + "{ name = vic, roles = [viewer], token-hash = \"" + HASH_B + "\" }");

    assertThat(tokens.size()).isEqualTo(2);
    assertThat(tokens.authenticate("token-a")).contains(new Caller("alice", Set.of(Role.OPERATOR, Role.APPROVER)));
    assertThat(tokens.authenticate("token-b")).contains(new Caller("vic", Set.of(Role.VIEWER)));
    assertThat(tokens.authenticate("token-c")).isEmpty();
  }

  @Test
  void without_an_auth_section_there_are_no_tokens() {
    assertThat(ApiTokens.fromConfig(ConfigFactory.empty()).isEmpty()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{ name = alice, roles = [operater], token-hash = \"HASH_A\" } | peaktrade.auth.tokens[0].roles: unknown role 'operater'; expected one of viewer, operator, approver, admin",
      "{ name = alice, roles = operator, token-hash = \"HASH_A\" }   | peaktrade.auth.tokens[0].roles: must be a list",
      "{ name = alice, roles = [], token-hash = \"HASH_A\" }         | peaktrade.auth.tokens[0].roles: is empty",
      "{ name = alice, token-hash = \"HASH_A\" }                     | peaktrade.auth.tokens[0].roles: missing",
      "{ name = alice, roles = [admin], token-hash = \"nope\" }      | peaktrade.auth.tokens[0].token-hash: not a token hash",
      "{ name = alice, roles = [admin] }                           | peaktrade.auth.tokens[0].token-hash: missing",
      "{ roles = [admin], token-hash = \"HASH_A\" }                  | peaktrade.auth.tokens[0].name: missing",
      "{ name = \"al ice\", roles = [admin], token-hash = \"HASH_A\" } | peaktrade.auth.tokens[0].name: must be 1-64 of",
      "{ name = alice, role = [admin], token-hash = \"HASH_A\" }     | peaktrade.auth.tokens[0].role: unknown key",
      "{ name = a, roles = [admin], token-hash = \"HASH_A\" }, { name = a, roles = [viewer], token-hash = \"HASH_B\" } | peaktrade.auth.tokens[1].name: 'a' is used twice",
      "{ name = a, roles = [admin], token-hash = \"HASH_A\" }, { name = b, roles = [viewer], token-hash = \"HASH_A\" } | peaktrade.auth.tokens[1].token-hash: the same token as 'a'"})
  void a_misconfigured_token_is_refused_with_the_key_that_is_wrong(String entries, String message) {
    assertThatThrownBy(() -> parse(entries.replace("HASH_A", HASH_A).replace("HASH_B", HASH_B)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void tokens_that_are_not_a_list_are_refused() {
    assertThatThrownBy(() -> ApiTokens.fromConfig(ConfigFactory.parseString("peaktrade.auth.tokens = alice")))
        .hasMessageStartingWith("peaktrade.auth.tokens must be a list of {name, roles, token-hash} objects");
  }

  @Test
  void admin_grants_every_role_and_any_role_grants_reading() {
    Caller admin = new Caller("root", Set.of(Role.ADMIN));
    Caller operator = new Caller("alice", Set.of(Role.OPERATOR));

    assertThat(Set.of(Role.values())).allMatch(admin::may);
    assertThat(operator.may(Role.VIEWER)).isTrue();
    assertThat(operator.may(Role.OPERATOR)).isTrue();
    assertThat(operator.may(Role.APPROVER)).isFalse();
    assertThat(operator.may(Role.ADMIN)).isFalse();
  }

  private static ApiTokens parse(String entries) {
    return ApiTokens.fromConfig(ConfigFactory.parseString("peaktrade.auth.tokens = [" + entries + "]"));
  }
}
