import NIOCore

/// Splits what an SMTP server sends into lines (CRLF or LF) and hands them to an async stream,
/// so the client reads replies with `await`. A line longer than ``maximumLineBytes`` ends the
/// stream with an error instead of growing the buffer; the connection's end finishes it.
final class SMTPLineReader: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    /// RFC 5321 allows 512 bytes per reply line; a generous bound against a hostile server.
    static let maximumLineBytes = 64 * 1024

    private var pending: [UInt8] = []
    private let continuation: AsyncThrowingStream<String, any Error>.Continuation

    init(continuation: AsyncThrowingStream<String, any Error>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending += buffer.readBytes(length: buffer.readableBytes) ?? []
        var start = 0
        while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
            var end = newline
            if end > start, pending[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            continuation.yield(String(decoding: pending[start..<end], as: UTF8.self))
            start = newline + 1
        }
        pending.removeFirst(start)
        if pending.count > Self.maximumLineBytes {
            continuation.finish(throwing: SMTPLineTooLong())
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        continuation.finish(throwing: error)
        context.close(promise: nil)
    }
}

/// The server sent a line longer than ``SMTPLineReader/maximumLineBytes``.
struct SMTPLineTooLong: Error {}
