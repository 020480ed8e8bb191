// swift-tools-version:5.9
// FirstStep for Swift. Platform-neutral targets (generated bindings + FirstStepKit) build and test on
// Linux against the host-built Rust core; the SwiftUI app (App/) is built with Xcode on top of them.
//
//   FirstStepFFI   C module: the UniFFI header. Linux: Sources/FirstStepFFI (generated include/).
//                  Apple: build/FirstStepFFI.xcframework made by scripts/build-xcframework.sh.
//   FirstStepCore  the generated Swift bindings (bindings/generate.sh), never edited by hand.
//   FirstStepKit   hand-written shell logic: session ticker, reminder port, chart series, view models.
import PackageDescription

#if os(Linux)
// The directory holding libfirststep_core.so (tests/run-all.sh passes the workspace's target dir).
let coreLibDir = Context.environment["FIRSTSTEP_LIB_DIR"] ?? "\(Context.packageDirectory)/../target/debug"
let ffiTarget: Target = .target(name: "FirstStepFFI", path: "Sources/FirstStepFFI")
let coreLinkerSettings: [LinkerSetting] = [
    .linkedLibrary("firststep_core"),
    .unsafeFlags(["-L\(coreLibDir)", "-Xlinker", "-rpath", "-Xlinker", coreLibDir]),
]
#else
let ffiTarget: Target = .binaryTarget(name: "FirstStepFFI", path: "build/FirstStepFFI.xcframework")
let coreLinkerSettings: [LinkerSetting] = []
#endif

let package = Package(
    name: "FirstStep",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: [
        .library(name: "FirstStepKit", targets: ["FirstStepKit"]),
        // The app's own files also use the generated types (Xcode/project.yml links both products).
        .library(name: "FirstStepCore", targets: ["FirstStepCore"]),
    ],
    targets: [
        ffiTarget,
        .target(name: "FirstStepCore", dependencies: ["FirstStepFFI"], path: "Sources/FirstStepCore",
                linkerSettings: coreLinkerSettings),
        .target(name: "FirstStepKit", dependencies: ["FirstStepCore"], path: "Sources/FirstStepKit"),
        .testTarget(name: "FirstStepKitTests", dependencies: ["FirstStepKit", "FirstStepCore"],
                    path: "Tests/FirstStepKitTests"),
    ]
)
