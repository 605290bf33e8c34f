package org.peaktrade.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The API's JSON: ISO-8601 instants and exact decimals in plain notation (money, prices and quantities are JSON
 * numbers such as {@code 10000.5}, never {@code 1.00005E+4}) out, map entries sorted by key; strict bodies in
 * (unknown or duplicate fields, wrong types, trailing tokens all refused; fractions read as exact decimals). The
 * details of {@link #read} name the field and what was expected, never the value sent, so a mistyped approval code is
 * not echoed back; bodies without secrets (a session start) read raw JSON fields and name bad values themselves.
 */
public final class ApiJson {

  /** The mapper the API writes with; also useful to clients that read its answers. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .withCoercionConfig(LogicalType.Textual, config -> config
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .build();

  private ApiJson() {}

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a request body that must be one JSON object of the given shape; throws with a 400 detail otherwise. */
  static <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new BadRequestException("the request body is empty; expected a JSON object");
    }
    T value;
    try {
      value = MAPPER.readValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      throw new BadRequestException("unknown field '" + e.getPropertyName() + "'; allowed fields: "
          + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
    } catch (MismatchedInputException e) {
      throw new BadRequestException(mismatch(e));
    } catch (JsonParseException e) {
      throw new BadRequestException("malformed JSON" + where(e.getLocation()));
    } catch (JsonMappingException e) {
      throw new BadRequestException("the request body does not fit the expected JSON object" + where(e.getLocation()));
    } catch (IOException e) {
      throw new BadRequestException("the request body could not be read as JSON");
    }
    if (value == null) {
      throw new BadRequestException("the request body is null; expected a JSON object");
    }
    return value;
  }

  /** Checks a required field of a parsed body. */
  static <T> T required(String field, T value) {
    if (value == null) {
      throw new BadRequestException("missing field '" + field + "'");
    }
    return value;
  }

  private static String mismatch(MismatchedInputException e) {
    String field = e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
    if (field.isEmpty() && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
      return "unexpected content after the JSON object" + where(e.getLocation());
    }
    if (field.isEmpty()) {
      return "expected a JSON object" + where(e.getLocation());
    }
    return "field '" + field + "' must be " + expected(e.getTargetType());
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == String.class || type == char[].class) {
      return "a string";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object whose values are strings";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    return "a JSON object";
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
