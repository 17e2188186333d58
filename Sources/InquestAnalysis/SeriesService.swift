import InquestParsers

/// The service a metric series belongs to, from its labels: a label named like a service
/// column (`service`, `service.name`, `ServiceName`, `app`, …) gives it as written; a label
/// named like a pod column (`pod`, `PodName`, `k8s.pod.name`, …) gives the pod's workload
/// (`ts-travel-service-64469b5b48-25zj6` → `ts-travel-service`). The same column names and the
/// same pod → deployment rule as tables (`ColumnRole`, `KubernetesPodName`). This is the one
/// place the suspects analysis ties a series to a service; when series carry a service of
/// their own at ingest, this becomes a read of it.
public enum SeriesService {
    /// The series' service, or nil when no label names one.
    public static func service(of labels: [String: String]) -> String? {
        var fromPod: String?
        for key in labels.keys.sorted() {
            guard let value = labels[key], !value.isEmpty else { continue }
            switch ColumnRole.guess(key) {
            case .service: return value
            case .pod: fromPod = fromPod ?? KubernetesPodName.workload(of: value)
            default: continue
            }
        }
        return fromPod
    }
}
