package org.peaktrade.app.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.peaktrade.app.k8s.Manifests.Manifest;

/**
 * The NetworkPolicies that select the node pods: they name only ports the nodes have, and they let the nodes reach
 * each other's management port (Cluster Bootstrap's {@code /bootstrap/seed-nodes}) and remoting port. A policy that
 * also restricts egress must let the nodes out to those ports and to the Kubernetes API server (443, and 6443 where
 * the policy sees the API server's own port). The kubelet's probes need no rule: traffic from the pod's own node is
 * always allowed.
 */
final class NetworkPolicyCheck {

  static final List<Integer> API_SERVER_PORTS = List.of(443, 6443);

  private final ManifestCheck check;
  private final Manifests manifests;

  NetworkPolicyCheck(ManifestCheck check, Manifests manifests) {
    this.check = check;
    this.manifests = manifests;
  }

  /** {@code peerPorts}: what the nodes must reach on each other, by what it is for. */
  void check(Map<String, String> podLabels, Map<String, Integer> ports, Map<String, Integer> peerPorts) {
    for (Manifest policy : manifests.ofKind("NetworkPolicy")) {
      JsonNode spec = policy.body().path("spec");
      Map<String, String> selected = Trees.strings(spec.path("podSelector").path("matchLabels"));
      if (!podLabels.entrySet().containsAll(selected.entrySet())) {
        continue;
      }
      List<String> types = spec.has("policyTypes") ? Trees.texts(spec.path("policyTypes"))
          : spec.has("egress") ? List.of("Ingress", "Egress") : List.of("Ingress");
      if (types.contains("Ingress")) {
        Set<Integer> open = reachable(policy, spec.path("ingress"), "from", podLabels, ports);
        requirePeerPorts(policy, "ingress", open, peerPorts);
      }
      if (types.contains("Egress")) {
        Set<Integer> open = reachable(policy, spec.path("egress"), "to", podLabels, ports);
        requirePeerPorts(policy, "egress", open, peerPorts);
        Set<Integer> anywhere = anywhere(spec.path("egress"));
        if (!anywhere.containsAll(API_SERVER_PORTS)) {
          check.problem(policy.where(), "restricts egress but lets the nodes reach the Kubernetes API server only "
              + "on " + new TreeSet<>(anywhere) + ", not on " + API_SERVER_PORTS + ": Kubernetes API discovery "
              + "cannot list the pods");
        }
      }
    }
  }

  private void requirePeerPorts(Manifest policy, String direction, Set<Integer> open,
      Map<String, Integer> peerPorts) {
    peerPorts.forEach((name, port) -> {
      if (!open.contains(port)) {
        check.problem(policy.where(), direction + ": the nodes cannot reach each other's " + name + " port " + port
            + ", only " + new TreeSet<>(open));
      }
    });
  }

  /**
   * Ports of the node pods that the rules open between node pods. A named port of an ingress rule must be a node
   * port; one of an egress rule may be another destination's.
   */
  private Set<Integer> reachable(Manifest policy, JsonNode rules, String peersField, Map<String, String> podLabels,
      Map<String, Integer> ports) {
    Set<Integer> open = new HashSet<>();
    for (JsonNode rule : rules) {
      boolean peers = !rule.has(peersField);
      for (JsonNode peer : rule.path(peersField)) {
        Map<String, String> labels = Trees.strings(peer.path("podSelector").path("matchLabels"));
        peers |= peer.has("podSelector") && !peer.has("namespaceSelector")
            && podLabels.entrySet().containsAll(labels.entrySet());
      }
      Set<Integer> rulePorts = new HashSet<>();
      for (JsonNode port : rule.path("ports")) {
        JsonNode value = port.path("port");
        Integer number = value.isInt() ? Integer.valueOf(value.asInt()) : ports.get(value.asText());
        if (number == null) {
          if (peersField.equals("from")) {
            check.problem(policy.where(), "allows port " + value.asText() + ", which is no container port of the "
                + "nodes " + ports);
          }
        } else {
          rulePorts.add(number);
        }
      }
      if (peers) {
        open.addAll(rule.has("ports") ? rulePorts : new HashSet<>(ports.values()));
      }
    }
    return open;
  }

  /** Ports that egress rules open to any destination or to IP blocks (where the API server is), by number. */
  private static Set<Integer> anywhere(JsonNode egress) {
    Set<Integer> open = new HashSet<>();
    for (JsonNode rule : egress) {
      boolean outside = !rule.has("to");
      for (JsonNode peer : rule.path("to")) {
        outside |= peer.has("ipBlock");
      }
      if (!outside) {
        continue;
      }
      if (!rule.has("ports")) {
        open.addAll(API_SERVER_PORTS);
      }
      for (JsonNode port : rule.path("ports")) {
        if (port.path("port").isInt()) {
          open.add(port.path("port").asInt());
        }
      }
    }
    return open;
  }
}
