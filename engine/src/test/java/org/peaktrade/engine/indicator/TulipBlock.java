package org.peaktrade.engine.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * One Tulip Indicators test vector from {@code oracles/tulip/*.json}: named inputs ({@code "0:high"} is looked
 * up as {@code high}) and expected outputs that line up with the end of the inputs.
 */
record TulipBlock(JsonNode node) {

  static final String ATOZ = "tulip_atoz.json";
  static final String UNTEST = "tulip_untest.json";
  static final String EXTRA = "tulip_extra.json";

  /** The first block for {@code indicator} in {@code file}. */
  static TulipBlock load(String file, String indicator) {
    String resource = "/oracles/tulip/" + file;
    try (InputStream in = TulipBlock.class.getResourceAsStream(resource)) {
      JsonNode blocks = new ObjectMapper().readTree(in);
      return StreamSupport.stream(blocks.spliterator(), false)
          .filter(block -> block.get("indicator").asText().equals(indicator))
          .findFirst()
          .map(TulipBlock::new)
          .orElseThrow(() -> new IllegalArgumentException("no " + indicator + " block in " + resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int option(String name) {
    return node.get("options").get(name).asInt();
  }

  double[] input(String name) {
    for (Map.Entry<String, JsonNode> input : node.get("inputs").properties()) {
      if (input.getKey().endsWith(":" + name)) {
        return toArray(input.getValue());
      }
    }
    throw new IllegalArgumentException("no input " + name + " in " + node.get("inputs"));
  }

  /** The first input, whatever its name (single-series indicators name it {@code real}). */
  double[] real() {
    return input("real");
  }

  double[] output(String name) {
    return toArray(node.get("expected_outputs").get(name));
  }

  private static double[] toArray(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
  }
}
