import Foundation

/// This process's memory from `/proc/self/status`, in MiB: the peak resident set (VmHWM)
/// and the current resident set split into anonymous memory and mapped files (the store's
/// `mmap_size` window counts as mapped file pages).
struct ProcessMemory: Codable {
    var peakMiB: Double
    var residentAnonymousMiB: Double
    var residentFileMiB: Double
    /// Filled in by the caller from earlier readings.
    var peakAfterFirstFrameMiB: Double = 0
    var peakAfterNavigationMiB: Double = 0

    static func read() -> ProcessMemory {
        var fields: [String: Double] = [:]
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            for line in status.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let kilobytes = Double(line[line.index(after: colon)...].filter(\.isNumber)) ?? 0
                fields[String(line[..<colon])] = kilobytes / 1024
            }
        }
        return ProcessMemory(
            peakMiB: fields["VmHWM"] ?? 0,
            residentAnonymousMiB: fields["RssAnon"] ?? 0,
            residentFileMiB: fields["RssFile"] ?? 0
        )
    }
}
