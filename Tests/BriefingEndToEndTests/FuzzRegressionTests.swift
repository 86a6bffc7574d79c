import Foundation
import Testing
import BriefingCore

/// Replays the fuzzers' seeds and every input kept in `Tests/FuzzCorpus/regressions/` through each
/// fuzz target, built without the fuzzer: a crash the fuzzer once found must stay fixed.
@Suite struct FuzzRegressionTests {
    static var replay: URL { BriefingRunner.executable.deletingLastPathComponent().appendingPathComponent("briefing-fuzz") }
    static var corpus: URL { BriefingRunner.repoRoot.appendingPathComponent("Tests/FuzzCorpus") }

    @Test(arguments: FuzzEntryPoints.targets)
    func seedsAndRegressionsRunCleanly(target: String) throws {
        var files: [String] = []
        for folder in ["regressions", target] {
            let path = Self.corpus.appendingPathComponent(folder).path
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files += names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
        }
        // Inputs of the other kinds too: every parser must survive every file.
        files.append(BriefingRunner.welshExample)
        let process = Process()
        process.executableURL = Self.replay
        process.arguments = files
        var environment = ProcessInfo.processInfo.environment
        environment["FUZZ_TARGET"] = target
        environment["BRIEFING_LIBRARY"] = BriefingRunner.shippedLibrary
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0, "\(target) failed on one of \(files)")
    }
}
