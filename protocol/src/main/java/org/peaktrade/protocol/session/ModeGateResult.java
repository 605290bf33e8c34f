package org.peaktrade.protocol.session;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.peaktrade.protocol.CborSerializable;

/** Whether a session may start in {@code mode}: it may when no gate is missing; every missing gate is listed. */
public record ModeGateResult(SessionMode mode, List<MissingGate> missing) implements CborSerializable {

  public ModeGateResult {
    Objects.requireNonNull(mode, "mode");
    missing = List.copyOf(missing);
  }

  public boolean allowed() {
    return missing.isEmpty();
  }

  public List<ModeGate> missingGates() {
    return missing.stream().map(MissingGate::gate).toList();
  }

  /** {@code "LIVE allowed"} or {@code "LIVE refused: DRY_RUN_OFF (dry-run is on); ..."}, for logs and replies. */
  public String message() {
    if (allowed()) {
      return mode + " allowed";
    }
    return mode + " refused: " + missing.stream().map(m -> m.gate() + " (" + m.detail() + ")")
        .collect(Collectors.joining("; "));
  }
}
