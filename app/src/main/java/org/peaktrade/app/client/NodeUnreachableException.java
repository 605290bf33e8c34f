package org.peaktrade.app.client;

/** The node did not answer (not running, wrong URL, or the part asked is unavailable); the message says which. */
public final class NodeUnreachableException extends RuntimeException {
  public NodeUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
