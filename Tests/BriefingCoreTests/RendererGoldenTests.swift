import Foundation
import Testing
@testable import BriefingCore

/// Golden files: a small fixture library and three answer sets, rendered as Markdown, plain text and
/// JSON on a fixed date and compared byte for byte with the files in `Fixtures/golden-expected/`.
///
/// To re-record after an intended change, run `BRIEFING_RECORD_GOLDEN=1 swift test --filter RendererGoldenTests`,
/// then review the diff of `Tests/BriefingCoreTests/Fixtures/golden-expected/` like code. While recording,
/// each test writes its file into the source tree and reports that it did so.
@Suite struct RendererGoldenTests {
    static let answerSets = ["wales-full", "england-tight", "evil-scotland"]
    static let formats = OutputFormat.textFormats
    static let date = CalendarDate("2026-01-15")!

    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["BRIEFING_RECORD_GOLDEN"] == "1"
    }

    /// The fixtures as copied into the test bundle.
    static var fixtures: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }

    /// The fixtures in the source tree, where recording writes.
    static var sourceFixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    static func loadLibrary() throws -> ContentLibrary {
        try LibraryLoader.load(from: fixtures.appendingPathComponent("golden-library").path, today: date)
    }

    /// The briefing for one answer set, exactly as `briefing build --date 2026-01-15` would write it.
    static func render(_ set: String, as format: OutputFormat) throws -> String {
        let library = try loadLibrary()
        let text = try String(contentsOf: fixtures.appendingPathComponent("golden-answers/\(set).yaml"), encoding: .utf8)
        let file = try AnswersFile.parse(text, file: "\(set).yaml")
        let blueprint = try library.requireBlueprint(file.blueprintID ?? "pilot")
        let answers = try AnswerResolver.resolve(file.answers, for: blueprint)
        #expect(AnswerResolver.missingRequired(answers, in: blueprint).isEmpty)
        let briefing = Assembler(library: library, blueprint: blueprint).assemble(answers, date: date)
        let output = format.render(briefing)
        return output.hasSuffix("\n") ? output : output + "\n"
    }

    /// The first line where two texts differ, for a readable failure.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let actualLines = actual.components(separatedBy: "\n")
        let expectedLines = expected.components(separatedBy: "\n")
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let got = index < actualLines.count ? actualLines[index] : "<end of output>"
            let want = index < expectedLines.count ? expectedLines[index] : "<end of file>"
            if got != want {
                return "line \(index + 1):\n  expected: \(want.debugDescription)\n  actual:   \(got.debugDescription)"
            }
        }
        return "no line differs (line endings or trailing bytes)"
    }

    @Test("the golden library loads without errors or warnings")
    func libraryIsClean() throws {
        let library = try Self.loadLibrary()
        #expect(library.diagnostics.isEmpty, "\(library.diagnostics.map(\.description))")
        #expect(library.blueprints.map(\.id) == ["pilot"])
        #expect(library.snippets.count == 10)
    }

    @Test("renders match the golden files byte for byte", arguments: answerSets, formats)
    func golden(set: String, format: OutputFormat) throws {
        let actual = try Self.render(set, as: format)
        let name = "golden-expected/\(set).\(format.fileExtension)"
        if Self.isRecording {
            let url = Self.sourceFixtures.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            Issue.record("Recorded \(url.path). Review it, then run the tests again without BRIEFING_RECORD_GOLDEN.")
            return
        }
        let url = Self.fixtures.appendingPathComponent(name)
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("Missing golden file \(name); record it with BRIEFING_RECORD_GOLDEN=1 swift test")
            return
        }
        #expect(actual == expected, "\(name) differs at \(Self.firstDifference(actual, expected))")
    }

    @Test("rendering twice gives the same bytes", arguments: formats)
    func stable(format: OutputFormat) throws {
        for set in Self.answerSets {
            #expect(try Self.render(set, as: format) == Self.render(set, as: format))
        }
    }

    @Test("every answer set has exactly its three golden files")
    func goldenFilesComplete() throws {
        let folder = Self.fixtures.appendingPathComponent("golden-expected").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
        let expected = Self.answerSets.flatMap { set in Self.formats.map { "\(set).\($0.fileExtension)" } }.sorted()
        #expect(files == expected)
        let answerFiles = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.appendingPathComponent("golden-answers").path)
        #expect(answerFiles.sorted() == Self.answerSets.map { "\($0).yaml" }.sorted())
    }

    @Test("the golden JSON parses and carries provenance for every snippet of the blueprint", arguments: answerSets)
    func jsonIsComplete(set: String) throws {
        let json = try Self.render(set, as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let provenance = try #require(object["provenance"] as? [[String: Any]])
        #expect(Set(provenance.compactMap { $0["id"] as? String }) == Set(try Self.loadLibrary().snippets.map(\.id)))
        #expect(object["date"] as? String == "2026-01-15")
        #expect((object["total_minutes"] as? Double).map { $0 <= (object["budget_minutes"] as? Double ?? 0) } == true)
    }
}
