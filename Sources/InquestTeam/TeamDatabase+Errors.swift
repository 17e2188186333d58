import PostgresNIO

extension TeamDatabase {
    /// Whether `error` means the connection is gone (as opposed to a statement the server refused).
    static func isConnectionFailure(_ error: any Error) -> Bool {
        if let transaction = error as? PostgresTransactionError {
            let inner = transaction.beginError ?? transaction.closureError ?? transaction.commitError
            return inner.map(isConnectionFailure) ?? true
        }
        if let psql = error as? PSQLError {
            guard let info = psql.serverInfo else { return true }
            return isConnectionState(sqlState: info[.sqlState], severity: info[.severity])
        }
        return !(error is TeamError)
    }

    /// Whether a server error is about the connection, not the statement: connection exceptions
    /// (class 08), an administrator's or a crash's shutdown and a server starting (57P01–57P03),
    /// too many connections (53300), and anything FATAL or PANIC (the server closes the session).
    static func isConnectionState(sqlState: String?, severity: String?) -> Bool {
        if let severity, severity == "FATAL" || severity == "PANIC" { return true }
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03", "53300"].contains(sqlState)
    }

    /// The ``TeamError`` for a client error: the server's message when it sent one.
    static func teamError(_ error: any Error, operation: String, url: TeamURL) -> TeamError {
        if let team = error as? TeamError { return team }
        if let transaction = error as? PostgresTransactionError,
           let inner = transaction.beginError ?? transaction.closureError ?? transaction.commitError {
            return teamError(inner, operation: operation, url: url)
        }
        if let psql = error as? PSQLError {
            if let info = psql.serverInfo, !isConnectionState(sqlState: info[.sqlState], severity: info[.severity]) {
                let message = info[.message] ?? "error"
                // undefined_table, undefined_function: the schema is missing, not the statement wrong.
                if ["42P01", "42883"].contains(info[.sqlState] ?? "") { return .notMigrated("\(operation): \(message)") }
                let detail = info[.detail].map { " (\($0))" } ?? ""
                return .server("\(operation): \(message)\(detail)")
            }
            let underlying = psql.serverInfo?[.message] ?? psql.underlying.map { String(describing: $0) } ?? String(describing: psql.code)
            return .unreachable("\(operation): \(url): \(underlying)")
        }
        return .unreachable("\(operation): \(url): \(error)")
    }
}
