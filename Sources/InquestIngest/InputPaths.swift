import Foundation

/// The files `inquest ingest` reads for the paths it is given: a file (or `-`) as it is, a
/// directory as the regular files under it, in name order, descending into subdirectories
/// (at most ``maximumDepth`` deep; hidden files and directories are skipped, and symbolic
/// links to directories are not followed, so a link loop cannot make it run forever).
enum InputPaths {
    static let maximumDepth = 16

    /// `paths` with each directory replaced by the files under it.
    static func expand(_ paths: [String]) throws(IngestError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path)
                continue
            }
            files += try filesUnder(path)
        }
        return files
    }

    private static func filesUnder(_ directory: String) throws(IngestError) -> [String] {
        var found: [String] = []
        var pending: [(path: String, depth: Int)] = [(directory, 0)]
        while let (current, depth) = pending.popLast() {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: current)
            } catch {
                throw .unreadable(path: current, reason: "cannot list the directory: \(error.localizedDescription)")
            }
            for name in names where !name.hasPrefix(".") {
                let path = (current as NSString).appendingPathComponent(name)
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if depth + 1 < maximumDepth { pending.append((path, depth + 1)) }
                case S_IFREG:
                    found.append(path)
                case S_IFLNK:
                    var target = stat()
                    if stat(path, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG { found.append(path) }
                default:
                    continue
                }
            }
        }
        return found.sorted()
    }
}
