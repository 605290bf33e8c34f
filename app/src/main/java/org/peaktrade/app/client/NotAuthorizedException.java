package org.peaktrade.app.client;

/** No API token was found, or the node refused it (401) or its roles (403); the message says which and why. */
public final class NotAuthorizedException extends RuntimeException {
  public NotAuthorizedException(String message) {
    super(message);
  }
}
