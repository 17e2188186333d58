import InquestCore
import ArgumentParser
import Foundation
import InquestTeam

/// `--team`, shared by the commands that work on investigations: the team database (PostgreSQL)
/// that holds the investigation layer instead of the local store. Without the option,
/// `$INQUEST_TEAM`, then the first line of `$XDG_CONFIG_HOME/inquest/team` (default
/// `~/.config/inquest/team`); with none of them the commands work on the local store alone.
struct TeamOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The team database: postgres://USER@HOST:PORT/DATABASE (default: $INQUEST_TEAM, else ~/.config/inquest/team).",
            valueName: "url"))
    var team: String?

    /// The team URL's text, or nil when no team database is configured.
    func configuredURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let team, !team.isEmpty { return team }
        if let fromEnvironment = environment["INQUEST_TEAM"], !fromEnvironment.isEmpty { return fromEnvironment }
        guard let path = Self.configFilePath(environment: environment),
              let text = try? String(contentsOfFile: path, encoding: .utf8)
        else { return nil }
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty && !$0.hasPrefix("#") }
        return line
    }

    /// `$XDG_CONFIG_HOME/inquest/team`, else `$HOME/.config/inquest/team`.
    static func configFilePath(environment: [String: String]) -> String? {
        UserConfigPath.file("team", environment: environment)
    }

    /// The parsed team URL, or nil when none is configured.
    func url() throws -> TeamURL? {
        guard let text = configuredURL() else { return nil }
        do {
            return try TeamURL(parsing: text)
        } catch {
            throw CLIFailure(error.message)
        }
    }

    /// The team URL, or a failure saying how to give one.
    func requireURL() throws -> TeamURL {
        guard let url = try url() else {
            throw CLIFailure("no team database: pass --team postgres://USER@HOST/DATABASE or set INQUEST_TEAM")
        }
        return url
    }
}
