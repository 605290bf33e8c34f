package org.peaktrade.app.auth;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.peaktrade.app.ExitCodes;
import org.peaktrade.http.auth.ApiTokens;
import org.peaktrade.http.auth.Role;
import org.peaktrade.http.auth.TokenHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Makes an API token for a person: the token to hand over, and the config entry with only its hash. */
@Command(name = "new-token", mixinStandardHelpOptions = true,
    description = {"Make a random API token (32 bytes, base64url) for NAME with the given roles, and print it with "
        + "the entry for the node's config (peaktrade.auth.tokens), which holds only the token's SHA-256 hash.",
        "Roles: viewer (read), operator (kill, start and stop sessions), approver (request and complete "
            + "recoveries), admin (all)."},
    footer = {"%nExample:%n  peak-trade new-token --name alice --role operator"})
public final class NewTokenCommand implements Callable<Integer> {

  @Option(names = "--name", required = true, paramLabel = "NAME",
      description = "Who holds the token; the audit trail names them (1-64 of A-Z a-z 0-9 . _ @ -).")
  String name;

  @Option(names = "--role", required = true, paramLabel = "ROLE",
      description = "viewer, operator, approver or admin; repeatable.")
  List<String> roles;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (!ApiTokens.NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("--name must be 1-64 of A-Z a-z 0-9 . _ @ -, not '" + name + "'");
    }
    String roleList = roles.stream().map(Role::parse).distinct().map(Role::configName)
        .collect(Collectors.joining(", "));
    String token = TokenHash.newToken(new SecureRandom());
    PrintWriter out = spec.commandLine().getOut();
    out.println("Token for " + name + " (shown once; hand it over privately, e.g. as PEAKTRADE_TOKEN):");
    out.println("  " + token);
    out.println("Entry for the node's config, in " + ApiTokens.PATH + " = [ ... ]:");
    out.println("  { name = \"" + name + "\", roles = [" + roleList + "], token-hash = \"" + TokenHash.encode(token)
        + "\" }");
    out.flush();
    return ExitCodes.OK;
  }
}
