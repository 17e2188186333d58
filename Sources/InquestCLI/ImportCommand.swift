import ArgumentParser
import Foundation
import InquestExchange
import InquestText

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge a bundle (inquest bundle) or a JSON export (inquest export --format json) into the store.",
        discussion: """
            One transaction: a damaged, truncated or foreign file is refused and changes nothing. Events are \
            matched by their dedupe key, the investigation and its notes by where they came from, so importing \
            the same file twice changes nothing; the imported investigation records its origin.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("The bundle or JSON export to read.", valueName: "file"))
    var file: String

    func run() throws {
        let database = try store.open()
        do {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw ExchangeError.io(path: file, reason: error.localizedDescription)
            }
            let summary = try ExchangeFile.importFile(data, path: file, into: database)
            print("imported \(TextSanitizer.singleLine(file)) into \(TextSanitizer.singleLine(store.resolvedPath))")
            for line in summary.lines { print("  " + TextSanitizer.singleLine(line)) }
            if summary.changedNothing { print("  (already imported: nothing changed)") }
        } catch let error as ExchangeError {
            throw CLIFailure(TextSanitizer.singleLine("\(error)"))
        }
    }
}
