package org.peaktrade.app.node;

/** The node's configuration is invalid; the message names the key and how to fix it. Exit code 2. */
public final class NodeConfigException extends RuntimeException {
  public NodeConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
