import Foundation
import Testing

/// The bad-input corpus: each class of hostile input that once crashed, hung, destroyed a file or
/// printed the wrong thing, run through the built binary. Each asserts the exit code, the message,
/// that it ends quickly, and that nothing it should not touch changed.
@Suite struct HostileInputTests {
    typealias Runner = BriefingRunner
    static let welsh = Runner.welshExample

    /// Runs `briefing ARGUMENTS` through /bin/sh with `redirections` (e.g. `<&-`), within `seconds`.
    static func shell(_ arguments: [String], redirections: String = "", seconds: Double = 5) throws -> (status: Int32, stdout: String, stderr: String, elapsed: Double) {
        let folder = TemporaryFolder("hostile-shell")
        let quoted = ([Runner.executable.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \(quoted.joined(separator: " ")) \(redirections) >'\(folder.path)/out' 2>'\(folder.path)/err'"]
        let start = Date()
        try process.run()
        while process.isRunning, Date().timeIntervalSince(start) < seconds { usleep(10_000) }
        if process.isRunning { process.terminate(); process.waitUntilExit(); return (-1, "", "timed out", seconds) }
        let out = (try? String(contentsOfFile: folder.path + "/out", encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: folder.path + "/err", encoding: .utf8)) ?? ""
        return (process.terminationStatus, out, err, Date().timeIntervalSince(start))
    }

    // MARK: Crashes

    @Test func aHugeConditionIsRefusedNotAStackOverflow() throws {
        // Under the 128 KB the kernel allows one argument: long, deep, and many-termed.
        let many = Array(repeating: "nation == \"wales\"", count: 3_000).joined(separator: " and ")
        let deep = String(repeating: "(", count: 21_000) + "nation" + String(repeating: ")", count: 21_000)
        for condition in [many, deep, Array(repeating: "id == \"x\"", count: 150).joined(separator: " or ")] {
            let result = try Self.shell(["list", "--library", Runner.shippedLibrary, "snippets", "--where", condition])
            #expect(result.status == 64 || result.status == 65, "\(result.stderr.prefix(200))")
            #expect(result.stderr.contains("limit is 2000") || result.stderr.contains("more than 100 parts") || result.stderr.contains("nests more than"),
                    "\(result.stderr.prefix(300))")
        }
        let folder = try TemporaryFolder.copyOfGoldenLibrary()
        folder.write("Snippets/summary/huge.md", "---\ntitle: Huge\nsection: summary\nwhen: '\(String(repeating: "(", count: 40))nation\(String(repeating: ")", count: 40))'\n---\nA body of some words for the snippet that is long enough.\n")
        let lint = try Self.shell(["lint", "--library", folder.path])
        #expect(lint.status == 65)
        #expect(lint.stdout.contains("huge.md:4:") && lint.stdout.contains("nests more than 32 levels deep"), "\(lint.stdout)")
    }

    @Test func closedStandardStreamsGiveAnExitCodeNotACrash() throws {
        let closedIn = try Self.shell(["build", "--library", Runner.shippedLibrary, "--answers", "-"], redirections: "<&-")
        #expect(closedIn.status == 74, "\(closedIn)")
        #expect(closedIn.stderr.contains("<stdin>"))
        let closedErr = try Self.shell(["build", "--library", Runner.shippedLibrary, "--answers", "/nonexistent.yaml"], redirections: "2>&-")
        #expect(closedErr.status == 66)
    }

    @Test func aPipeClosedEarlyEndsQuietly() throws {
        let result = try Self.shell(["build", "--library", Runner.shippedLibrary, "--answers", Self.welsh, "--format", "json"],
                                    redirections: "| head -c 10")
        // The shell reports head's status; what matters is that nothing is printed on stderr.
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let folder = TemporaryFolder("pipe")
        let script = "'\(Runner.executable.path)' build --library '\(Runner.shippedLibrary)' --answers '\(Self.welsh)' --format json 2>'\(folder.path)/err' | head -c 1 >/dev/null; echo ${PIPESTATUS[0]} > '\(folder.path)/status'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        try process.run()
        process.waitUntilExit()
        let status = try String(contentsOfFile: folder.path + "/status", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(status == "141" || status == "0")
        #expect(try String(contentsOfFile: folder.path + "/err", encoding: .utf8).isEmpty)
    }

    // MARK: Hangs

    static let bomb = (["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        + zip("bcdefghi", "abcdefgh").map { name, previous in "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]" })
        .joined(separator: "\n") + "\n"

    @Test func aYAMLAliasBombIsRefusedAtOnce() throws {
        let folder = TemporaryFolder("hostile")
        let answers = folder.write("bomb.yaml", Self.bomb)
        let result = try Self.shell(["build", "--library", Runner.shippedLibrary, "--answers", answers])
        #expect(result.status == 65)
        #expect(result.elapsed < 5)
        #expect(result.stderr.contains("bomb.yaml:") && result.stderr.contains("YAML aliases"), "\(result.stderr)")
        let library = try TemporaryFolder.copyOfGoldenLibrary()
        library.write("Snippets/summary/bomb.md", "---\ntitle: Bomb\nsection: summary\n" + Self.bomb + "---\nA body.\n")
        let lint = try Self.shell(["lint", "--library", library.path])
        #expect(lint.status == 65)
        #expect(lint.elapsed < 5)
        #expect(lint.stdout.contains("bomb.md:") && lint.stdout.contains("YAML aliases"), "\(lint.stdout)")
    }

    @Test func aFIFOOrADeviceAsInputIsRefusedNotWaitedOn() throws {
        let folder = TemporaryFolder("hostile")
        let fifo = folder.path + "/answers.yaml"
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try Self.shell(["build", "--library", Runner.shippedLibrary, "--answers", fifo])
        #expect(result.status == 74)
        #expect(result.stderr.contains("is a FIFO (named pipe), not a regular file"))
        let device = try Self.shell(["build", "--library", Runner.shippedLibrary, "--answers", "/dev/null"])
        #expect(device.status == 74)
        #expect(device.stderr.contains("/dev/null: is a device, not a regular file"), "\(device.stderr)")
        #expect(!device.stderr.contains("permission"))
    }

    @Test func thousandsOfUnknownKeysPrintFiftyAndACount() throws {
        let folder = TemporaryFolder("hostile")
        let answers = folder.write("keys.yaml", "organisation: X\n" + (0..<1_500).map { "unknown_\($0): 1\n" }.joined())
        let result = try Self.shell(["build", "--library", Runner.shippedLibrary, "--answers", answers])
        #expect(result.status == 65)
        #expect(result.stderr.split(separator: "\n").count == 51)
        #expect(result.stderr.contains("… and 1450 more problems (1500 in all)"))
        let many = folder.write("many.yaml", "organisation: X\n" + (0..<2_500).map { "k\($0): 1\n" }.joined())
        let limited = try Self.shell(["build", "--library", Runner.shippedLibrary, "--answers", many])
        #expect(limited.status == 65)
        #expect(limited.stderr.contains("the limit is 2000"))
    }

    // MARK: Files

    @Test func forceNeverReplacesADeviceAFIFOAFolderOrALink() throws {
        let folder = TemporaryFolder("hostile")
        let fifo = folder.path + "/out.md"
        #expect(mkfifo(fifo, 0o600) == 0)
        let target = folder.write("target.md", "keep me")
        let link = folder.path + "/link.md"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try FileManager.default.createDirectory(atPath: folder.path + "/dir.md", withIntermediateDirectories: true)
        for (path, kind) in [("/dev/null", "a device"), (fifo, "a FIFO"), (link, "a symbolic link"), (folder.path + "/dir.md", "a folder")] {
            let result = try Self.shell(["build", "--library", Runner.shippedLibrary, "--answers", Self.welsh, "-o", path, "--force"])
            #expect(result.status == 73, "\(path)")
            #expect(result.stderr.contains("it is \(kind)"), "\(result.stderr)")
        }
        var status = stat()
        #expect(lstat("/dev/null", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
        #expect(lstat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
        #expect(lstat(link, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
        let empty = try Self.shell(["build", "--library", Runner.shippedLibrary, "--answers", Self.welsh, "-o", ""])
        #expect(empty.status == 64)
    }

    static func csv(rows: Int, name: (Int) -> String = { "Team \($0)" }) -> String {
        "organisation,nation,sector,level,stage,maturity,audience\n"
            + (1...rows).map { "\(name($0)),wales,housing,service,options,starting,board\n" }.joined()
    }

    @Test func manyRowsWithOneNameGetUniqueNamesQuickly() throws {
        let folder = TemporaryFolder("hostile")
        let input = folder.write("same.csv", Self.csv(rows: 3_000) { _ in "Same Council" })
        let result = try Self.shell(["build", "--library", Runner.shippedLibrary, "--answers", input, "--output-dir", folder.path + "/out"],
                                    seconds: 60)
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out").filter { $0.hasSuffix(".md") }
        #expect(Set(names).count == 3_000)
        #expect(names.contains("Same-Council.md") && names.contains("Same-Council-3000.md"))
    }

    @Test func aLinkPlantedAsThePartialManifestIsNeverFollowed() throws {
        let folder = TemporaryFolder("hostile")
        let input = folder.write("rows.csv", Self.csv(rows: 3))
        let victim = folder.write("victim.txt", "precious")
        try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/out/.manifest.jsonl.partial", withDestinationPath: victim)
        let result = try Self.shell(["build", "--library", Runner.shippedLibrary, "--answers", input, "--output-dir", folder.path + "/out", "--force"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("symbolic link, which is never followed"), "\(result.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
    }

    @Test func aSecondBatchIntoTheSameFolderStopsNamingTheLock() throws {
        let folder = TemporaryFolder("hostile")
        let big = folder.write("big.csv", Self.csv(rows: 3_000))
        let small = folder.write("small.csv", Self.csv(rows: 2))
        let first = Process()
        first.executableURL = Runner.executable
        first.arguments = ["build", "--library", Runner.shippedLibrary, "--answers", big, "--output-dir", folder.path + "/out", "--date", "2026-01-15"]
        first.standardError = FileHandle.nullDevice
        try first.run()
        // Wait until the first batch holds the lock.
        let start = Date()
        while !FileManager.default.fileExists(atPath: folder.path + "/out/.briefing.lock"), Date().timeIntervalSince(start) < 20 { usleep(20_000) }
        let second = try Self.shell(["build", "--library", Runner.shippedLibrary, "--answers", small, "--output-dir", folder.path + "/out", "--force"])
        first.waitUntilExit()
        #expect(second.status == 73)
        #expect(second.stderr.contains("another batch is writing into this folder"), "\(second.stderr)")
        #expect(second.stderr.contains(".briefing.lock"))
        #expect(first.terminationStatus == 0)
        let manifest = try String(contentsOfFile: folder.path + "/out/manifest.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(manifest.count == 3_000)
        #expect(manifest.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalMidBatchLeavesNoTemporaryFileAndAManifestOfWhatWasFinished(signal: Int32) throws {
        let folder = TemporaryFolder("hostile")
        let big = folder.write("big.csv", Self.csv(rows: 20_000))
        let out = folder.path + "/out"
        let process = Process()
        process.executableURL = Runner.executable
        process.arguments = ["build", "--library", Runner.shippedLibrary, "--answers", big, "--output-dir", out, "--date", "2026-01-15"]
        let errors = folder.write("err.txt", "")
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try process.run()
        let start = Date()
        while (try? FileManager.default.contentsOfDirectory(atPath: out).count) ?? 0 < 50, Date().timeIntervalSince(start) < 30 { usleep(20_000) }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal)
        let names = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(!names.contains { $0.hasPrefix(".Team") }, "a temporary file was left")
        #expect(!names.contains(".briefing.lock"))
        let lines = try String(contentsOfFile: out + "/.manifest.jsonl.partial", encoding: .utf8).split(separator: "\n")
        let files = names.filter { $0.hasSuffix(".md") }
        #expect(lines.count == files.count)
        for line in lines {
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let file = try #require(entry["file"] as? String)
            #expect(((try? FileManager.default.attributesOfItem(atPath: out + "/" + file)[.size] as? Int) ?? 0) > 0)
        }
        #expect(try String(contentsOfFile: errors, encoding: .utf8).contains("interrupted by"))
        let rerun = try Self.shell(["build", "--library", Runner.shippedLibrary, "--answers", Self.welsh, "-o", out + "/extra.md"])
        #expect(rerun.status == 0)
    }

    // MARK: Escapes and messages

    @Test func answersCannotMakeLinksOrHideText() throws {
        let result = try Runner.buildWelsh(["--set", "organisation=See https://evil.example, www.evil.example or bob@evil.example",
                                            "--set", "leader_role=Chief\u{202E}Executive\u{200B}"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("https\\://evil.example"))
        #expect(result.stdout.contains("www\\.evil.example"))
        #expect(result.stdout.contains("bob＠evil.example"))
        #expect(!result.stdout.contains("\u{202E}") && !result.stdout.contains("\u{200B}"))
        #expect(result.stdout.contains("ChiefExecutive"))
    }

    @Test func wrongCodesAndMessagesAreRight() throws {
        let jobs = try Runner.run(["build", "--library", Runner.shippedLibrary, "--answers", Self.welsh, "--jobs", "-1"])
        #expect(jobs.status == 64)
        #expect(jobs.stderr.contains("--jobs must be at least 1"), "\(jobs.stderr)")
        let help = try Runner.run(["help", "nosuch"])
        #expect(help.status == 64)
        #expect(help.stderr.contains("there is no command 'nosuch'"))
        let folder = TemporaryFolder("hostile")
        folder.write("file", "x")
        let notFolder = try Runner.run(["build", "--library", Runner.shippedLibrary, "--answers", Self.welsh, "-o", folder.path + "/file/b.md"])
        #expect(notFolder.status == 73)
        #expect(!notFolder.stderr.contains("NSCocoaErrorDomain"))
    }
}

@Suite struct CommandLineBasicsTests {
    @Test func versionAndAMistypedCommand() throws {
        let version = try BriefingRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let typo = try BriefingRunner.run(["buld"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("there is no command 'buld'; did you mean 'build'?"))
    }
}

/// A full disk, on a 300 KB tmpfs: only where this process may mount one (root on Linux).
@Suite struct FullDiskTests {
    /// A freshly mounted tiny filesystem, or nil when mounting is not allowed here.
    static func tinyDisk() -> String? {
        #if os(Linux)
        guard getuid() == 0 else { return nil }
        let folder = FileManager.default.temporaryDirectory.path + "/tiny-disk-\(UUID().uuidString)"
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = ["-t", "tmpfs", "-o", "size=300k", "tmpfs", folder]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? folder : nil
        #else
        return nil
        #endif
    }

    static let canMount: Bool = {
        guard let folder = tinyDisk() else { return false }
        unmount(folder)
        return true
    }()

    static func unmount(_ folder: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = [folder]
        try? process.run()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test(.enabled(if: FullDiskTests.canMount, "needs permission to mount a tmpfs"))
    func aFullDiskEndsWithACompleteManifestAndStatus74() throws {
        let disk = try #require(Self.tinyDisk())
        defer { Self.unmount(disk) }
        let folder = TemporaryFolder("full-disk")
        let input = folder.write("rows.csv", HostileInputTests.csv(rows: 2_000))
        let result = try BriefingRunner.run(["build", "--library", BriefingRunner.shippedLibrary, "--answers", input,
                                             "--output-dir", disk + "/out", "--date", "2026-01-15"])
        #expect(result.status == 74)
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
        #expect(result.stderr.contains("briefings written before it, listed in"))
        let names = try FileManager.default.contentsOfDirectory(atPath: disk + "/out")
        #expect(!names.contains { $0.hasPrefix(".Team") }, "a temporary file was left")
        let lines = try String(contentsOfFile: disk + "/out/.manifest.jsonl.partial", encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.count == names.filter { $0.hasSuffix(".md") }.count)
        for line in lines {
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let file = try #require(entry["file"] as? String)
            #expect(((try? FileManager.default.attributesOfItem(atPath: disk + "/out/" + file)[.size] as? Int) ?? 0) > 0)
        }
    }
}
