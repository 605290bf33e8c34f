package org.peaktrade.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.Uri;
import org.junit.jupiter.api.Test;
import org.peaktrade.http.auth.Role;
import org.peaktrade.http.auth.RouteTable;
import org.peaktrade.http.auth.RouteTable.Entry;
import org.peaktrade.http.auth.RouteTable.Found;
import org.peaktrade.http.fixtures.OpenApiSpec;
import org.peaktrade.http.fixtures.TestTokens;

/**
 * docs/api/openapi.yaml and the {@link RouteTable} the token gate enforces say the same, both ways: every documented
 * operation is a table entry with the same role (public exactly when the entry is open), every entry is documented,
 * and the documented 401 and 403 are where the gate can answer them. The spec's example request of an operation is
 * looked up as the gate looks up a request, so {@code /dashboard/} and {@code /dashboard/{file}} find the entries
 * {@code /dashboard} and {@code /dashboard/*} that serve them.
 */
class OpenApiRouteTableTest {

  private final OpenApiSpec spec = OpenApiSpec.load();

  @Test
  void every_documented_operation_is_in_the_route_table_with_the_role_the_spec_names() {
    List<String> disagreements = new ArrayList<>();
    for (Endpoint endpoint : spec.endpoints()) {
      Optional<Entry> entry = entryServing(endpoint);
      if (entry.isEmpty()) {
        disagreements.add(endpoint + ": documented, but the route table has no entry for it (the gate answers 404"
            + " or 405)");
        continue;
      }
      String documented = spec.isPublic(endpoint) ? "open"
          : spec.requiredRole(endpoint).map(Role::configName).orElse("no x-required-role");
      String enforced = entry.get().open() ? "open" : entry.get().required().configName();
      if (!documented.equals(enforced)) {
        disagreements.add(endpoint + ": the spec says " + documented + ", the table " + entry.get());
      }
    }

    assertThat(disagreements).isEmpty();
  }

  @Test
  void every_route_table_entry_is_documented() {
    Set<Entry> documented = new LinkedHashSet<>();
    spec.endpoints().forEach(endpoint -> entryServing(endpoint).ifPresent(documented::add));

    assertThat(RouteTable.ENTRIES).as("entries no operation of %s reaches", OpenApiSpec.FILE)
        .containsExactlyInAnyOrderElementsOf(documented);
  }

  @Test
  void secured_operations_document_401_and_a_403_exactly_when_a_token_can_lack_their_role() {
    List<String> wrong = new ArrayList<>();
    for (Endpoint endpoint : spec.endpoints()) {
      boolean documents401 = spec.response(endpoint, 401).isPresent();
      boolean documents403 = spec.response(endpoint, 403).isPresent();
      if (spec.isPublic(endpoint)) {
        if (documents401 || documents403) {
          wrong.add(endpoint + ": public, yet documents 401 or 403");
        }
        continue;
      }
      boolean canLackRole = !TestTokens.lacking(spec.requiredRole(endpoint).orElseThrow()).isEmpty();
      if (!documents401) {
        wrong.add(endpoint + ": needs a token but does not document 401");
      }
      if (documents403 != canLackRole) {
        wrong.add(endpoint + ": documents 403 " + documents403 + ", but a token can lack its role " + canLackRole);
      }
    }

    assertThat(wrong).isEmpty();
  }

  /** The entry the gate finds for the operation's example request, if any. */
  private Optional<Entry> entryServing(Endpoint endpoint) {
    String path = spec.exampleTarget(endpoint).split("\\?")[0];
    List<String> segments = new ArrayList<>();
    Uri.create(path).pathSegments().forEach(segments::add);
    RouteTable.Lookup lookup = RouteTable.lookup(endpoint.method(), segments);
    return lookup instanceof Found found ? Optional.of(found.entry()) : Optional.empty();
  }
}
