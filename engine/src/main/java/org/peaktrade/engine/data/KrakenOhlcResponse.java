package org.peaktrade.engine.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structure of a Kraken {@code /0/public/OHLC} response, read with the streaming parser so that each
 * row keeps its line number and each number keeps its text exactly as written.
 */
record KrakenOhlcResponse(List<String> errors, Map<String, List<Row>> pairs) {
  private static final JsonFactory JSON = new JsonFactory();

  /** One row's scalar values as text; a nested array or object is kept as null and rejected later. */
  record Row(long line, List<String> fields) {}

  static KrakenOhlcResponse parse(Path file, String name) throws IOException {
    try (JsonParser parser = JSON.createParser(file.toFile())) {
      return parse(parser, name);
    }
  }

  /** Parses a response body held in memory, e.g. one just fetched over HTTP. */
  static KrakenOhlcResponse parse(String body, String name) {
    try (JsonParser parser = JSON.createParser(body)) {
      return parse(parser, name);
    } catch (IOException e) {
      throw new MarketDataFormatException(name, 0, "could not be read: " + e.getMessage());
    }
  }

  private static KrakenOhlcResponse parse(JsonParser parser, String name) throws IOException {
    try {
      expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "a JSON object", name);
      List<String> errors = new ArrayList<>();
      Map<String, List<Row>> pairs = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("error")) {
          expect(parser, value, JsonToken.START_ARRAY, "'error' to be an array", name);
          errors.addAll(scalars(parser));
        } else if (field.equals("result")) {
          expect(parser, value, JsonToken.START_OBJECT, "'result' to be an object", name);
          readResult(parser, pairs);
        } else {
          parser.skipChildren();
        }
      }
      return new KrakenOhlcResponse(errors, pairs);
    } catch (JsonProcessingException e) {
      throw new MarketDataFormatException(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** {@code result} holds one array of rows per pair plus {@code last}, the cursor for the next request. */
  private static void readResult(JsonParser parser, Map<String, List<Row>> pairs) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      if (parser.nextToken() == JsonToken.START_ARRAY) {
        pairs.put(key, rows(parser));
      } else {
        parser.skipChildren();
      }
    }
  }

  private static List<Row> rows(JsonParser parser) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      long line = parser.currentTokenLocation().getLineNr();
      if (token == JsonToken.START_ARRAY) {
        rows.add(new Row(line, scalars(parser)));
      } else {
        parser.skipChildren();
        rows.add(new Row(line, List.of()));
      }
    }
    return rows;
  }

  private static List<String> scalars(JsonParser parser) throws IOException {
    List<String> values = new ArrayList<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token.isScalarValue()) {
        values.add(parser.getText());
      } else {
        parser.skipChildren();
        values.add(null);
      }
    }
    return values;
  }

  private static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String what, String name) {
    if (actual != expected) {
      throw new MarketDataFormatException(name, parser.currentTokenLocation().getLineNr(),
          "expected " + what + " as in a Kraken OHLC response");
    }
  }
}
