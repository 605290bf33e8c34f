package org.peaktrade.app.killswitch;

import org.peaktrade.app.client.NodeOptions;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.text.ControlCharacters;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every kill-switch client command shares: which node, which switch, and the output format. */
public final class ClientOptions {

  @Mixin
  NodeOptions node;

  @Option(names = "--session", paramLabel = "ID",
      description = "A session's own switch (scope session:ID) instead of the global one.")
  String session;

  /** Throws {@link IllegalArgumentException} (exit code 2) for an invalid session id. */
  KillSwitchScope scope() {
    if (session == null) {
      return KillSwitchScope.GLOBAL;
    }
    try {
      return KillSwitchScope.session(session);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--session must be 1-64 of A-Z a-z 0-9 . _ -, not '" + session + "'", e);
    }
  }

  /**
   * {@code value} of the option {@code option}; throws {@link IllegalArgumentException} (exit code 2, before the node
   * is called) when it holds a control or bidi character, which the node would refuse too.
   */
  static String clean(String option, String value) {
    return ControlCharacters.require(option, value);
  }

  KillSwitchClient client() {
    KillSwitchScope scope = scope();
    return new KillSwitchClient(node.url(), node.token(), scope);
  }
}
