import InquestStore

extension FileIngestor {
    /// Where the last ingest of `input` stopped, when it applies to the file as it is now and to
    /// these options (a forced format or document kind other than the stored one reads the file
    /// again from its start); nil for a stream or a file never read.
    func resumePoint(of input: InputFile, key: String) throws -> FileResumePoint? {
        guard input.fileIdentity != nil, options.documentKind == nil else { return nil }
        guard let stored = try store.checkpoint(key: key).flatMap({ FileResumePoint(encoded: $0.position) }),
              stored.applies(to: input), options.format.map({ $0 == stored.format }) ?? true else { return nil }
        return stored
    }
}
