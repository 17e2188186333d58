// swift-tools-version:6.1
import PackageDescription

// Layering, lowest first: a target imports only targets before it in this list (the README's
// table says what each owns; InquestLayeringTests reads every import and checks the order).
//   InquestCore (pure domain, filter language) · InquestText (display width, sanitiser, wrap)
//   InquestStore (SQLite via GRDB) · InquestParsers (pure parsers)
//   InquestNet (HTTP, Prometheus, OTLP) · COpenSSL · InquestNotify (webhooks, SMTP) · InquestIngest (files/documents -> store)
//   InquestWatch (long-running feeds) · InquestReport · InquestExchange (bundles, import)
//   InquestTeam (the team database on PostgreSQL)
//   InquestViewModel (canvas state, reducer) · InquestRender (cells, panes) · InquestTerminal (ncurses)
//   InquestCanvas (runtime) · InquestTmux · InquestCLI (`inquest`) · InquestBench
let package = Package(
    name: "Inquest",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "inquest", targets: ["InquestCLI"]),
        .executable(name: "inquest-bench", targets: ["InquestBench"]),
        .executable(name: "inquest-fuzz", targets: ["InquestFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(name: "InquestCore", exclude: ["Filter/FILTER_SYNTAX.md"]),
        // Display width, the sanitiser and word wrapping: the text measures every layer above shares.
        .target(name: "InquestText"),
        .target(
            name: "InquestStore",
            dependencies: [
                "InquestCore", "CSQLiteTuning", "CZstd",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: [.linkedLibrary(":libzstd.so.1", .when(platforms: [.linux]))]
        ),
        .target(name: "InquestParsers", dependencies: ["InquestCore"], exclude: ["Metrics/EVALUATION.md"]),
        .target(
            name: "InquestIngest",
            dependencies: [
                "InquestCore", "InquestStore", "InquestParsers",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Bundles and import (`inquest bundle`, `inquest import`); reads JSON exports through InquestReport's model.
        .target(name: "InquestExchange", dependencies: ["InquestCore", "InquestStore", "InquestReport"]),
        // Ranked suspects of an incident (`inquest suspects`, the canvas's suspects overlay): signals from logs, spans, metrics and changes.
        .target(name: "InquestAnalysis", dependencies: ["InquestCore", "InquestText", "InquestStore", "InquestParsers"]),
        // Long-running feeds (followed files, git, ...) under a supervisor with leases and health.
        .target(
            name: "InquestWatch",
            dependencies: [
                "InquestCore", "InquestStore", "InquestParsers", "InquestIngest", "InquestNet",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "InquestNet",
            dependencies: [
                "InquestCore", "InquestParsers", "InquestStore",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The team database (PostgreSQL): shared investigations, live changes by LISTEN/NOTIFY and the
        // replay of the local outbox. It owns the PostgreSQL SQL (parameterised only).
        .target(
            name: "InquestTeam",
            dependencies: [
                "InquestCore", "InquestStore", "InquestExchange",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Notifications of investigation changes: the sender of the store's persisted queue
        // (leases, backoff with full jitter, dead letters), signed webhooks and SMTP with STARTTLS.
        // TLS, HMAC and SHA-256 come from the system's OpenSSL 3 (COpenSSL declares the few
        // functions used), linked by name so that only the runtime libssl3 is needed.
        .systemLibrary(name: "COpenSSL"),
        .target(
            name: "InquestNotify",
            dependencies: [
                "InquestCore", "InquestText", "InquestStore", "InquestNet", "COpenSSL",
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: [
                .linkedLibrary(":libssl.so.3", .when(platforms: [.linux])),
                .linkedLibrary(":libcrypto.so.3", .when(platforms: [.linux])),
            ]
        ),
        .executableTarget(
            name: "InquestCLI",
            dependencies: [
                "InquestCore", "InquestText", "InquestStore", "InquestParsers", "InquestIngest", "InquestViewModel", "InquestCanvas", "InquestReport",
                "InquestExchange", "InquestWatch", "InquestNet", "InquestAnalysis", "InquestTeam", "InquestNotify",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "InquestViewModel", dependencies: ["InquestCore", "InquestText"], exclude: ["default.keymap"]),
        .target(name: "InquestRender", dependencies: ["InquestCore", "InquestText", "InquestViewModel"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CSQLiteTuning", providers: [.apt(["libsqlite3-dev"])]),
        // Compresses events' raw records in blocks (see InquestStore's RawBlockCodec). Its header
        // declares the few functions used, and InquestStore links the runtime library by file name,
        // so the build needs only libzstd1 (on every Debian machine), not libzstd-dev.
        .systemLibrary(name: "CZstd"),
        .target(name: "InquestTerminal", dependencies: ["CNcursesw", "InquestText", "InquestRender", "InquestViewModel"]),
        .target(
            name: "InquestCanvas",
            dependencies: [
                "InquestCore", "InquestStore", "InquestViewModel", "InquestRender", "InquestTerminal", "InquestReport",
                "InquestAnalysis", "InquestTeam",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Runs tmux for the benchmark and the end-to-end tests (one posix_spawn runner for both).
        .target(name: "InquestTmux"),
        // Investigation reports: the document model, its builder from the store and pure renderers.
        .target(name: "InquestReport", dependencies: ["InquestCore", "InquestStore"]),
        .executableTarget(
            name: "InquestBench",
            dependencies: ["InquestCore", "InquestStore", "InquestParsers", "InquestIngest", "InquestViewModel", "InquestRender", "InquestCanvas", "InquestWatch", "InquestTmux", "InquestAnalysis", "InquestTeam"]
        ),
        // Every parser of untrusted input as a fuzz target (`FuzzTarget`), and `inquest-fuzz`, which
        // replays kept inputs or, built by Fuzz/run.sh with -DFUZZING and libFuzzer, fuzzes them.
        .target(
            name: "InquestFuzzing",
            dependencies: ["InquestCore", "InquestParsers", "InquestStore", "InquestIngest", "InquestExchange", "InquestWatch"]
        ),
        .executableTarget(name: "InquestFuzz", dependencies: ["InquestFuzzing"]),
        // What several test targets share (the public corpora beside the repository).
        .target(name: "InquestTestSupport", dependencies: ["InquestTmux"], path: "Tests/InquestTestSupport"),
        .testTarget(name: "InquestCoreTests", dependencies: ["InquestCore"]),
        .testTarget(name: "InquestFuzzingTests", dependencies: ["InquestFuzzing"]),
        .testTarget(name: "InquestTextTests", dependencies: ["InquestText"]),
        // Reads every target's imports and fails when one imports a layer above it.
        .testTarget(name: "InquestLayeringTests"),
        .testTarget(name: "InquestStoreTests", dependencies: ["InquestStore", "InquestCore"]),
        .testTarget(name: "InquestParsersTests", dependencies: ["InquestTestSupport", "InquestParsers", "InquestCore"]),
        .testTarget(name: "InquestIngestTests", dependencies: ["InquestTestSupport", "InquestIngest", "InquestStore", "InquestParsers", "InquestCore"]),
        .testTarget(name: "InquestNetTests", dependencies: ["InquestTestSupport", "InquestNet", "InquestIngest", "InquestStore", "InquestParsers", "InquestCore"]),
        .testTarget(name: "InquestViewModelTests", dependencies: ["InquestViewModel", "InquestCore"]),
        .testTarget(name: "InquestRenderTests", dependencies: ["InquestRender", "InquestViewModel", "InquestText", "InquestCore"], exclude: ["__Snapshots__"]),
        .testTarget(name: "InquestAnalysisTests", dependencies: ["InquestAnalysis", "InquestStore", "InquestCore"]),
        .testTarget(name: "InquestExchangeTests", dependencies: ["InquestExchange", "InquestReport", "InquestStore", "InquestCore"]),
        .testTarget(name: "InquestReportTests", dependencies: ["InquestReport", "InquestStore", "InquestCore"], exclude: ["__Snapshots__"]),
        .testTarget(name: "InquestTerminalTests", dependencies: ["InquestTerminal", "InquestRender"]),
        .testTarget(name: "InquestCanvasTests", dependencies: ["InquestTestSupport", "InquestCanvas", "InquestRender", "InquestViewModel", "InquestStore", "InquestCore"]),
        .testTarget(name: "InquestTeamTests", dependencies: ["InquestTestSupport", "InquestTeam", "InquestExchange", "InquestStore", "InquestCore"]),
        .testTarget(name: "InquestNotifyTests", dependencies: ["InquestTestSupport", "InquestNotify", "InquestStore", "InquestCore"]),
        .testTarget(name: "InquestWatchTests", dependencies: ["InquestWatch", "InquestNet", "InquestStore", "InquestParsers", "InquestIngest", "InquestCore"]),
        // Drives the built `inquest` binary (run `swift build` first) as a process and in tmux.
        .testTarget(name: "InquestEndToEndTests", dependencies: ["InquestTestSupport", "InquestCore", "InquestText", "InquestTmux", "InquestStore"]),
    ]
)

// Strict settings for every target, in one place (as swift-log does).
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
