package org.peaktrade.app.config;

import java.util.Set;

/**
 * A config section whose keys the documented defaults cannot list: user-named entries (a map keyed by portfolio,
 * session or symbol), a list of entries, or a section whose valid keys are mostly absent by default (a limit that is
 * off unless set). Only the shape of each entry is checked: its keys must be among {@code entryKeys}; with no entry
 * keys, an entry may be any value.
 *
 * @param path the section's full path, e.g. {@code peaktrade.risk.portfolios}
 * @param kind how the section holds its entries
 * @param entryKeys the keys an entry (or, for {@link Kind#KEYS}, the section itself) may have
 */
public record OpenSection(String path, Kind kind, Set<String> entryKeys) {

  /** How an open section holds its entries. */
  public enum Kind {
    /** An object whose keys are names the user chooses; each value is one entry. */
    NAMED,
    /** A list; each element is one entry. */
    LIST,
    /** The section itself may have these keys besides the documented ones. */
    KEYS
  }

  public OpenSection {
    entryKeys = Set.copyOf(entryKeys);
  }

  /** {@code path.NAME} for any name; each entry's keys among {@code entryKeys} (none: any value). */
  public static OpenSection named(String path, Set<String> entryKeys) {
    return new OpenSection(path, Kind.NAMED, entryKeys);
  }

  /** {@code path[i]}: each element an object whose keys are among {@code entryKeys}. */
  public static OpenSection list(String path, Set<String> entryKeys) {
    return new OpenSection(path, Kind.LIST, entryKeys);
  }

  /** The section may set {@code keys} too, though its documented defaults leave them out. */
  public static OpenSection keys(String path, Set<String> keys) {
    return new OpenSection(path, Kind.KEYS, keys);
  }
}
