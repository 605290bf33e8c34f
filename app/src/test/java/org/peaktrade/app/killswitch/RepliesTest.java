package org.peaktrade.app.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RepliesTest {
  private static final String KILLED = "{\"scope\":\"global\",\"state\":\"KILLED\",\"since\":\"2026-12-06T10:00:00Z\","
      + "\"reason\":\"drill\",\"triggerKind\":\"MANUAL\",\"triggeredBy\":\"alice\",\"recoveryRequestedBy\":null,"
      + "\"cooldownEndsAt\":null,\"cooldownRemainingSeconds\":null,\"revision\":3";

  @Test
  void aStatusReadFromTheJournalSaysSoBelowTheKill() throws Exception {
    String printed = print(KILLED + ",\"readFromJournal\":true}");

    assertThat(printed).isEqualTo("""
        global: KILLED since 2026-12-06T10:00:00Z (revision 3)
          killed by alice (MANUAL): drill
          (read from the switch's journal: the switch did not answer in time, e.g. it is moving off a crashed member)
        """);
  }

  @Test
  void aStatusTheSwitchAnsweredHasNoJournalLine() throws Exception {
    assertThat(print(KILLED + "}")).doesNotContain("journal");
  }

  private static String print(String json) throws Exception {
    JsonNode status = new ObjectMapper().readTree(json);
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      Replies.status(out, status);
    }
    return text.toString().replace(System.lineSeparator(), "\n");
  }
}
