package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.session.SessionRunLog.Settled;
import org.peaktrade.engine.session.RunLogEntry;
import org.peaktrade.engine.session.RunLogJson;
import org.peaktrade.protocol.session.SessionStatus;

/**
 * The run log's pending batch: recorded before the journal write, settled after a recovery against what the journal
 * holds, so a stop between the write and the append loses no line and a batch the journal lacks adds none.
 */
class SessionRunLogTest {
  private static final Instant AT = Instant.parse("2026-12-07T04:00:00Z");
  private static final RunLogEntry EARLIER = status("earlier", SessionStatus.RUNNING, SessionStatus.PAUSED);
  private static final RunLogEntry FIRST = status("first", SessionStatus.PAUSED, SessionStatus.RUNNING);
  private static final RunLogEntry SECOND = status("second", SessionStatus.RUNNING, SessionStatus.PAUSED);
  private static final RunLogEntry RECOVERED = status("recovered", SessionStatus.RUNNING, SessionStatus.STOPPED);
  private static final Function<SessionStatus, Optional<RunLogEntry>> NO_STATUS_LINE = before -> Optional.empty();

  @TempDir
  Path dataDir;

  private SessionRunLog runLog;
  private Path file;

  @BeforeEach
  void openRunLog() {
    SessionSettings settings = SessionSettings.fromConfig(ConfigFactory.load().withValue("peaktrade.data-dir",
        ConfigValueFactory.fromAnyRef(dataDir.toString())));
    runLog = SessionRunLog.of("s1", settings);
    file = settings.runLogFile("s1");
    runLog.append(SessionRunLog.lines(List.of(EARLIER)));
  }

  @Test
  void appendsTheLinesOfABatchTheJournalHoldsWhenTheStopCameBeforeTheAppend() throws IOException {
    runLog.pending(12, SessionStatus.RUNNING, SessionRunLog.lines(List.of(FIRST, SECOND)));

    Settled settled = runLog.settle(12, before -> Optional.of(RECOVERED));

    assertThat(settled).isEqualTo(Settled.WRITTEN_NOW);
    assertThat(lines()).containsExactly(EARLIER, FIRST, SECOND, RECOVERED);
    assertThat(file.resolveSibling("run-log.pending")).doesNotExist();
  }

  @Test
  void leavesTheLogAsItIsWhenTheBatchWasAppendedBeforeTheStop() throws IOException {
    runLog.pending(12, SessionStatus.RUNNING, SessionRunLog.lines(List.of(FIRST, SECOND)));
    runLog.append(SessionRunLog.lines(List.of(FIRST, SECOND)));

    assertThat(runLog.settle(40, before -> Optional.of(RECOVERED))).isEqualTo(Settled.ALREADY_WRITTEN);
    assertThat(lines()).containsExactly(EARLIER, FIRST, SECOND);
  }

  @Test
  void dropsTheLinesOfABatchTheJournalDoesNotHold() throws IOException {
    runLog.pending(12, SessionStatus.RUNNING, SessionRunLog.lines(List.of(FIRST, SECOND)));

    assertThat(runLog.settle(11, before -> Optional.of(RECOVERED))).isEqualTo(Settled.DROPPED);
    assertThat(lines()).containsExactly(EARLIER);
    assertThat(file.resolveSibling("run-log.pending")).doesNotExist();
  }

  @Test
  void rewritesABatchWhoseAppendWasCutShort() throws IOException {
    runLog.pending(12, SessionStatus.RUNNING, SessionRunLog.lines(List.of(FIRST, SECOND)));
    Files.writeString(file, RunLogJson.line(FIRST) + "\n{\"type\":\"sta", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);

    assertThat(runLog.settle(12, NO_STATUS_LINE)).isEqualTo(Settled.WRITTEN_NOW);
    assertThat(lines()).containsExactly(EARLIER, FIRST, SECOND);
  }

  @Test
  void ignoresAPendingFileCutShortBeforeTheJournalWrite() throws IOException {
    Files.writeString(file.resolveSibling("run-log.pending"), "peak-trade run-log pending batch v1\n12 9",
        StandardCharsets.UTF_8);

    assertThat(runLog.settle(12, before -> Optional.of(RECOVERED))).isEqualTo(Settled.UNREADABLE);
    assertThat(lines()).containsExactly(EARLIER);
    assertThat(file.resolveSibling("run-log.pending")).doesNotExist();
  }

  @Test
  void writesOnlyTheStatusLineOfABatchWithoutEntries() throws IOException {
    runLog.pending(3, null, SessionRunLog.lines(List.of()));

    assertThat(runLog.settle(3, before -> before == null ? Optional.of(FIRST) : Optional.empty()))
        .isEqualTo(Settled.WRITTEN_NOW);
    assertThat(lines()).containsExactly(EARLIER, FIRST);
  }

  @Test
  void findsNothingMissingForABatchWithoutEntriesThatKeptTheStatus() throws IOException {
    runLog.pending(3, SessionStatus.RUNNING, SessionRunLog.lines(List.of()));

    assertThat(runLog.settle(3, NO_STATUS_LINE)).isEqualTo(Settled.ALREADY_WRITTEN);
    assertThat(lines()).containsExactly(EARLIER);
  }

  @Test
  void settlesNothingWithoutAPendingBatch() throws IOException {
    assertThat(runLog.settle(5, before -> Optional.of(RECOVERED))).isEqualTo(Settled.NOTHING);
    assertThat(lines()).containsExactly(EARLIER);
  }

  private List<RunLogEntry> lines() throws IOException {
    return Files.readAllLines(file).stream().map(RunLogJson::parse).toList();
  }

  private static RunLogEntry status(String reason, SessionStatus from, SessionStatus to) {
    return new RunLogEntry.StatusEntry("s1", AT, from, to, reason);
  }
}
