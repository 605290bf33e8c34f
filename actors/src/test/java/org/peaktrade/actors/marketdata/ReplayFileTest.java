package org.peaktrade.actors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.protocol.Bar;

class ReplayFileTest {
  private static final String HEADER = "timestamp,open,high,low,close,volume";
  /** One row of each kind of bad row, a blank line (lines are physical, the header is line 1) and a gap. */
  private static final List<String> BAD_FILE = List.of(
      HEADER,
      "2022-01-01T00:00:00Z,10,12,9,11,1",
      "2022-01-01T00:01:00Z,10,12,9,NaN,1",
      "2022-01-01T00:01:00Z,10,12,9,11,1",
      "2022-01-01T00:01:00Z,10,12,9,11,1",
      "2022-01-01T00:00:30Z,10,12,9,11,1",
      "",
      "2022-01-01T00:02:00Z,10,12,9",
      "2022-01-01T00:02:00Z,10,9,11,10,1",
      "2022-01-01T00:04:00Z,10,12,9,11,1",
      "2022-01-01T00:05:00Z,10,12,9,11,1",
      "2022-01-01T00:06:00Z,10,12,9,11,1");

  @TempDir
  Path dir;

  @Test
  void leavesBadRowsOutAndReportsEachAsPathLineReasonWhenSkipping() throws IOException {
    Path path = write("bad.csv", BAD_FILE);

    ReplayFile file = ReplayFile.load(path, LoadOptions.defaults().skippingBadRows());

    assertThat(file.badRows()).containsExactly(
        path + ":3: column 'close' is not a finite decimal number: 'NaN'",
        path + ":5: duplicate timestamp 2022-01-01T00:01:00Z (also on line 4)",
        path + ":6: timestamp 2022-01-01T00:00:30Z is before 2022-01-01T00:01:00Z on line 4; rows must be in time "
            + "order",
        path + ":8: expected 6 fields as in the header but found 4",
        path + ":9: high 9 is below low 11");
    assertThat(file.gaps()).containsExactly(
        path + ":10: gap: no bar from 2022-01-01T00:02:00Z to 2022-01-01T00:04:00Z (2 missing 1m bars)");
    assertThat(file.bars()).extracting(Bar::openTime).containsExactly(
        Instant.parse("2022-01-01T00:00:00Z"), Instant.parse("2022-01-01T00:01:00Z"),
        Instant.parse("2022-01-01T00:04:00Z"), Instant.parse("2022-01-01T00:05:00Z"),
        Instant.parse("2022-01-01T00:06:00Z"));
  }

  @Test
  void refusesAFileWithBadRowsNamingEachWithItsLineUnlessTheyAreSkipped() throws IOException {
    Path path = write("bad.csv", BAD_FILE);

    ReplayFileRefused refused = catchThrowableOfType(ReplayFileRefused.class,
        () -> ReplayFile.load(path, LoadOptions.defaults()));

    assertThat(refused).hasMessage(String.join("\n",
        path + ": 5 bad rows:",
        "  " + path + ":3: column 'close' is not a finite decimal number: 'NaN'",
        "  " + path + ":5: duplicate timestamp 2022-01-01T00:01:00Z (also on line 4)",
        "  " + path + ":6: timestamp 2022-01-01T00:00:30Z is before 2022-01-01T00:01:00Z on line 4; rows must be in "
            + "time order",
        "  " + path + ":8: expected 6 fields as in the header but found 4",
        "  " + path + ":9: high 9 is below low 11"));
    assertThat(refused.badRows()).hasSize(5);
  }

  @Test
  void namesTheFirstTwentyBadRowsAndCountsTheOthers() throws IOException {
    List<String> lines = new ArrayList<>(List.of(HEADER, "2022-01-01T00:00:00Z,10,12,9,11,1"));
    for (int i = 0; i < 25; i++) {
      lines.add("2022-01-01T00:00:30Z,10,12,9,NaN,1");
    }
    lines.add("2022-01-01T00:01:00Z,10,12,9,11,1");
    Path path = write("many.csv", lines);

    ReplayFileRefused refused = catchThrowableOfType(ReplayFileRefused.class,
        () -> ReplayFile.load(path, LoadOptions.defaults()));

    List<String> message = refused.getMessage().lines().toList();
    assertThat(message).hasSize(1 + ReplayFile.SHOWN + 1);
    assertThat(message.get(0)).isEqualTo(path + ": 25 bad rows:");
    assertThat(message.get(ReplayFile.SHOWN)).isEqualTo(
        "  " + path + ":" + (ReplayFile.SHOWN + 2) + ": column 'close' is not a finite decimal number: 'NaN'");
    assertThat(message.get(ReplayFile.SHOWN + 1)).isEqualTo("  ... 5 more");
    assertThat(refused.badRows()).hasSize(25);
  }

