package org.peaktrade.http;

/** A request the API cannot take as sent; its message is the problem's detail and never echoes a secret. */
final class BadRequestException extends RuntimeException {
  private final int status;

  BadRequestException(int status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  BadRequestException(String detail) {
    this(400, detail);
  }

  int status() {
    return status;
  }
}
