package org.peaktrade.protocol.text;

import java.util.Map;
import java.util.Optional;

/**
 * The one check for free text that ends up in the audit trail or on an operator's terminal (kill-switch reasons,
 * identities, metadata, session names): C0 controls (U+0000–U+001F, tab and newline included), DEL (U+007F), C1
 * controls (U+0080–U+009F) and the Unicode bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
 * U+2066–U+2069) are refused, because they hide or reorder what an auditor reads. Everything else (any script,
 * emoji) passes. {@link #escape} renders text that may still hold them (an old journal) harmless for printing.
 */
public final class ControlCharacters {

  private ControlCharacters() {}

  /** True for a code point that {@link #problem} refuses. */
  public static boolean isRefused(int codePoint) {
    return codePoint <= 0x1F
        || (codePoint >= 0x7F && codePoint <= 0x9F)
        || codePoint == 0x061C
        || codePoint == 0x200E || codePoint == 0x200F
        || (codePoint >= 0x202A && codePoint <= 0x202E)
        || (codePoint >= 0x2066 && codePoint <= 0x2069);
  }

  /**
   * What is wrong with {@code value} as the field {@code field}, e.g. {@code reason: contains control character
   * U+0000 at index 5} (the first refused character; the index counts UTF-16 chars, as Java and JavaScript do);
   * empty when it is clean or null.
   */
  public static Optional<String> problem(String field, String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (int i = 0; i < value.length(); ) {
      int codePoint = value.codePointAt(i);
      if (isRefused(codePoint)) {
        return Optional.of(field + ": contains control character " + name(codePoint) + " at index " + i);
      }
      i += Character.charCount(codePoint);
    }
    return Optional.empty();
  }

  /** The first problem among the keys and values of {@code metadata}, named {@code field[key]} or {@code field key}. */
  public static Optional<String> problem(String field, Map<String, String> metadata) {
    if (metadata == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      Optional<String> key = problem(field + " key", entry.getKey());
      if (key.isPresent()) {
        return key;
      }
      Optional<String> value = problem(field + "[" + escape(entry.getKey()) + "]", entry.getValue());
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /** Returns {@code value}; throws {@link IllegalArgumentException} with the {@link #problem} otherwise. */
  public static String require(String field, String value) {
    Optional<String> problem = problem(field, value);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    return value;
  }

  /** Returns {@code metadata}; throws {@link IllegalArgumentException} with the {@link #problem} otherwise. */
  public static Map<String, String> require(String field, Map<String, String> metadata) {
    Optional<String> problem = problem(field, metadata);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    return metadata;
  }

  /**
   * {@code value} with every refused character written as a visible {@code \u0000}-style escape, for printing text
   * stored before this check existed (an old journal); null stays null.
   */
  public static String escape(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().forEach(codePoint -> {
      if (isRefused(codePoint)) {
        out.append(String.format("\\u%04X", codePoint));
      } else {
        out.appendCodePoint(codePoint);
      }
    });
    return out.toString();
  }

  private static String name(int codePoint) {
    return String.format("U+%04X", codePoint);
  }
}
