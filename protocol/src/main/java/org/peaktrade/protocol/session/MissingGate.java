package org.peaktrade.protocol.session;

import java.util.Objects;
import org.peaktrade.protocol.CborSerializable;

/** A gate that does not hold, with what was found instead in words (never a secret such as the confirm token). */
public record MissingGate(ModeGate gate, String detail) implements CborSerializable {

  public MissingGate {
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(detail, "detail");
  }
}
