import Foundation
import Testing
@testable import BriefingCore

/// The budget's condensing step, one snippet per idea, and answers inferred from the challenge.
@Suite struct CondensingAndCoversTests {
    static let blueprint = TestSupport.blueprint()

    /// A snippet of `minutes` whose summary is `summaryWords` long (200 words a minute).
    static func snippet(_ id: String, section: String = "context", priority: Int, order: Int, minutes: Double,
                        summaryWords: Int? = nil, covers: [String] = [], when: String? = nil) -> Snippet {
        Snippet(id: id, title: "Title of \(id)", section: section, when: when.map { try! Condition(parsing: $0) },
                priority: priority, order: order, minutes: minutes, body: try! Template(parsing: "Full text of \(id)."),
                summary: summaryWords.map { _ in try! Template(parsing: "Summary of \(id) for {{organisation}}.") },
                summaryWordCount: summaryWords ?? 0, covers: covers, wordCount: Int(minutes * 200),
                location: SourceLocation(file: "Snippets/\(id).md", line: 1, column: 1))
    }

    static func assemble(_ snippets: [Snippet], minutes: Double, extra: [String: AnswerValue] = [:]) -> Briefing {
        let library = ContentLibrary(root: "/test", blueprints: [blueprint], snippets: snippets, diagnostics: [])
        var answers: [String: AnswerValue] = ["organisation": .text("Fife *Council*"), "minutes": .number(minutes)]
        for (key, value) in extra { answers[key] = value }
        return Assembler(library: library, blueprint: blueprint).assemble(Answers(answers), date: TestSupport.date)
    }

    static let essentials = [
        snippet("a-law", priority: 1, order: 10, minutes: 1, summaryWords: 40),
        snippet("b-stage", section: "actions", priority: 1, order: 10, minutes: 1, summaryWords: 40),
        snippet("c-first-step", section: "actions", priority: 1, order: 20, minutes: 1, summaryWords: 40),
        snippet("d-no-summary", section: "summary", priority: 1, order: 5, minutes: 0.5),
    ]

    @Test func essentialsThatFitStayInFull() {
        let briefing = Self.assemble(Self.essentials, minutes: 5)
        #expect(briefing.sections.flatMap(\.snippets).allSatisfy { !$0.condensed })
        #expect(briefing.totalMinutes == 3.5)
    }

    @Test func overrunningEssentialsAreCondensedLastInFillOrderFirst() throws {
        // 3.5 minutes of essentials in a 3-minute budget: condensing c-first-step (the last in fill
        // order, order 20) saves 0.8 and is enough.
        let briefing = Self.assemble(Self.essentials, minutes: 3)
        let condensed = briefing.sections.flatMap(\.snippets).filter(\.condensed).map(\.id)
        #expect(condensed == ["c-first-step"])
        #expect(briefing.totalMinutes == 2.7)
        let snippet = try #require(briefing.sections.flatMap(\.snippets).first { $0.id == "c-first-step" })
        // A summary is rendered like a body: variables filled, answers escaped.
        #expect(snippet.markdown == #"Summary of c-first-step for Fife \*Council\*."#)
        let decision = try #require(briefing.provenance.first { $0.id == "c-first-step" })
        #expect(decision.reason == .condensed && decision.included && decision.condensed)
        #expect(decision.explanation.hasPrefix("condensed to its summary: over the time budget"))
        #expect(briefing.notes.isEmpty)
    }

    @Test func whenEvenSummariesOverrunTheBriefingSaysSo() {
        let briefing = Self.assemble(Self.essentials, minutes: 0.5)
        #expect(briefing.sections.flatMap(\.snippets).filter(\.condensed).count == 3)
        #expect(briefing.notes.first?.contains("with summaries where they exist, needs 1.1 minutes") == true)
    }

