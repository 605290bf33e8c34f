package org.peaktrade.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * An API token kept only as {@code sha256$BASE64URL} of its SHA-256 digest. Tokens are 32 random bytes (see
 * {@link #newToken}), so a plain digest suffices: nothing can be guessed, and unlike the approval code's PBKDF2 (a
 * human-chosen secret) it costs microseconds on every request instead of a deliberate 100 ms. Comparison is constant
 * time. No message ever contains a token or a digest.
 */
public final class TokenHash {
  static final String TAG = "sha256";
  static final String FORMAT = TAG + "$BASE64URL_OF_SHA256";
  private static final int TOKEN_BYTES = 32;
  private static final int DIGEST_BYTES = 32;

  private final byte[] digest;

  private TokenHash(byte[] digest) {
    this.digest = digest;
  }

  /** A fresh token: 32 bytes from {@code random}, base64url without padding (43 characters). */
  public static String newToken(SecureRandom random) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The encoded hash of {@code token}, as it goes into config. */
  public static String encode(String token) {
    return TAG + "$" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest(token));
  }

  /** Reads the encoded form; throws {@link IllegalArgumentException} that never quotes the text. */
  public static TokenHash parse(String encoded) {
    String text = encoded == null ? "" : encoded.strip();
    int dollar = text.indexOf('$');
    if (dollar < 0 || !text.substring(0, dollar).equals(TAG)) {
      throw new IllegalArgumentException("not a token hash; expected " + FORMAT
          + " (make one with 'peak-trade new-token')");
    }
    byte[] digest;
    try {
      digest = Base64.getUrlDecoder().decode(text.substring(dollar + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("token hash is not valid base64url; expected " + FORMAT);
    }
    if (digest.length != DIGEST_BYTES) {
      throw new IllegalArgumentException("token hash decodes to " + digest.length + " bytes, not " + DIGEST_BYTES
          + "; expected " + FORMAT);
    }
    return new TokenHash(digest);
  }

  /** Constant-time comparison with the digest of a presented token (see {@link #digest}). */
  boolean matches(byte[] presentedDigest) {
    return MessageDigest.isEqual(digest, presentedDigest);
  }

  boolean sameAs(TokenHash other) {
    return MessageDigest.isEqual(digest, other.digest);
  }

  static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
