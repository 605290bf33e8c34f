package org.peaktrade.engine.killswitch;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The configured approval code, kept only as a salted PBKDF2-HMAC-SHA256 hash encoded as
 * {@code pbkdf2-sha256$ITERATIONS$SALT_B64$HASH_B64}. The plain code is never stored, logged or echoed in an error
 * message (someone may paste the plain code where the hash belongs).
 *
 * <p>New hashes use {@link #DEFAULT_ITERATIONS}, OWASP's current figure for PBKDF2-HMAC-SHA256 (one check costs
 * about 130-300 ms of CPU on a small server core, so the check runs off the default dispatcher). Older hashes with
 * fewer iterations still verify ({@link #belowRecommendedIterations}: the node warns at start). A count outside
 * {@link #MIN_ITERATIONS}..{@link #MAX_ITERATIONS} is refused: too few is no protection, and an absurd count (e.g.
 * 2^31-1) would hang every recovery request for hours.
 */
public final class ApprovalCodeHash {
  public static final int DEFAULT_ITERATIONS = 600_000;
  public static final int MIN_ITERATIONS = 1_000;
  public static final int MAX_ITERATIONS = 10_000_000;
  static final String TAG = "pbkdf2-sha256";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final int MIN_SALT_BYTES = 8;
  private static final int MIN_HASH_BYTES = 16;
  private static final String FORMAT = TAG + "$ITERATIONS$SALT_B64$HASH_B64";

  private final int iterations;
  private final byte[] salt;
  private final byte[] hash;

  private ApprovalCodeHash(int iterations, byte[] salt, byte[] hash) {
    this.iterations = iterations;
    this.salt = salt;
    this.hash = hash;
  }

  /** Hashes {@code code} with a fresh salt; the caller keeps ownership of (and clears) the array. */
  public static String create(char[] code, int iterations, SecureRandom random) {
    Objects.requireNonNull(code, "code");
    if (code.length == 0) {
      throw new IllegalArgumentException("approval code must not be empty");
    }
    requireSaneIterations(iterations);
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(code, salt, iterations, HASH_BYTES);
    Base64.Encoder base64 = Base64.getEncoder();
    return TAG + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
  }

  public static String create(char[] code) {
    return create(code, DEFAULT_ITERATIONS, new SecureRandom());
  }

  /** Reads the encoded form; the message of the exception never contains the rejected text. */
  public static ApprovalCodeHash parse(String encoded) {
    if (encoded == null || encoded.isBlank()) {
      throw new IllegalArgumentException("approval code hash is empty; expected " + FORMAT);
    }
    String[] parts = encoded.trim().split("\\$", -1);
    if (parts.length != 4 || !parts[0].equals(TAG)) {
      throw new IllegalArgumentException("approval code hash is malformed; expected " + FORMAT);
    }
    int iterations;
    try {
      iterations = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("approval code hash has a non-numeric iteration count; expected " + FORMAT);
    }
    requireSaneIterations(iterations);
    byte[] salt = decode(parts[2], "salt");
    byte[] hash = decode(parts[3], "hash");
    if (salt.length < MIN_SALT_BYTES) {
      throw new IllegalArgumentException("approval code hash salt is shorter than " + MIN_SALT_BYTES + " bytes");
    }
    if (hash.length < MIN_HASH_BYTES) {
      throw new IllegalArgumentException("approval code hash is shorter than " + MIN_HASH_BYTES + " bytes");
    }
    return new ApprovalCodeHash(iterations, salt, hash);
  }

  /** Constant-time comparison of the derived hash; the caller keeps ownership of (and clears) the array. */
  public boolean matches(char[] code) {
    if (code == null || code.length == 0) {
      return false;
    }
    byte[] candidate = derive(code, salt, iterations, hash.length);
    try {
      return MessageDigest.isEqual(candidate, hash);
    } finally {
      Arrays.fill(candidate, (byte) 0);
    }
  }

  public int iterations() {
    return iterations;
  }

  /** Whether this hash was made with fewer iterations than new hashes get: it should be made again. */
  public boolean belowRecommendedIterations() {
    return iterations < DEFAULT_ITERATIONS;
  }

  public String encoded() {
    Base64.Encoder base64 = Base64.getEncoder();
    return TAG + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApprovalCodeHash that && iterations == that.iterations
        && Arrays.equals(salt, that.salt) && Arrays.equals(hash, that.hash);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(salt) + Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "ApprovalCodeHash[" + TAG + ", " + iterations + " iterations]";
  }

  private static void requireSaneIterations(int iterations) {
    if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("approval code hash iteration count " + iterations + " is outside "
          + MIN_ITERATIONS + ".." + MAX_ITERATIONS + " (new hashes use " + DEFAULT_ITERATIONS + ")");
    }
  }

  private static byte[] decode(String base64, String part) {
    try {
      return Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("approval code hash " + part + " is not valid Base64; expected " + FORMAT);
    }
  }

  private static byte[] derive(char[] code, byte[] salt, int iterations, int bytes) {
    PBEKeySpec spec = new PBEKeySpec(code, salt, iterations, bytes * 8);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }
}