    @Test func laterPrioritiesGoInFullElseAsTheirSummary() {
        let snippets = Self.essentials + [
            Self.snippet("e-long", priority: 2, order: 10, minutes: 2, summaryWords: 20),
            Self.snippet("f-no-summary", priority: 2, order: 20, minutes: 2),
            Self.snippet("g-short", priority: 3, order: 10, minutes: 0.3),
        ]
        // 3.5 essential + 1.3 left: e-long goes in as its summary (0.1), f-no-summary is out, g-short fits.
        let briefing = Self.assemble(snippets, minutes: 4.8)
        let byID = Dictionary(uniqueKeysWithValues: briefing.provenance.map { ($0.id, $0) })
        #expect(byID["e-long"]?.reason == .condensed)
        #expect(byID["f-no-summary"]?.reason == .overBudget)
        #expect(byID["g-short"]?.reason == .always)
        #expect(briefing.totalMinutes == 3.9)
    }

    @Test func theJSONSaysWhichSnippetsAreCondensed() throws {
        let json = JSONRenderer.render(Self.assemble(Self.essentials, minutes: 3))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let sections = try #require(object["sections"] as? [[String: Any]])
        let snippets = sections.flatMap { ($0["snippets"] as? [[String: Any]]) ?? [] }
        #expect(snippets.first { $0["id"] as? String == "c-first-step" }?["condensed"] as? Bool == true)
        #expect(snippets.first { $0["id"] as? String == "a-law" }?["condensed"] as? Bool == false)
    }

    @Test func aSecondSnippetOnTheSameIdeaIsLeftOut() throws {
        let snippets = [
            Self.snippet("loop-practice", section: "actions", priority: 2, order: 40, minutes: 1, covers: ["closing-the-loop"]),
            Self.snippet("loop-stage", section: "actions", priority: 2, order: 20, minutes: 1, covers: ["closing-the-loop", "stage-actions"]),
            Self.snippet("stage-other", section: "actions", priority: 3, order: 10, minutes: 1, covers: ["stage-actions"]),
            Self.snippet("unrelated", priority: 2, order: 30, minutes: 1, covers: ["trust"]),
        ]
        let briefing = Self.assemble(snippets, minutes: 30)
        #expect(briefing.includedSnippetIDs == ["unrelated", "loop-stage"])
        let decision = try #require(briefing.provenance.first { $0.id == "loop-practice" })
        #expect(decision.reason == .duplicate)
        #expect(decision.explanation == "left out: loop-stage already covers the same idea")
    }

    // MARK: Inference

    static let topics = TestSupport.multi("topics", ["service-change", "local-plan"])
    static let inferring: Blueprint = {
        var topics = Self.topics
        topics.options = [ChoiceOption(value: "service-change", label: "Service change", synonyms: ["closing", "care homes", "closure"]),
                          ChoiceOption(value: "local-plan", label: "Local plan", synonyms: ["local plan"])]
        topics.inferredFrom = "challenge"
        return TestSupport.blueprint(questions: [TestSupport.organisation, TestSupport.challenge, topics, TestSupport.minutes])
    }()

    static func scope(_ answers: [String: AnswerValue]) -> EvaluationScope {
        EvaluationScope(blueprint: inferring, answers: Answers(answers))
    }

    @Test func topicsAreReadFromTheChallenge() throws {
        let scope = Self.scope(["challenge": .text("Closing two care homes, then the Local Plan")])
        #expect(scope.answers["topics"] == .choices(["service-change", "local-plan"]))
        let inference = try #require(scope.inference(of: "topics"))
        #expect(inference.explanation
                == #"topics inferred from the challenge: "closing" → service-change, "care homes" → service-change, "local plan" → local-plan"#)
    }

