// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "eros-runner",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "runner", targets: ["runner"]),
        .library(name: "RunnerKit", targets: ["RunnerKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        .target(
            name: "RunnerKit",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "RunnerCLI",
            dependencies: [
                "RunnerKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // runner-webhook is a dependency so `swift run runner` builds it too: the runner spawns it
        // to deliver webhooks instead of linking FoundationNetworking itself.
        .executableTarget(name: "runner", dependencies: ["RunnerCLI", "runner-webhook"]),
        .executableTarget(name: "runner-webhook"),
        .executableTarget(name: "runner-bench", dependencies: ["RunnerKit"]),
        .testTarget(
            name: "RunnerKitTests",
            dependencies: ["RunnerKit"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RunnerCLITests",
            dependencies: ["RunnerCLI", "RunnerKit"],
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
