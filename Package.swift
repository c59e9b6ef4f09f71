// swift-tools-version:6.0
import PackageDescription

// Linux only, on purpose for now: CNcurses links `ncursesw` and `tinfo` by Debian's names and
// includes <ncursesw/curses.h>, and the journal calls Glibc by name. A macOS build would need
// Homebrew's ncurses (`.brew(["ncurses"])`, its include path) and Darwin branches there; nothing
// here can test that, so it is not claimed. The `platforms` line only sets the floor if tried.

/// The ncurses module's map, by absolute path: the compiler reads it from wherever it runs.
let ncursesModuleMap = String(#filePath.dropLast("Package.swift".count)) + "Sources/CNcurses/module.modulemap"

/// Given only to the targets that must load ncurses' module (see TerminalKitNcurses).
let seesNcurses: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-fmodule-map-file=\(ncursesModuleMap)"])]

let package = Package(
    name: "lostphone",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lostphone", targets: ["lostphone"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    ],
    targets: [
        // libqrencode's declarations only: Core loads the library with dlopen when `Q` is first
        // pressed, so nothing links it and the one-file build keeps working without it.
        .systemLibrary(name: "CQRencode"),
        // Pure Swift, no terminal: playbook, incident, journal, report, themes, text width.
        .target(
            name: "LostphoneCore",
            dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "Plot", package: "Plot"), "CQRencode"],
            // The themes are links to the files in Themes/, so the binary carries exactly what
            // people read there; a test checks that every file in Themes/ is listed here.
            resources: [
                .embedInCode("Resources/cn-mainland.yaml"),
                .embedInCode("Resources/themes/default.yaml"),
                .embedInCode("Resources/themes/gruvbox-dark.yaml"),
                .embedInCode("Resources/themes/high-contrast.yaml"),
                .embedInCode("Resources/themes/light.yaml"),
                .embedInCode("Resources/themes/monochrome.yaml"),
                .embedInCode("Resources/themes/solarized-dark.yaml"),
            ]
        ),
        // The terminal kit: input (keys, the decoder, paste, text input), the canvas, the
        // backend protocol and the fake backend, and the one program runtime that both full
        // screens run on (bindings table, box, help overlay, hint line, too-small view).
        .target(
            name: "TerminalKit",
            dependencies: ["LostphoneCore"]
        ),
        // The kit's ncurses backend, and the only module that imports ncurses (CNcurses: its
        // header and the few macros Swift cannot import, in Sources/CNcurses).
        //
        // CNcurses is not a SwiftPM target on purpose: SwiftPM hands a C target's module map to
        // every target that depends on it, however indirectly, so `import CNcurses` would
        // compile in the screens and in Core too. Here the map is given to this target's
        // compiler and imported `internal`; the executable, which starts the backend, gets the
        // map as well, since a client of a module built without library evolution loads that
        // module's internal imports. Everywhere else (Core, the kit, the screens, the bench, the
        // fuzzer, the tests) `import CNcurses` is "no such module" (`.ci/run` proves it), and
        // ArchitectureTests checks that the executable does not import it either.
        // No `pkgConfig:`: Debian's ncursesw.pc carries -D_DEFAULT_SOURCE and
        // -D_XOPEN_SOURCE=600, which shim.h sets itself. .ci/run installs libncursesw5-dev.
        .target(
            name: "TerminalKitNcurses",
            dependencies: ["TerminalKit", "LostphoneCore"],
            swiftSettings: seesNcurses,
            linkerSettings: [.linkedLibrary("ncursesw"), .linkedLibrary("tinfo")]
        ),
        // The two full screens, the guide and the prepare form: state, update, keys, layout and
        // views each; no ncurses here (it does not depend on CNcurses).
        .target(
            name: "LostphoneTUI",
            dependencies: ["LostphoneCore", "TerminalKit"]
        ),
        // The executable: command-line parsing and wiring only.
        .executableTarget(
            name: "lostphone",
            dependencies: [
                "LostphoneTUI", "LostphoneCore", "TerminalKitNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: seesNcurses
        ),
        // Fixtures (example playbook, golden reports) are read from the source tree by path.
        // `swift run -c release lostphone-bench`: key-to-frame, bytes per key, start-up, replay,
        // export and memory, as medians and ratios (README, Benchmarks). CI builds it only.
        .executableTarget(
            name: "lostphone-bench",
            dependencies: ["LostphoneTUI", "LostphoneCore", .product(name: "Yams", package: "Yams")]
        ),
        // `scripts/fuzz.sh`: fuzzing of the playbook, theme, journal and profile readers and of
        // the key decoder, by mutation, or with libFuzzer (`--libfuzzer`: built with
        // -sanitize=fuzzer,address -DLIBFUZZER, Sources/lostphone-fuzz/LibFuzzer.swift).
        .executableTarget(
            name: "lostphone-fuzz",
            dependencies: ["LostphoneCore", "LostphoneTUI"]
        ),
        // The built-in playbook and themes as Swift, written from their YAML: the generated files
        // are committed (BuiltinPlaybook+Generated.swift, BuiltinThemes+Generated.swift), so a
        // start parses nothing; `scripts/generate-builtins.sh` rewrites them after an edit, and
        // GeneratedBuiltinsTests fails while they differ from the YAML.
        .target(name: "BuiltinCodegen", dependencies: ["LostphoneCore"]),
        .executableTarget(name: "lostphone-codegen", dependencies: ["BuiltinCodegen"]),
        .testTarget(name: "LostphoneCoreTests", dependencies: ["LostphoneCore", "BuiltinCodegen"], exclude: ["Fixtures"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit", "LostphoneCore"]),
        .testTarget(name: "LostphoneTUITests", dependencies: ["LostphoneTUI", "TerminalKit", "LostphoneCore"], exclude: ["Snapshots"]),
        // Drives the built binary in tmux; depends on it so `swift test` builds it first.
        .testTarget(name: "EndToEndTests", dependencies: ["lostphone"]),
    ]
)