    @Test func anExplicitAnswerEvenEmptyTurnsInferenceOff() {
        #expect(Self.scope(["challenge": .text("closing a care home"), "topics": .choices([])]).inferences.isEmpty)
        #expect(Self.scope(["challenge": .text("closing a care home"), "topics": .choices(["local-plan"])]).answers["topics"]
                == .choices(["local-plan"]))
        #expect(Self.scope(["challenge": .text("a new library strategy")]).answers["topics"] == nil)
        #expect(Self.scope([:]).inferences.isEmpty)
    }

    @Test func inferenceIsDeterministic() {
        let text = "We are closing the care homes and reviewing the local plan after the closure"
        let first = Self.scope(["challenge": .text(text)]).inferences
        for _ in 0..<20 { #expect(Self.scope(["challenge": .text(text)]).inferences == first) }
    }

    // MARK: Loading

    @Test func summariesAndCoversAreReadAndChecked() throws {
        let long = Array(repeating: "word", count: 120).joined(separator: " ")
        let folder = LibraryLoaderTests.library([
            "with.md": LibraryLoaderTests.snippet("""
                title: With a summary
                section: summary
                priority: 1
                covers: [first-idea]
                summary: "Short for {{organisation}}."
                """, body: long),
            "without.md": LibraryLoaderTests.snippet("title: Without a summary\nsection: summary", body: long),
            "bad.md": LibraryLoaderTests.snippet("""
                title: "Bad {{organisation}}"
                section: summary
                covers: ["two words"]
                summary: "Uses {{nope}}.\\n\\n- a list"
                """),
        ])
        let library = try LibraryLoaderTests.load(folder)
        let with = try #require(library.snippet("with"))
        #expect(with.covers == ["first-idea"])
        #expect(with.summaryWordCount == 3)
        let messages = library.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("without.md") && $0.contains("needs a 'summary'") })
        #expect(messages.contains { $0.contains("bad.md") && $0.contains("a title is plain text") })
        #expect(messages.contains { $0.contains("bad.md") && $0.contains("'covers' lists idea ids") })
        #expect(messages.contains { $0.contains("bad.md") && $0.contains("a summary is one or two sentences of inline text") })
        #expect(messages.contains { $0.contains("bad.md") && $0.contains("unknown variable '{{nope}}' in the summary") })
    }
}

/// The coverage check's digit-by-digit walk finds exactly what evaluating every combination in full
/// finds; a question asked only under a condition sends the check down the full path.
@Suite struct CoverageWalkTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden-library").path

    func report(askIf: Bool) throws -> CoverageReport {
        let folder = TemporaryFolder("briefing-walk")
        for name in ["Briefings", "Snippets"] {
            try FileManager.default.copyItem(atPath: Self.golden + "/" + name, toPath: folder.path + "/" + name)
        }
        // Without its summary the ladder no longer fits a 3-minute budget, so some combinations fail.
        let ladder = folder.path + "/Snippets/context/context-ladder.md"
        let text = try String(contentsOfFile: ladder, encoding: .utf8)
        try text.replacingOccurrences(of: "\nsummary:", with: "\nsummary_removed:").write(toFile: ladder, atomically: true, encoding: .utf8)
        if askIf {
            let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/Briefings").first)
            let path = folder.path + "/Briefings/" + file
            let blueprint = try String(contentsOfFile: path, encoding: .utf8)
            try blueprint.replacingOccurrences(of: "  - id: leader_role\n    type: text\n",
                                               with: "  - id: leader_role\n    type: text\n    ask_if: organisation\n")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        let library = try LibraryLoader.load(from: folder.path)
        let blueprint = try #require(library.blueprints.first)
        return CoverageChecker.check(Assembler(library: library, blueprint: blueprint))
    }

    @Test func theWalkAndTheFullPathAgree() throws {
        let walked = try report(askIf: false)
        let full = try report(askIf: true)
        #expect(walked.combinations == full.combinations)
        #expect(walked.emptySectionCount > 0)
        #expect(walked.emptySectionCount == full.emptySectionCount)
        #expect(walked.overflowCount == full.overflowCount)
        #expect(walked.diagnostics(file: "b").map(\.message) == full.diagnostics(file: "b").map(\.message))
    }
}
