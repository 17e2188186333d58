/// The workload a Kubernetes pod name belongs to, found from the name's shape alone.
///
/// A Deployment's pods are named `<deployment>-<replicaset hash>-<suffix>`
/// (`ts-travel-service-64469b5b48-25zj6`), a DaemonSet's or bare ReplicaSet's
/// `<name>-<suffix>`, a StatefulSet's `<name>-<ordinal>`. Kubernetes draws the hash and suffix
/// from a fixed alphabet without vowels and without `0`, `1` and `3`
/// (`bcdfghjklmnpqrstvwxz2456789`): the suffix is 5 of those, the hash 6–10. Those tails are
/// removed; a name whose tail does not have that shape is returned unchanged.
public enum KubernetesPodName {
    /// The deployment (or other workload) name of `pod`; `pod` itself when no tail matches.
    public static func workload(of pod: String) -> String {
        var parts = pod.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return pod }
        if let last = parts.last, last.count == 5, isGenerated(last) {
            parts.removeLast()
            if parts.count >= 2, let hash = parts.last, (6...10).contains(hash.count), isGenerated(hash) {
                parts.removeLast()
            }
        } else if let last = parts.last, !last.isEmpty, last.count <= 5, last.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            parts.removeLast()
        } else {
            return pod
        }
        let name = parts.joined(separator: "-")
        return name.isEmpty ? pod : name
    }

    /// The workload of `name` only when it ends in the random tail Kubernetes gives a
    /// Deployment's or ReplicaSet's pods (`-<5 generated characters>`, optionally after the
    /// ReplicaSet hash); nil otherwise. Stricter than ``workload(of:)``: a StatefulSet ordinal is
    /// not enough, so text that merely ends in a number (`latency-2023`) is not taken for a pod.
    public static func generatedWorkload(of name: String) -> String? {
        guard let last = name.split(separator: "-", omittingEmptySubsequences: false).last,
              last.count == 5, isGenerated(last) else { return nil }
        let workload = workload(of: name)
        return workload == name ? nil : workload
    }

    /// Whether every character is from Kubernetes' generated-name alphabet.
    private static func isGenerated(_ text: Substring) -> Bool {
        text.utf8.allSatisfy { alphabet.contains($0) }
    }

    private static let alphabet = Set("bcdfghjklmnpqrstvwxz2456789".utf8)
}
