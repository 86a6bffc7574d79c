import Foundation
import XCTest

/// An installed `briefing` (`PREFIX/bin/briefing` with its library in `PREFIX/share/briefing`)
/// finds the library from any folder, also when started through a symlink or `PATH`.
final class InstalledLayoutTests: XCTestCase {
    private var folder: TemporaryFolder!

    /// PREFIX/bin/briefing (a copy of the built binary), PREFIX/share/briefing (the golden fixture
    /// library) and links/briefing, a symlink to the binary in a folder of its own.
    override func setUpWithError() throws {
        folder = TemporaryFolder("installed")
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder.path + "/prefix/bin", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: folder.path + "/prefix/share/briefing", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: folder.path + "/links", withIntermediateDirectories: true)
        try manager.copyItem(atPath: BriefingRunner.executable.path, toPath: folder.path + "/prefix/bin/briefing")
        for name in ["Briefings", "Snippets"] {
            try manager.copyItem(atPath: BriefingRunner.coreFixtures.appendingPathComponent("golden-library/\(name)").path,
                                 toPath: folder.path + "/prefix/share/briefing/\(name)")
        }
        try manager.createSymbolicLink(atPath: folder.path + "/links/briefing", withDestinationPath: folder.path + "/prefix/bin/briefing")
    }

    override func tearDown() {
        folder = nil
    }

    /// Runs `executable arguments…` from `/` with no BRIEFING_LIBRARY, and `PATH` as given.
    private func run(_ executable: String, _ arguments: [String], path: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["BRIEFING_LIBRARY"] = nil
        if let path { environment["PATH"] = path }
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    func testASymlinkInAnotherFolderFindsTheInstalledLibraryFromTheRoot() throws {
        let result = try run(folder.path + "/links/briefing", ["list", "blueprints"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("pilot"), "the golden library's blueprint: \(result.stdout)")
    }

    func testANameFoundOnPathFindsTheInstalledLibrary() throws {
        // `env` runs "briefing" by searching PATH, so argv[0] is the bare name.
        let result = try run("/usr/bin/env", ["briefing", "list", "blueprints"], path: folder.path + "/links:/usr/bin:/bin")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("pilot"), result.stdout)
    }

    func testCompletionFindsTheInstalledLibraryTheSameWay() throws {
        let result = try run(folder.path + "/links/briefing",
                             ["---completion", "build", "--", "--blueprint", "3", "0", "briefing", "build", "--blueprint", ""])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "pilot\n")
    }

    func testTheSameBinaryOutsideAnInstallFindsNoLibraryFromTheRoot() throws {
        // The control: the library above comes from beside the executable, not from anywhere else.
        let loose = folder.path + "/loose"
        try FileManager.default.createDirectory(atPath: loose, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: BriefingRunner.executable.path, toPath: loose + "/briefing")
        let result = try run(loose + "/briefing", ["list", "blueprints"])
        XCTAssertEqual(result.status, 66, result.stdout + result.stderr)
    }
}
