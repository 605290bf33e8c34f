package org.peaktrade.app.killswitch;

/** The node did not answer (not running, wrong URL, or its kill switch unavailable); the message says which. */
public final class NodeUnreachableException extends RuntimeException {
  public NodeUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
