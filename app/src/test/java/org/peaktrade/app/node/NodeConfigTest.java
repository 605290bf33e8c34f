package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {
  @TempDir
  Path dir;

  private Path file(String name, String hocon) throws IOException {
    return Files.writeString(dir.resolve(name), hocon);
  }

  private Config load(Path... files) {
    return NodeConfig.load(List.of(files), Optional.of(dir.resolve("data")), Optional.empty(), Optional.empty());
  }

  @Test
  void the_cli_looks_for_the_admin_token_in_the_same_default_data_dir_as_the_node() {
    Config reference = ConfigFactory.parseResources(NodeConfig.class.getClassLoader(), "reference.conf")
        .resolve(ConfigResolveOptions.noSystem());

    assertThat(Path.of(reference.getString(NodeConfig.DATA_DIR)).normalize())
        .isEqualTo(Path.of(NodeConfig.DEFAULT_DATA_DIR));
  }

  @Test
  void a_later_config_file_wins_over_an_earlier_one_and_keeps_what_it_does_not_set() throws IOException {
    Path first = file("first.conf", "peaktrade.http.port = 9001\npeaktrade.kill-switch.cooldown = 60s\n");
    Path second = file("second.conf", "peaktrade.http.port = 9002\n");

    Config config = load(first, second);

    assertThat(config.getInt(NodeConfig.HTTP_PORT)).isEqualTo(9002);
    assertThat(config.getString("peaktrade.kill-switch.cooldown")).isEqualTo("60s");
  }

  @Test
  void without_a_persistence_profile_the_journal_is_the_embedded_one_under_the_data_dir() {
    Config config = load();

    assertThat(NodeConfig.describeJournal(config))
        .isEqualTo("embedded SQLite under " + dir.resolve("data").toAbsolutePath().resolve("journal"));
  }

  @Test
  void the_cassandra_profile_layered_last_moves_the_journal_to_cassandra() throws IOException {
    Path local = file("local.conf", "peaktrade.http.port = 9001\n");
    Path profile = repositoryRoot().resolve("config/persistence-cassandra.conf");

    Config config = load(local, profile);

    assertThat(config.getString(NodeConfig.JOURNAL_PLUGIN)).isEqualTo(NodeConfig.CASSANDRA_JOURNAL);
    assertThat(NodeConfig.describeJournal(config)).matches("Cassandra .+:\\d+, keyspace \\w+");
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("config/persistence-cassandra.conf"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no config/persistence-cassandra.conf above " + Path.of("").toAbsolutePath());
  }
}
