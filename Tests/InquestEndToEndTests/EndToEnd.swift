import Testing

/// Every end-to-end suite is nested here and runs one test at a time.
///
/// Their tests block a thread while a child process runs (the `inquest` binary, tmux). Run in
/// parallel on a two-core machine they took every thread of Swift's concurrency pool for a
/// minute at a time, and async tests elsewhere (loopback HTTP servers) timed out waiting to run.
@Suite(.serialized) enum EndToEnd {}
