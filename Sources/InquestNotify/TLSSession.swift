import COpenSSL
import Foundation

/// A TLS client session (OpenSSL) over a connected socket: TLS 1.2 or later, the server's
/// certificate checked against the system's roots (or a PEM file of trusted certificates) and
/// against the host name or IP address the client connected to.
final class TLSSession {
    private let context: OpaquePointer
    private let session: OpaquePointer
    private let server: String

    /// Shakes hands over `descriptor`, whose read and write timeouts bound the handshake.
    init(descriptor: Int32, host: String, isIPAddress: Bool, caFile: String?, server: String) throws {
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            throw NotifyError.tls(server: server, reason: "cannot create a TLS context: \(Self.lastError())")
        }
        guard let session = SSL_new(context) else {
            SSL_CTX_free(context)
            throw NotifyError.tls(server: server, reason: "cannot create a TLS session: \(Self.lastError())")
        }
        self.context = context
        self.session = session
        self.server = server
        _ = inquest_ssl_ctx_set_min_tls12(context)
        SSL_CTX_set_verify(context, inquest_ssl_verify_peer(), nil)
        let trusted = caFile.map { SSL_CTX_load_verify_locations(context, $0, nil) } ?? SSL_CTX_set_default_verify_paths(context)
        guard trusted == 1 else {
            throw NotifyError.tls(server: server, reason: "cannot load the trusted certificates \(caFile ?? "of the system"): \(Self.lastError())")
        }
        let named = isIPAddress ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(session), host) : SSL_set1_host(session, host)
        guard named == 1 else { throw NotifyError.tls(server: server, reason: "cannot check the certificate against \(host)") }
        if !isIPAddress { _ = inquest_ssl_set_server_name(session, host) }
        guard SSL_set_fd(session, descriptor) == 1 else {
            throw NotifyError.tls(server: server, reason: "cannot attach TLS to the socket: \(Self.lastError())")
        }
        let result = SSL_connect(session)
        guard result == 1 else {
            let verify = SSL_get_verify_result(session)
            if verify != inquest_x509_v_ok() {
                throw NotifyError.tls(server: server, reason: "certificate not trusted: \(String(cString: X509_verify_cert_error_string(verify)))")
            }
            throw NotifyError.tls(server: server, reason: "handshake failed: \(Self.describe(SSL_get_error(session, result)))")
        }
    }

    deinit {
        SSL_free(session)
        SSL_CTX_free(context)
    }

    /// Reads up to `count` bytes into `buffer`: the count read, 0 at the end of the stream, or
    /// nil when the read would block past the socket's timeout.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int? {
        let result = SSL_read(session, buffer, Int32(clamping: count))
        if result > 0 { return Int(result) }
        return try interpret(result, action: "read")
    }

    /// Writes bytes: the count written, or nil when the write would block past the timeout.
    func write(_ buffer: UnsafeRawPointer, count: Int) throws -> Int? {
        let result = SSL_write(session, buffer, Int32(clamping: count))
        if result > 0 { return Int(result) }
        return try interpret(result, action: "write")
    }

    /// Sends the closing alert (best effort).
    func shutdown() {
        _ = SSL_shutdown(session)
    }

    private func interpret(_ result: Int32, action: String) throws -> Int? {
        let error = SSL_get_error(session, result)
        switch error {
        case inquest_ssl_error_zero_return(): return 0
        case inquest_ssl_error_want_read(), inquest_ssl_error_want_write(): return nil
        default:
            if errno == EAGAIN || errno == EWOULDBLOCK { return nil }
            throw NotifyError.tls(server: server, reason: "\(action) failed: \(Self.describe(error))")
        }
    }

    private static func describe(_ error: Int32) -> String {
        let detail = lastError()
        return detail.isEmpty ? "SSL error \(error) (\(String(cString: strerror(errno))))" : detail
    }

    /// The oldest queued OpenSSL error as text (empty when none), clearing the queue.
    static func lastError() -> String {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return "" }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
