package org.peaktrade.engine.killswitch;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 hash of the recovery approval code, as it is configured:
 * {@code pbkdf2-sha256$ITERATIONS$SALT_BASE64$HASH_BASE64}. The code itself is never stored; {@link #matches}
 * compares in constant time. Callers own the char arrays they pass and should clear them after use.
 */
public final class ApprovalCodeHash {
  public static final int DEFAULT_ITERATIONS = 210_000;
  private static final String PREFIX = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final int MIN_ITERATIONS = 10_000;

  private final int iterations;
  private final byte[] salt;
  private final byte[] hash;

  private ApprovalCodeHash(int iterations, byte[] salt, byte[] hash) {
    this.iterations = iterations;
    this.salt = salt;
    this.hash = hash;
  }

  /** Hashes a new code with {@value #DEFAULT_ITERATIONS} iterations and a fresh salt from a strong random source. */
  public static ApprovalCodeHash create(char[] code) {
    return create(code, DEFAULT_ITERATIONS, new SecureRandom());
  }

  /** Hashes a new code with a fresh random salt. */
  public static ApprovalCodeHash create(char[] code, int iterations, SecureRandom random) {
    if (code.length < 8) {
      throw new IllegalArgumentException("an approval code needs at least 8 characters");
    }
    if (iterations < MIN_ITERATIONS) {
      throw new IllegalArgumentException("at least " + MIN_ITERATIONS + " PBKDF2 iterations: " + iterations);
    }
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new ApprovalCodeHash(iterations, salt, derive(code, salt, iterations));
  }

  /** Reads the configured form; the message names what is wrong but never echoes the text. */
  public static ApprovalCodeHash parse(String encoded) {
    Objects.requireNonNull(encoded, "approval code hash");
    String[] parts = encoded.trim().split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      throw new IllegalArgumentException("approval code hash must look like " + PREFIX
          + "$ITERATIONS$SALT$HASH (use 'peak-trade hash-approval-code')");
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] hash = Base64.getDecoder().decode(parts[3]);
      if (iterations < MIN_ITERATIONS || salt.length < 8 || hash.length != HASH_BITS / 8) {
        throw new IllegalArgumentException("approval code hash has too few iterations, a short salt or a wrong length");
      }
      return new ApprovalCodeHash(iterations, salt, hash);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("approval code hash: iterations is not a number");
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("approval code hash")) {
        throw e;
      }
      throw new IllegalArgumentException("approval code hash: salt or hash is not base64");
    }
  }

  public boolean matches(char[] code) {
    return MessageDigest.isEqual(hash, derive(code, salt, iterations));
  }

  public String encoded() {
    Base64.Encoder b64 = Base64.getEncoder();
    return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  /** Never shows the hash in logs or exceptions. */
  @Override
  public String toString() {
    return PREFIX + "$" + iterations + "$…";
  }

  private static byte[] derive(char[] code, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(code, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApprovalCodeHash other && iterations == other.iterations && Arrays.equals(salt, other.salt)
        && Arrays.equals(hash, other.hash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hash);
  }
}
