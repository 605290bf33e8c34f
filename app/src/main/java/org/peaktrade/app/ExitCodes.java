package org.peaktrade.app;

/** The process exit codes every subcommand uses, so shell scripts can rely on them. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** An unexpected failure (a bug or an environment problem); the message says what. */
  public static final int FAILED = 1;
  /** Invalid command line: unknown option, bad value, unknown strategy, parameter or session. */
  public static final int USAGE = 2;
  /** The input data could not be read or is malformed; the message names file, line and reason. */
  public static final int BAD_INPUT = 3;
  /**
   * The kill switch refused the command (wrong state, cooldown, bad approval code, lock-out, ...), or the node refused
   * to start a session (id in use, a mode gate missing, ...).
   */
  public static final int REFUSED = 4;
  /** The node could not be reached, did not answer in time, or its kill switch or sessions are unavailable. */
  public static final int UNREACHABLE = 5;
  /** No API token was found, the node refused it, or its roles do not allow the command. */
  public static final int NOT_AUTHORIZED = 6;

  private ExitCodes() {}
}
