package org.peaktrade.app.k8s;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.peaktrade.app.fixtures.ApprovalCodes;
import org.peaktrade.http.auth.TokenHash;

/**
 * Stand-ins for the Secrets docs/deployment.md tells the operator to create before applying k8s/, made the way the
 * page says: {@code peak-trade-auth} with {@code tokens.conf} (entries of {@code peak-trade new-token}) and
 * {@code peak-trade-approval} with {@code approval-code-hash} (from {@code peak-trade hash-approval-code}). Fresh
 * random values each time.
 */
final class PodSecrets {

  static final String AUTH = "peak-trade-auth";
  static final String TOKENS_KEY = "tokens.conf";
  static final String APPROVAL = "peak-trade-approval";
  static final String APPROVAL_KEY = "approval-code-hash";
  static final String TOKEN_NAME = "ops";

  private final String token;
  private final String approvalCode;
  private final Map<String, Map<String, String>> secrets;

  PodSecrets() {
    SecureRandom random = new SecureRandom();
    this.token = TokenHash.newToken(random);
    this.approvalCode = TokenHash.newToken(random);
    this.secrets = Map.of(
        AUTH, Map.of(TOKENS_KEY, "peaktrade.auth.tokens = [\n  { name = \"" + TOKEN_NAME
            + "\", roles = [admin], token-hash = \"" + TokenHash.encode(token) + "\" }\n]\n"),
        APPROVAL, Map.of(APPROVAL_KEY, ApprovalCodes.hash(approvalCode)));
  }

  /** The API token whose hash {@code tokens.conf} holds. */
  String token() {
    return token;
  }

  String approvalCode() {
    return approvalCode;
  }

  Optional<String> value(String secret, String key) {
    return Optional.ofNullable(secrets.getOrDefault(secret, Map.of()).get(key));
  }

  boolean has(String secret) {
    return secrets.containsKey(secret);
  }
}
