// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "briefing",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "briefing", targets: ["briefing"]),
        .library(name: "BriefingCore", targets: ["BriefingCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(
            name: "BriefingCore",
            dependencies: ["CCmarkGFM", .product(name: "Yams", package: "Yams"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "BriefingChat",
            dependencies: ["BriefingCore", "CLibEdit"]
        ),
        .executableTarget(
            name: "briefing",
            dependencies: [
                "BriefingCore",
                "BriefingChat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "briefing-bench",
            dependencies: ["BriefingCore"]
        ),
        // The parsers' fuzz targets: `make fuzz` builds them with libFuzzer; a plain build replays inputs.
        .executableTarget(
            name: "briefing-fuzz",
            dependencies: ["BriefingCore"]
        ),
        .testTarget(
            name: "BriefingCoreTests",
            dependencies: ["BriefingCore", .product(name: "Yams", package: "Yams"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "BriefingChatTests",
            dependencies: ["BriefingChat", "BriefingCore"]
        ),
        .testTarget(
            name: "BriefingEndToEndTests",
            dependencies: ["briefing", "briefing-fuzz", "BriefingCore"]
        ),
    ]
)
