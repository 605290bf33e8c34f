package org.peaktrade.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Our own id of an order, deterministic: the owner (session or backtest) and its order sequence number,
 * so a replay produces the same ids and a duplicate submission is recognisable.
 */
public record ClientOrderId(@JsonValue String value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public ClientOrderId {
    Objects.requireNonNull(value, "client order id");
    if (value.isBlank() || value.length() > 64) {
      throw new IllegalArgumentException("client order id must have 1 to 64 characters: '" + value + "'");
    }
  }

  public static ClientOrderId of(String owner, long sequence) {
    return new ClientOrderId(owner + "-" + sequence);
  }

  @Override
  public String toString() {
    return value;
  }
}
