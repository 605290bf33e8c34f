package org.peaktrade.engine.data;

/**
 * Thrown by the field parsers when one row is unusable; the reader adds the file and line and lets
 * {@link RowProblems} decide whether that stops the load. Never escapes this package.
 */
final class RowRejected extends RuntimeException {

  RowRejected(String reason) {
    super(reason, null, false, false);
  }
}
