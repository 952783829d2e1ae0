// swift-tools-version:6.1
import PackageDescription

// One module per pipeline stage: traces → segments → entropy → answers → stability → report.
// A stage depends only on earlier stages; only HorizonSegments touches PCRE2, only
// HorizonTraces (and HorizonClient, which writes compressed traces) zlib and libzstd.
let package = Package(
    name: "Horizon",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Horizon", targets: ["Horizon"]),
        .executable(name: "horizon", targets: ["HorizonCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]),
        // C library functions Swift does not import: glibc's mallopt(3) for the sampling
        // client's megabyte buffers (a no-op elsewhere), memmem(3) for key redaction.
        .systemLibrary(name: "CLibcExtras"),
        // Not a product: what several stages share (the JSON grammar and its DOM, SplitMix64,
        // SHA-256, source locations, number formats, the progress renderer).
        .target(name: "HorizonCommon"),
        .target(name: "HorizonTraces", dependencies: ["HorizonCommon", "CZlib", "CZstd"]),
        .target(name: "HorizonSegments", dependencies: ["HorizonTraces", "CPCRE2"]),
        .target(name: "HorizonEntropy", dependencies: ["HorizonTraces"]),
        .target(name: "HorizonAnswers", dependencies: ["HorizonCommon"]),
        .target(
            name: "HorizonStability",
            dependencies: ["HorizonCommon", "HorizonTraces", "HorizonSegments", "HorizonEntropy", "HorizonAnswers"]
        ),
        .target(name: "HorizonReport", dependencies: ["HorizonCommon", "HorizonStability"]),
        .target(name: "HorizonGate", dependencies: ["HorizonCommon", "HorizonStability", "HorizonReport"]),
        .target(
            name: "HorizonClient",
            // HorizonSegments: choosing the traces to probe finds their thinking.
            dependencies: [
                "HorizonCommon", "HorizonTraces", "HorizonSegments", "HorizonAnswers", "CZstd", "CLibcExtras",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "Horizon",
            dependencies: [
                "HorizonCommon", "HorizonTraces", "HorizonSegments", "HorizonEntropy", "HorizonAnswers",
                "HorizonStability", "HorizonReport", "HorizonGate", "HorizonClient",
            ]
        ),
        .executableTarget(
            name: "HorizonCLI",
            dependencies: ["Horizon", "HorizonCommon", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(name: "HorizonTestSupport", dependencies: ["HorizonTraces"], path: "Tests/HorizonTestSupport"),
        .testTarget(name: "HorizonCommonTests", dependencies: ["HorizonCommon", "HorizonTestSupport"]),
        .testTarget(name: "HorizonTracesTests", dependencies: ["HorizonTraces", "HorizonTestSupport"]),
        .testTarget(name: "HorizonSegmentsTests", dependencies: ["HorizonSegments", "HorizonTestSupport"]),
        .testTarget(name: "HorizonEntropyTests", dependencies: ["HorizonEntropy", "HorizonCommon", "HorizonTestSupport"]),
        .testTarget(name: "HorizonAnswersTests", dependencies: ["HorizonAnswers", "HorizonTestSupport"]),
        .testTarget(name: "HorizonStabilityTests", dependencies: ["HorizonStability", "HorizonCommon", "HorizonTestSupport"]),
        .testTarget(name: "HorizonReportTests", dependencies: ["HorizonReport", "HorizonCommon", "HorizonTestSupport"]),
        .testTarget(name: "HorizonGateTests", dependencies: ["HorizonGate", "HorizonTestSupport"]),
        .testTarget(
            name: "HorizonClientTests",
            dependencies: [
                "HorizonClient", "HorizonCommon", "HorizonTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "HorizonCLITests", dependencies: ["Horizon", "HorizonCommon", "HorizonTestSupport"]),
    ]
)
