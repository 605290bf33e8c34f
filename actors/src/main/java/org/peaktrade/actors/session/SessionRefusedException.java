package org.peaktrade.actors.session;

/** A session could not be started; the message names the field, value or gate and what would be accepted. */
public final class SessionRefusedException extends RuntimeException {
  public SessionRefusedException(String message) {
    super(message);
  }
}
