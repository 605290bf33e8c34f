package org.peaktrade.actors.killswitch;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/**
 * Settings of the journal's read side, the {@code peaktrade.persistence} block (defaults documented in
 * reference.conf). The journal itself is Pekko's {@code pekko.persistence.journal.plugin}, chosen by a profile.
 *
 * @param readJournal the Pekko Persistence Query plugin id the kill-switch audit trail is read through; a config
 *     path that must exist, so a misspelt plugin fails at startup naming this key
 */
public record PersistenceSettings(String readJournal) {
  public static final String PATH = "peaktrade.persistence";
  public static final String READ_JOURNAL = PATH + ".read-journal";

  public static PersistenceSettings fromConfig(Config root) {
    String readJournal = root.getString(READ_JOURNAL);
    if (readJournal.isBlank()) {
      throw new ConfigException.BadValue(READ_JOURNAL, "must name a Pekko Persistence Query plugin");
    }
    if (!root.hasPath(readJournal)) {
      throw new ConfigException.BadValue(READ_JOURNAL,
          "no Pekko Persistence Query plugin is configured at '" + readJournal + "'");
    }
    return new PersistenceSettings(readJournal);
  }
}
