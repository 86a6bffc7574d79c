import Foundation
@testable import BriefingCore

/// Runs the built `briefing` executable and captures what it does.
enum BriefingRunner {
    /// The result of one run.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: Data
    }

    /// The package root, from this file's place in `Tests/BriefingEndToEndTests/Support/`.
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped content library: the package root holds `Briefings/` and `Snippets/`.
    static var shippedLibrary: String { repoRoot.path }

    /// The Welsh health board example answers.
    static var welshExample: String { repoRoot.appendingPathComponent("examples/welsh-health-board.yaml").path }

    /// The unit tests' fixtures in the source tree: a small library, answer sets and golden files.
    static var coreFixtures: URL { repoRoot.appendingPathComponent("Tests/BriefingCoreTests/Fixtures") }

    /// The executable built alongside this test bundle (whatever the scratch path), else `.build/debug`.
    static let executable: URL = {
        var folders: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        folders.append(Bundle.main.bundleURL)
        folders.append(repoRoot.appendingPathComponent(".build/debug"))
        for folder in folders {
            let candidate = folder.appendingPathComponent("briefing")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return repoRoot.appendingPathComponent(".build/debug/briefing")
    }()

    /// Runs `briefing arguments…` in `directory`, with `BRIEFING_LIBRARY` and `SOURCE_DATE_EPOCH` unset.
    static func run(_ arguments: [String], in directory: String? = nil, stdin: Data? = nil) throws -> Result {
        let scratch = TemporaryFolder("briefing-run")
        let outPath = scratch.path + "/stdout", errPath = scratch.path + "/stderr"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["BRIEFING_LIBRARY"] = nil
        environment["SOURCE_DATE_EPOCH"] = nil
        environment["NO_COLOR"] = "1"
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = outHandle
        process.standardError = errHandle
        if let stdin {
            let inPath = scratch.path + "/stdin"
            FileManager.default.createFile(atPath: inPath, contents: stdin)
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        let out = try Data(contentsOf: URL(fileURLWithPath: outPath))
        let err = try Data(contentsOf: URL(fileURLWithPath: errPath))
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self), stdoutBytes: out)
    }

    /// `briefing build --library <shipped> --answers <welsh example> --date 2026-01-15` plus `extra`.
    static func buildWelsh(_ extra: [String] = []) throws -> Result {
        try run(["build", "--library", shippedLibrary, "--answers", welshExample, "--date", "2026-01-15"] + extra)
    }
}

/// A folder under the system temporary directory, removed when the last reference goes.
final class TemporaryFolder: @unchecked Sendable {
    let path: String

    init(_ label: String) {
        path = FileManager.default.temporaryDirectory.path + "/\(label)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    @discardableResult
    func write(_ relative: String, _ text: String) -> String {
        write(relative, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) -> String {
        let full = path + "/" + relative
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
        return full
    }

    /// A copy of the fixture library used by the golden tests, to break on purpose.
    static func copyOfGoldenLibrary() throws -> TemporaryFolder {
        let folder = TemporaryFolder("briefing-library")
        for name in ["Briefings", "Snippets"] {
            try FileManager.default.copyItem(
                atPath: BriefingRunner.coreFixtures.appendingPathComponent("golden-library/\(name)").path,
                toPath: folder.path + "/" + name)
        }
        return folder
    }
}
