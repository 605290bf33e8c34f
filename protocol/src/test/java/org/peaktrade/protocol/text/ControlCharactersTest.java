package org.peaktrade.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ControlCharactersTest {

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0x061C, 0x200E, 0x200F, 0x202A,
      0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069})
  void refusesEveryControlAndBidiCharacterNamingFieldCodePointAndIndex(int codePoint) {
    String value = "halt " + new String(Character.toChars(codePoint)) + " now";

    assertThat(ControlCharacters.problem("reason", value))
        .contains(String.format("reason: contains control character U+%04X at index 5", codePoint));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "drawdown -15 % on BTC/EUR", "Grüße, José — ñ", "止损 触发", "متوقف", "emoji 🚨 ok",
      "quotes \" and \\ and ' and <script>", "\u00A0no-break space", "\u200Bzero width space"})
  void acceptsPrintableTextInAnyScript(String value) {
    assertThat(ControlCharacters.problem("reason", value)).isEmpty();
  }

  @Test
  void acceptsAbsentText() {
    assertThat(ControlCharacters.problem("reason", (String) null)).isEmpty();
    assertThat(ControlCharacters.problem("metadata", (Map<String, String>) null)).isEmpty();
  }

  @Test
  void countsTheIndexInUtf16CharsAfterASupplementaryCharacter() {
    assertThat(ControlCharacters.problem("reason", "🚨\u0000")).contains("reason: contains control character U+0000 at index 2");
  }

  @Test
  void namesTheMetadataKeyOrTheKeyOfTheRefusedValue() {
    Map<String, String> badValue = new LinkedHashMap<>();
    badValue.put("desk", "fx");
    badValue.put("ticket", "T-1\u202Egnp.exe");

    assertThat(ControlCharacters.problem("metadata", badValue))
        .contains("metadata[ticket]: contains control character U+202E at index 3");
    assertThat(ControlCharacters.problem("metadata", Map.of("a\u0007b", "x")))
        .contains("metadata key: contains control character U+0007 at index 1");
  }

  @Test
  void requireThrowsTheProblemAndReturnsCleanText() {
    assertThat(ControlCharacters.require("identity", "alice")).isEqualTo("alice");
    assertThatThrownBy(() -> ControlCharacters.require("identity", "al\u0000ice"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("identity: contains control character U+0000 at index 2");
  }

  @Test
  void escapeMakesRefusedCharactersVisibleAndLeavesTheRestAlone() {
    assertThat(ControlCharacters.escape("a\u0000b\u202Ec\nd 🚨 é")).isEqualTo("a\\u0000b\\u202Ec\\u000Ad 🚨 é");
    assertThat(ControlCharacters.escape(null)).isNull();
    assertThat(ControlCharacters.escape("plain")).isEqualTo("plain");
  }
}
