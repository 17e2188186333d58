import InquestCore

extension Array where Element == Event {
    /// Gives every event that names no service this one (`inquest ingest --service`); nil
    /// changes nothing.
    public mutating func fillMissingService(with service: String?) {
        guard let service else { return }
        for index in indices where self[index].service == nil {
            self[index].service = service
        }
    }
}
