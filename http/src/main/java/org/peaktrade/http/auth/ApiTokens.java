package org.peaktrade.http.auth;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tokens a node accepts, each with a name (the caller's identity in logs and the kill-switch audit trail), its
 * roles and the hash of the token. Read from a list of {@code {name, roles, token-hash}} objects; anything wrong (an
 * unknown key or role, a bad hash, a duplicate name or token) fails with the key path, so a node never starts with
 * an auth section it misread.
 */
public final class ApiTokens {

  /** Where a node's configured tokens live. */
  public static final String PATH = "peaktrade.auth.tokens";
  /** 1-64 of letters, digits and {@code . _ @ -}: fits a log line and the audit trail. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final Set<String> KEYS = Set.of("name", "roles", "token-hash");

  private record Entry(Caller caller, TokenHash hash) {}

  private final List<Entry> entries;

  private ApiTokens(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The tokens under {@link #PATH} (none when the key is absent). */
  public static ApiTokens fromConfig(Config config) {
    return config.hasPath(PATH) ? fromList(config, PATH, PATH) : new ApiTokens(List.of());
  }

  /**
   * The tokens in the list at {@code path} of {@code config}; messages name keys as {@code origin[i].key}. Throws
   * {@link IllegalArgumentException} for anything invalid.
   */
  public static ApiTokens fromList(Config config, String path, String origin) {
    List<? extends Config> list;
    try {
      list = config.getConfigList(path);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(origin + " must be a list of {name, roles, token-hash} objects", e);
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Entry entry = entry(list.get(i), origin + "[" + i + "]");
      for (Entry earlier : entries) {
        if (earlier.caller().name().equals(entry.caller().name())) {
          throw new IllegalArgumentException(origin + "[" + i + "].name: '" + entry.caller().name()
              + "' is used twice; each token needs its own name");
        }
        if (earlier.hash().sameAs(entry.hash())) {
          throw new IllegalArgumentException(origin + "[" + i + "].token-hash: the same token as '"
              + earlier.caller().name() + "'; one token cannot carry two identities");
        }
      }
      entries.add(entry);
    }
    return new ApiTokens(entries);
  }

  /** A single token, e.g. the generated admin token of the embedded default. */
  public static ApiTokens of(String name, Set<Role> roles, String tokenHash) {
    return new ApiTokens(List.of(new Entry(new Caller(name, roles), TokenHash.parse(tokenHash))));
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  /** The caller whose token this is; compares against every entry in constant time per entry. */
  public Optional<Caller> authenticate(String token) {
    byte[] presented = TokenHash.digest(token);
    Caller found = null;
    for (Entry entry : entries) {
      if (entry.hash().matches(presented)) {
        found = entry.caller();
      }
    }
    return Optional.ofNullable(found);
  }

  private static Entry entry(Config entry, String at) {
    for (String key : entry.root().keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(at + "." + key + ": unknown key; expected name, roles, token-hash");
      }
    }
    String name = string(entry, "name", at);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(at + ".name: must be 1-64 of A-Z a-z 0-9 . _ @ -");
    }
    Set<Role> roles = roles(entry, at + ".roles");
    String encodedHash = string(entry, "token-hash", at);
    TokenHash hash;
    try {
      hash = TokenHash.parse(encodedHash);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ".token-hash: " + e.getMessage());
    }
    return new Entry(new Caller(name, roles), hash);
  }

  private static Set<Role> roles(Config entry, String at) {
    if (!entry.hasPath("roles")) {
      throw new IllegalArgumentException(at + ": missing; a list of " + Role.known());
    }
    List<? extends ConfigValue> values;
    try {
      values = entry.getList("roles");
    } catch (ConfigException e) {
      throw new IllegalArgumentException(at + ": must be a list, e.g. [operator]; roles are " + Role.known());
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException(at + ": is empty; a token needs at least one of " + Role.known());
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (ConfigValue value : values) {
      try {
        roles.add(Role.parse(String.valueOf(value.unwrapped())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + ": " + e.getMessage());
      }
    }
    return roles;
  }

  private static String string(Config entry, String key, String at) {
    if (!entry.hasPath(key)) {
      throw new IllegalArgumentException(at + "." + key + ": missing");
    }
    try {
      return entry.getString(key);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(at + "." + key + ": must be a string");
    }
  }
}
