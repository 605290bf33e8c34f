package org.peaktrade.app.killswitch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.peaktrade.app.Terminal;

/** Who is at the keyboard when no --identity is given: {@code $USER@host}. */
final class Identities {

  private Identities() {}

  static String current(Terminal terminal) {
    String user = terminal.env("USER");
    if (user == null || user.isBlank()) {
      user = System.getProperty("user.name", "unknown");
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return user + "@" + host;
  }
}
