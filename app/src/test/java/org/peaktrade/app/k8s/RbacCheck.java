package org.peaktrade.app.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.peaktrade.app.k8s.Manifests.Manifest;

/**
 * Whether the node pods may list the pods Kubernetes API discovery asks for: the Deployment's ServiceAccount exists,
 * its token is mounted, and a RoleBinding in the namespace the discovery lists (or a ClusterRoleBinding) binds it to
 * a Role or ClusterRole of k8s/ with a rule granting {@code list} on {@code pods} of the core API group. Without it
 * every pod gets 403 from the API and never joins.
 */
final class RbacCheck {

  private static final String DEFAULT_ACCOUNT = "default";

  private final ManifestCheck check;
  private final Manifests manifests;
  private final Manifest deployment;

  RbacCheck(ManifestCheck check, Manifests manifests, Manifest deployment) {
    this.check = check;
    this.manifests = manifests;
    this.deployment = deployment;
  }

  void check(String queriedNamespace) {
    JsonNode podSpec = NodePod.podTemplate(deployment).path("spec");
    String namespace = deployment.body().path("metadata").path("namespace").asText();
    String account = podSpec.path("serviceAccountName").asText(DEFAULT_ACCOUNT);
    Optional<Manifest> serviceAccount = manifests.ofKind("ServiceAccount").stream()
        .filter(sa -> sa.name().equals(account) && namespaceOf(sa).equals(namespace)).findFirst();
    if (serviceAccount.isEmpty() && !account.equals(DEFAULT_ACCOUNT)) {
      check.problem(deployment.where(), "serviceAccountName " + account + " is no ServiceAccount of k8s/ in namespace "
          + namespace + ": the pods would not be created");
    }
    boolean mounted = podSpec.has("automountServiceAccountToken")
        ? podSpec.path("automountServiceAccountToken").asBoolean()
        : serviceAccount.map(sa -> sa.body().path("automountServiceAccountToken").asBoolean(true)).orElse(true);
    if (!mounted) {
      check.problem(deployment.where(), "the ServiceAccount token is not mounted (automountServiceAccountToken: "
          + "false): Kubernetes API discovery cannot authenticate to list the pods");
    }
    boolean granted = bindingsOf(account, namespace, queriedNamespace).stream()
        .anyMatch(binding -> role(binding).map(RbacCheck::grantsListPods).orElse(false));
    if (!granted) {
      check.problem(deployment.where(), "no Role bound to ServiceAccount " + namespace + "/" + account + " grants "
          + "list on pods (core API group) in namespace " + queriedNamespace + ": Kubernetes API discovery's GET "
          + "/api/v1/namespaces/" + queriedNamespace + "/pods would be forbidden (403)");
    }
  }

  /** RoleBindings in the queried namespace and ClusterRoleBindings that name the ServiceAccount as a subject. */
  private List<Manifest> bindingsOf(String account, String accountNamespace, String queriedNamespace) {
    return manifests.all().stream()
        .filter(m -> m.kind().equals("ClusterRoleBinding")
            || (m.kind().equals("RoleBinding") && namespaceOf(m).equals(queriedNamespace)))
        .filter(binding -> {
          for (JsonNode subject : binding.body().path("subjects")) {
            if (subject.path("kind").asText().equals("ServiceAccount") && subject.path("name").asText().equals(account)
                && subject.path("namespace").asText().equals(accountNamespace)) {
              return true;
            }
          }
          return false;
        })
        .toList();
  }

  /** The Role (in the binding's namespace) or ClusterRole of k8s/ that a binding refers to. */
  private Optional<Manifest> role(Manifest binding) {
    JsonNode ref = binding.body().path("roleRef");
    String kind = ref.path("kind").asText();
    return manifests.ofKind(kind).stream()
        .filter(role -> role.name().equals(ref.path("name").asText()))
        .filter(role -> kind.equals("ClusterRole") || namespaceOf(role).equals(namespaceOf(binding)))
        .findFirst();
  }

  private static boolean grantsListPods(Manifest role) {
    for (JsonNode rule : role.body().path("rules")) {
      boolean coreGroup = Trees.texts(rule.path("apiGroups")).stream().anyMatch(g -> g.isEmpty() || g.equals("*"));
      boolean pods = Trees.texts(rule.path("resources")).stream().anyMatch(r -> r.equals("pods") || r.equals("*"));
      boolean list = Trees.texts(rule.path("verbs")).stream().anyMatch(v -> v.equals("list") || v.equals("*"));
      // A rule limited to named pods cannot allow listing them.
      boolean unnamed = rule.path("resourceNames").isEmpty();
      if (coreGroup && pods && list && unnamed) {
        return true;
      }
    }
    return false;
  }

  private static String namespaceOf(Manifest manifest) {
    return manifest.body().path("metadata").path("namespace").asText();
  }
}
