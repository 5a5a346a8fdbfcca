// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Attune",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "attune", targets: ["attune"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(name: "AttuneModel"),
        .target(
            name: "AttuneScenario",
            dependencies: ["AttuneModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "AttuneSVG"),
        .target(name: "AttuneLab", dependencies: ["AttuneModel", "AttuneScenario", "AttuneSVG"]),
        .target(name: "AttuneUI", dependencies: ["AttuneModel", "AttuneScenario", "AttuneSVG"]),
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "AttuneCurses", dependencies: ["AttuneUI", "CNcurses"]),
        .executableTarget(
            name: "attune",
            dependencies: [
                "AttuneModel", "AttuneScenario", "AttuneLab", "AttuneUI", "AttuneCurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "AttuneTestSupport", path: "Tests/AttuneTestSupport"),
        .testTarget(name: "AttuneModelTests", dependencies: ["AttuneModel", "AttuneScenario"]),
        .testTarget(name: "AttuneScenarioTests", dependencies: ["AttuneScenario", "AttuneTestSupport"]),
        .testTarget(name: "AttuneLabTests", dependencies: ["AttuneLab", "AttuneTestSupport"]),
        .testTarget(name: "AttuneUITests", dependencies: ["AttuneUI", "AttuneTestSupport"]),
        .testTarget(name: "AttuneCursesTests", dependencies: ["AttuneCurses", "AttuneUI"]),
        .testTarget(name: "AttuneEndToEndTests", dependencies: ["AttuneTestSupport"]),
    ]
)
