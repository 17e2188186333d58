import InquestCore

/// Ties metric series to the service they measure, so a service's metrics (and the anomaly
/// events found on them) show beside its logs.
///
/// The service is found, in this order:
/// 1. a label the table's column roles call a service (``ColumnRole/guess(_:)``: `service`,
///    `service_name`, `ServiceName`, `app`, `application`, …);
/// 2. a deployment label (`deployment`, `k8s_deployment_name`, `app_kubernetes_io_name`);
/// 3. a pod label (`pod`, `PodName`, `k8s.pod.name`): the pod's workload (``KubernetesPodName``);
/// 4. a container label (`container`, `container_name`), then the Prometheus `job`;
/// 5. the file name, when a part of it (split at `_`, `.` and spaces) has the shape of a
///    Deployment's pod name (`ts-contacts-service-866bd68c97-xcqfx_metric.csv` →
///    `ts-contacts-service`); a file name without that shape says nothing.
///
/// The result is stored as the series' ``labelKey`` label (an existing `service` label is kept).
public enum MetricSeriesService {
    /// The label a series' service is stored under.
    public static let labelKey = MetricSeriesInfo.serviceLabel

    /// Label names (normalised as ``ColumnRole/normalized(_:)``) by rank, after the service role and before pods.
    private static let deploymentNames: Set<String> = ["deployment", "deploymentname", "k8sdeploymentname", "appkubernetesioname"]
    /// Label names ranked after pods.
    private static let containerNames: Set<String> = ["container", "containername", "k8scontainername"]
    private static let jobNames: Set<String> = ["job"]

    /// The service `labels` name, or nil when no label says.
    public static func service(labels: [String: String]) -> String? {
        if let own = labels[labelKey], !own.isEmpty { return own }
        var ranked: [(rank: Int, key: String, value: String)] = []
        for (key, value) in labels where !value.isEmpty {
            let normalized = ColumnRole.normalized(key)
            let rank: Int
            let service: String
            switch ColumnRole.guess(key) {
            case .service?:
                (rank, service) = (0, value)
            case .pod?:
                (rank, service) = (2, KubernetesPodName.workload(of: value))
            default:
                if deploymentNames.contains(normalized) {
                    (rank, service) = (1, value)
                } else if containerNames.contains(normalized) {
                    (rank, service) = (3, value)
                } else if jobNames.contains(normalized) {
                    (rank, service) = (4, value)
                } else {
                    continue
                }
            }
            ranked.append((rank, key, service))
        }
        // Ties (two service-like labels) are broken by label name, so the answer never depends on dictionary order.
        return ranked.min { ($0.rank, $0.key) < ($1.rank, $1.key) }?.value
    }

    /// The service a file name says, or nil: the workload of the first part of the base name
    /// (extension removed, split at `_`, `.` and spaces) shaped like a Deployment's pod name.
    public static func service(fileName: String) -> String? {
        let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let stem = base.lastIndex(of: ".").map { String(base[..<$0]) } ?? base
        for part in stem.split(whereSeparator: { $0 == "_" || $0 == "." || $0 == " " }) {
            if let workload = KubernetesPodName.generatedWorkload(of: String(part)) { return workload }
        }
        return nil
    }

    /// `samples` with a ``labelKey`` label added to each whose labels, `fileName` or `fallback`
    /// (the service the user gave the input, `inquest ingest --service`) name a service, in that
    /// order. Samples that already carry one, or for which none is known, are unchanged.
    public static func tagged(_ samples: [MetricSample], fileName: String?, fallback: String? = nil) -> [MetricSample] {
        let fromFile = fileName.flatMap { service(fileName: $0) } ?? fallback.flatMap { $0.isEmpty ? nil : $0 }
        var known: [[String: String]: String?] = [:]
        return samples.map { sample in
            guard sample.labels[labelKey] == nil else { return sample }
            let found: String?
            if let cached = known[sample.labels] {
                found = cached
            } else {
                found = service(labels: sample.labels) ?? fromFile
                known[sample.labels] = found
            }
            guard let found else { return sample }
            var tagged = sample
            tagged.labels[labelKey] = found
            return tagged
        }
    }
}