  @Test
  void listsAGapButNeverRefusesIt() throws IOException {
    Path path = write("gap.csv", List.of(HEADER, "2022-01-01T00:00:00Z,10,12,9,11,1",
        "2022-01-01T00:01:00Z,10,12,9,11,1", "2022-01-01T00:03:00Z,10,12,9,11,1"));

    ReplayFile file = ReplayFile.load(path, LoadOptions.defaults());

    assertThat(file.bars()).hasSize(3);
    assertThat(file.badRows()).isEmpty();
    assertThat(file.gaps()).containsExactly(
        path + ":4: gap: no bar from 2022-01-01T00:02:00Z to 2022-01-01T00:03:00Z (1 missing 1m bar)");
  }

  @Test
  void refusesAFileWithoutAUsableBarEvenWhenSkipping() throws IOException {
    Path path = write("nothing.csv", List.of(HEADER, "2022-01-01T00:00:00Z,10,12,9,NaN,1",
        "2022-01-01T00:01:00Z,10,9,11,10,1"));

    assertThatThrownBy(() -> ReplayFile.load(path, LoadOptions.defaults().skippingBadRows()))
        .isInstanceOf(ReplayFileRefused.class)
        .hasMessage(path + ": contains no usable bars; 2 rows are bad, the first on line 2: column 'close' is not a "
            + "finite decimal number: 'NaN'");
  }

  @Test
  void refusesAFileWithOnlyAHeader() throws IOException {
    Path path = write("header.csv", List.of(HEADER));

    assertThatThrownBy(() -> ReplayFile.load(path, LoadOptions.defaults().skippingBadRows()))
        .isInstanceOf(ReplayFileRefused.class)
        .hasMessage(path + ": contains no usable bars");
  }

  @Test
  void refusesAFileOfTradesWhenNoBarIntervalIsGiven() throws IOException {
    Path path = write("trades.csv", List.of("1640995200,46000.5,0.1", "1640995201,46001,0.2"));

    assertThatThrownBy(() -> ReplayFile.load(path, LoadOptions.defaults()))
        .isInstanceOf(ReplayFileRefused.class)
        .hasMessageStartingWith(path + ": trades.csv holds trades; aggregating them needs a bar interval");
  }

  @Test
  void refusesAMissingFileNamingItsPath() {
    Path path = dir.resolve("nope.csv");

    assertThatThrownBy(() -> ReplayFile.load(path, LoadOptions.defaults()))
        .isInstanceOf(ReplayFileRefused.class)
        .hasMessage("cannot read " + path + ": no such file");
  }

  @Test
  void anExplainedRefusalAddsTheAdviceOnlyWhenRowsWereRefused() throws IOException {
    Path bad = write("bad.csv", BAD_FILE);
    ReplayFileRefused rows = catchThrowableOfType(ReplayFileRefused.class,
        () -> ReplayFile.load(bad, LoadOptions.defaults()));
    ReplayFileRefused missing = catchThrowableOfType(ReplayFileRefused.class,
        () -> ReplayFile.load(dir.resolve("nope.csv"), LoadOptions.defaults()));

    assertThat(rows.explained("replay: ", "use --skip-bad-rows").getMessage())
        .startsWith("replay: " + bad + ": 5 bad rows:\n").endsWith("\nuse --skip-bad-rows");
    assertThat(missing.explained("replay: ", "use --skip-bad-rows").getMessage())
        .isEqualTo("replay: cannot read " + dir.resolve("nope.csv") + ": no such file");
  }

  private Path write(String name, List<String> lines) throws IOException {
    return Files.write(dir.resolve(name), lines);
  }
}
