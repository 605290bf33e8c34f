package org.peaktrade.engine.session;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON form of {@link RunLogEntry}: one compact line per entry (no line break inside; the writer adds
 * {@code \n}), ISO-8601 instants, exact decimals as plain JSON numbers (never {@code 1E+3}). Reading is strict:
 * an unknown field fails, so a log written by a newer shape is not silently misread.
 */
public final class RunLogJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private RunLogJson() {}

  public static String line(RunLogEntry entry) {
    try {
      return MAPPER.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The entries as the log's lines, each {@link #line} followed by {@code \n}, in UTF-8: written straight into one
   * buffer, without a string per line.
   */
  public static byte[] lines(List<? extends RunLogEntry> entries) {
    if (entries.isEmpty()) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() * 256);
    try (JsonGenerator generator = MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
      generator.setRootValueSeparator(null);
      for (RunLogEntry entry : entries) {
        MAPPER.writeValue(generator, entry);
        generator.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static RunLogEntry parse(String line) {
    try {
      return MAPPER.readValue(line, RunLogEntry.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
