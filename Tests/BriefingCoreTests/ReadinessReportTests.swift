import Foundation
import Testing
@testable import BriefingCore

/// The readiness report: evidence and verification read from every input shape, the computed
/// verified values, the capped overall level, the dimensions to work on first, the bars, and golden
/// files of a small fixture assessment in Markdown, text and JSON.
@Suite struct ReadinessReportTests {
    static let date = CalendarDate("2026-01-15")!
    static var fixtures: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("readiness-golden")
    }
    static var sourceFixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/readiness-golden")
    }
    static let library: ContentLibrary = {
        // The fixture library is part of the test bundle; a load failure is a broken test setup.
        try! LibraryLoader.load(from: fixtures.appendingPathComponent("library").path, today: date)
    }()
    static var blueprint: Blueprint { library.blueprint("assessment")! }

    static func answers(_ yaml: String) throws -> Answers {
        try AnswerResolver.resolve(AnswersFile.parse(yaml, file: "test.yaml").answers, for: blueprint)
    }

    static func briefing(_ yaml: String) throws -> Briefing {
        Assembler(library: library, blueprint: blueprint).assemble(try answers(yaml), date: date)
    }

    static let scores = """
        organisation: Test
        voice_heard: 3
        voice_power: 2
        money_pay: 1
        money_budget: 0
        loop_report: 3
        loop_review: 3

        """

    /// Answers for organisation "Test" with the six statements scored in blueprint order.
    static func scored(_ values: [Int]) -> String {
        let ids = ["voice_heard", "voice_power", "money_pay", "money_budget", "loop_report", "loop_review"]
        return "organisation: Test\n" + zip(ids, values).map { "\($0): \($1)\n" }.joined()
    }

    // MARK: The model

    @Test func evidenceAndVerificationAreReadFromYAML() throws {
        let answers = try Self.answers(Self.scores + """
            evidence: { voice_heard: "Panel minutes" }
            verification:
              verifier: "A. Assessor"
              date: 2026-01-10
              scores: { voice_heard: 1, money_pay: "mostly" }
              notes: { voice_heard: "Two quarters only" }
            """)
        #expect(answers.assessment.evidence == ["voice_heard": "Panel minutes"])
        #expect(answers.assessment.verification.verifier == "A. Assessor")
        #expect(answers.assessment.verification.date == CalendarDate("2026-01-10"))
        #expect(answers.assessment.verification.scores == ["voice_heard": 1, "money_pay": 2])
        #expect(answers.assessment.verification.notes == ["voice_heard": "Two quarters only"])
        let scope = EvaluationScope(blueprint: Self.blueprint, answers: answers, date: Self.date)
        #expect(scope.value(of: "verification.status") == .string("partial"))
        #expect(scope.value(of: "verification.count") == .number(2))
        // voice: (1 + 2) / 6 = 50; money: (2 + 0) / 6 = 33; loop falls back to the self-scores.
        #expect(scope.value(of: "verified.score.voice") == .number(50))
        #expect(scope.value(of: "verified.score.money") == .number(33))
        #expect(scope.value(of: "verified.score.loop") == .number(100))
        #expect(scope.value(of: "score.voice") == .number(83))
        #expect(scope.displayText(of: "verification.date") == "10 January 2026")
    }

    @Test func withoutVerificationTheVerifiedValuesAreTheSelfScores() throws {
        let scope = EvaluationScope(blueprint: Self.blueprint, answers: try Self.answers(Self.scores), date: Self.date)
        #expect(scope.value(of: "verification.status") == .string("none"))
        for id in ["voice", "money", "loop", "overall"] {
            #expect(scope.value(of: "verified.score.\(id)") == scope.value(of: "score.\(id)"))
            #expect(scope.value(of: "verified.level.\(id)") == scope.value(of: "level.\(id)"))
        }
    }

    @Test func badVerificationDataIsRejectedWithItsPosition() throws {
        func problems(_ yaml: String) -> [String] {
            do throws(BriefingError) {
                _ = try AnswerResolver.resolve(AnswersFile.parse(Self.scores + yaml, file: "test.yaml").answers, for: Self.blueprint)
                return []
            } catch {
                return error.description.split(separator: "\n").map(String.init)
            }
        }
        let outOfRange = problems("verification: { verifier: X, date: 2026-01-10, scores: { voice_heard: 4 } }")
        #expect(outOfRange.count == 1)
        #expect(outOfRange.first?.hasPrefix("test.yaml:8:") == true)
        #expect(outOfRange.first?.contains("verified score for 'voice_heard' must be 0, 1, 2 or 3") == true)

        let unknown = problems("verification:\n  notes:\n    voice_hear: \"typo\"")
        #expect(unknown.first?.hasPrefix("test.yaml:10:17: error:") == true, "\(unknown)")
        #expect(unknown.first?.contains("unknown statement 'voice_hear' in blueprint assessment; did you mean 'voice_heard'?") == true)

        let badDate = problems("verification: { date: 2026-02-30 }")
        #expect(badDate.first?.contains("verification.date must be a real date written YYYY-MM-DD") == true, "\(badDate)")

        let badField = problems("verification: { verfier: X }")
        #expect(badField.first?.contains("unknown verification field 'verfier'") == true, "\(badField)")
        #expect(badField.first?.contains("did you mean 'verifier'?") == true, "\(badField)")

        let notAssessment = try Self.library.blueprint("assessment").map { _ in "ok" }
        #expect(notAssessment == "ok")
    }

    @Test func csvColumnsAndJSONLinesObjectsGiveTheSameRecord() throws {
        let csv = "organisation,voice_heard,evidence.voice_heard,verification.verifier,verification.date,verification.scores.voice_heard,verification.notes.voice_heard\n"
            + "Test,3,Panel minutes,A. Assessor,2026-01-10,1,Two quarters only\n"
        let jsonLines = #"{"organisation":"Test","voice_heard":3,"evidence":{"voice_heard":"Panel minutes"},"verification":{"verifier":"A. Assessor","date":"2026-01-10","scores":{"voice_heard":1},"notes":{"voice_heard":"Two quarters only"}}}"# + "\n"
        let dotted = #"{"organisation":"Test","voice_heard":3,"evidence.voice_heard":"Panel minutes","verification.verifier":"A. Assessor","verification.date":"2026-01-10","verification.scores.voice_heard":1,"verification.notes.voice_heard":"Two quarters only"}"# + "\n"
        var records: [AssessmentRecord] = []
        for (text, format) in [(csv, BatchInputFormat.csv), (jsonLines, .jsonl), (dotted, .jsonl)] {
            let rows = try BatchTestSupport.rows(text, format: format)
            let row = try #require(rows.first)
            let answers = try AnswerResolver.resolve(row.answers, for: Self.blueprint)
            records.append(answers.assessment)
        }
        #expect(records.count == 3)
        #expect(Set(records).count == 1)
        #expect(records[0].verification.scores == ["voice_heard": 1])
        #expect(records[0].evidence == ["voice_heard": "Panel minutes"])
    }

    @Test func aSessionStoresTheRecordAsDottedKeys() {
        let record = AssessmentRecord(evidence: ["voice_heard": "Minutes"],
                                      verification: Verification(verifier: "V", date: CalendarDate("2026-01-10"),
                                                                 scores: ["voice_heard": 2], notes: ["voice_heard": "n"]))
        #expect(record.flattened.map(\.id) == ["evidence.voice_heard", "verification.verifier", "verification.date",
                                              "verification.scores.voice_heard", "verification.notes.voice_heard"])
    }

    // MARK: Levels, focus and targets

    @Test func theOverallLevelIsCappedAtOneAboveTheWeakestDimension() throws {
        // voice and loop at 100, money at 0: the mean, 67, is Established, but money is Starting.
        let briefing = try Self.briefing(Self.scored([3, 3, 0, 0, 3, 3]))
        let report = try #require(briefing.readiness)
        #expect(report.overall.score == 67)
        #expect(report.overall.averageLevel == .established)
        #expect(report.overall.level == .developing)
        #expect(report.overall.cappedBy == "money")
        #expect(briefing.levels?["overall"] == "developing")
        #expect(report.focus.map(\.dimension) == ["money"])
        let scores = try #require(briefing.sections.first { $0.id == "scores" }?.generated)
        #expect(scores.contains("would be Established, but the overall level is never more than one level above the weakest dimension, and Money and time is at Starting"))
        #expect(briefing.includedSnippetIDs.contains("overall-capped"))
    }

    @Test func allZerosNameTwoDimensionsEachWithBaselineTargetOwnerAndDate() throws {
        let briefing = try Self.briefing(Self.scored([0, 0, 0, 0, 0, 0]))
        let report = try #require(briefing.readiness)
        // Ties go to the dimension the blueprint lists first.
        #expect(report.focus.map(\.dimension) == ["voice", "money"])
        for area in report.focus {
            #expect(area.baseline == 0)
            #expect(area.target == 25 || area.target == 33)
            #expect(area.targetLevel == .developing)
            #expect(area.owner != nil)
        }
        #expect(report.rescoreDate == CalendarDate("2026-04-15"))
        let nextSteps = briefing.sections.first { $0.id == "next-steps" }
        #expect(nextSteps?.snippets.map(\.id) == ["voice-next", "money-next"])
        let table = try #require(nextSteps?.generated)
        #expect(table.contains("| People's voice | 0 (Starting, self-assessed) | 33 or more (Developing): 2 more points across its 2 statements | Head of engagement | 15 April 2026 |"))
    }

    @Test func theNextStepsFollowTheFocusOrderNotTheSnippetOrder() throws {
        // loop (order 30) is weaker than voice (order 10), so it comes first.
        let briefing = try Self.briefing(Self.scored([1, 1, 3, 3, 0, 0]))
        #expect(briefing.readiness?.focus.map(\.dimension) == ["loop", "voice"])
        #expect(briefing.sections.first { $0.id == "next-steps" }?.snippets.map(\.id) == ["loop-next", "voice-next"])
    }

    @Test func strengthsRestOnTheVerifiedScore() throws {
        let selfOnly = try Self.briefing(Self.scores)
        #expect(selfOnly.includedSnippetIDs.contains("voice-strength"))
        let verified = try Self.briefing(Self.scores + "verification: { verifier: V, date: 2026-01-10, scores: { voice_heard: 0, voice_power: 0 } }")
        #expect(!verified.includedSnippetIDs.contains("voice-strength"))
        #expect(verified.readiness?.focus.first?.dimension == "voice")
    }

    @Test func theRescoreDateTakesTheDaysGiven() throws {
        let briefing = try Self.briefing(Self.scores + "rescore_days: 30")
        #expect(briefing.readiness?.rescoreDate == CalendarDate("2026-02-14"))
    }

    // MARK: Bars

    @Test func aScoreOfFiftyIsHalfTheBarOfAHundred() {
        #expect(ScoreBar.bar(100) == String(repeating: "█", count: ScoreBar.width))
        #expect(ScoreBar.bar(50) == String(repeating: "█", count: ScoreBar.width / 2))
        #expect(ScoreBar.bar(0) == "")
        #expect(ScoreBar.bar(33).unicodeScalars.count == 7)
        for score in stride(from: 0, through: 100, by: 1) {
            #expect(DisplayWidth.of(ScoreBar.line(score)) == ScoreBar.width + 5)
        }
    }

    // MARK: Golden files

    static let sets = ["verified", "self-assessed"]

    @Test("readiness reports match their golden files", arguments: sets, OutputFormat.textFormats)
    func golden(set: String, format: OutputFormat) throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("answers/\(set).yaml"), encoding: .utf8)
        let briefing = try Self.briefing(text)
        var actual = format.render(briefing)
        if !actual.hasSuffix("\n") { actual += "\n" }
        let name = "expected/\(set).\(format.fileExtension)"
        if ProcessInfo.processInfo.environment["BRIEFING_RECORD_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: Self.sourceFixtures.appendingPathComponent(name), options: .atomic)
            Issue.record("Recorded \(name); review it, then run the tests again.")
            return
        }
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
        #expect(actual == expected, "\(name) differs at \(RendererGoldenTests.firstDifference(actual, expected))")
    }

    @Test func theVerifiedGoldenListsExactlyTheStatementsThatDiffer() throws {
        let markdown = try String(contentsOf: Self.fixtures.appendingPathComponent("expected/verified.md"), encoding: .utf8)
        #expect(markdown.contains("On 2 statements the verifier's score differs"))
        #expect(markdown.contains("People with lived experience are heard before options close. Self 3, verified 1 (−2)."))
        #expect(markdown.contains("We tell people what changed. Self 3, verified 2 (−1)."))
        #expect(!markdown.contains("We pay people for their time"))
        #expect(markdown.contains("A. Assessor \\| Example \\& Co checked the self-scores against the evidence on 10 January 2026"))
        let selfAssessed = try String(contentsOf: Self.fixtures.appendingPathComponent("expected/self-assessed.md"), encoding: .utf8)
        #expect(selfAssessed.contains("**Self-assessed, not independently verified.**"))
        #expect(!selfAssessed.contains("Verified"))
    }

    @Test func theTextReportKeepsWithinSeventyTwoColumns() throws {
        for set in Self.sets {
            let text = try String(contentsOf: Self.fixtures.appendingPathComponent("expected/\(set).txt"), encoding: .utf8)
            for line in text.split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= 72, "\(set).txt: \(line)")
            }
        }
    }
}
