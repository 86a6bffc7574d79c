import Foundation
import Testing
import BriefingCore
@testable import BriefingChat

/// The readiness assessment in the chat: scores with their evidence, the verifier's pass, the report,
/// and the assessment belonging to the session's organisation.
@Suite struct ReadinessChatTests {
    static let readiness = ChatHarness.library.blueprint("readiness")!
    static var statements: [Question] { readiness.questions.filter { $0.kind == .scale } }
    /// The main interview up to the maturity question.
    static let head = Array(ChatHarness.welshHealthBoard.prefix(4))

    /// Each statement scored `score`, each followed by an evidence line (empty: skipped).
    static func scores(_ score: (Question) -> String, evidence: (Question) -> String = { _ in "" }) -> [String] {
        statements.flatMap { [score($0), evidence($0)] }
    }

    /// The verifier's pass: verifier, date, then a score and a note for each statement.
    static func verification(_ score: (Question) -> String, note: (Question) -> String = { _ in "" }) -> [String] {
        ["A. Assessor, Example Associates", "2026-01-10"] + statements.flatMap { [score($0), note($0)] }
    }

    @Test func assessAtTheMaturityQuestionRunsTheSelfAssessmentWithEvidence() throws {
        let lines = Self.head + ["assess"] + Self.scores({ _ in "1" }, evidence: { $0.id == "leadership_board" ? "Board minutes, March 2026" : "" })
            + ["", "board"]
        let (transcript, engine) = ChatHarness.run(lines: lines)
        #expect(transcript.contains("Readiness self-assessment."))
        #expect(transcript.contains("What does this score rest on?"))
        #expect(engine.interview.answers["maturity"] == .choice("developing"))
        #expect(engine.interview.answers["audience"] == .choice("board"))
        #expect(ChatHarness.flat(transcript).contains("Maturity: Developing, from an overall readiness score of 33 out of 100."))
        #expect(engine.assessment?.answers["organisation"] == .text("Cardiff and Vale University Health Board"))
        #expect(engine.assessment?.answers["stage"] == .choice("options"))
        #expect(engine.assessment?.answers.assessment.evidence == ["leadership_board": "Board minutes, March 2026"])
        // The organisation already given is not asked again, and the scores show as bars at the end.
        #expect(!transcript.contains("Which organisation is this assessment for?"))
        #expect(transcript.contains("Self-assessed, not independently verified."))
        #expect(transcript.contains("██████▋"))
    }

    @Test func aScoreAndItsEvidenceCanComeOnOneLine() {
        let lines = Self.head + ["assess", "2 - board minutes, March 2026"]
        let (transcript, engine) = ChatHarness.run(lines: lines)
        let first = Self.statements[0].id
        #expect(engine.assessment?.answers[first] == .number(2))
        #expect(engine.assessment?.answers.assessment.evidence[first] == "board minutes, March 2026")
        #expect(transcript.contains("with evidence: board minutes, March 2026"))
    }

    @Test func anOrganisationGivenInTheAssessmentAnswersTheInterviewToo() {
        let (_, engine) = ChatHarness.run(lines: ["/assess", "Fife Council", "", "1", ""])
        #expect(engine.interview.answers["organisation"] == .text("Fife Council"))
        #expect(engine.assessment?.answers["organisation"] == .text("Fife Council"))
    }

    @Test func assessingAgainShowsTheLastScoresAndEnterKeepsThem() {
        let lines = Self.head + ["assess"] + Self.scores({ _ in "1" }) + ["", "/assess", "3", ""]
            + Array(repeating: "", count: Self.statements.count - 1)
        let (transcript, engine) = ChatHarness.run(lines: lines)
        #expect(transcript.contains("Your readiness scores so far:"))
        #expect(transcript.contains("Scoring every statement again"))
        #expect(engine.assessment?.answers[Self.statements[0].id] == .number(3))
        #expect(engine.assessment?.answers[Self.statements[1].id] == .number(1))
        #expect(!engine.assessing)
    }

    @Test func verifyShowsEachSelfScoreAndTakesTheVerifiedScoreAndANote() throws {
        let folder = ChatHarness.temporaryDirectory()
        let lines = Self.head + ["assess"] + Self.scores({ _ in "2" }, evidence: { $0.id == "leadership_board" ? "Panel minutes" : "" })
            + ["", "/verify"]
            + Self.verification({ $0.id == "leadership_board" ? "0" : "2" }, note: { $0.id == "leadership_board" ? "No panel met this year" : "" })
            + ["/export readiness md r.md"]
        let (transcript, engine) = ChatHarness.run(lines: lines, workingDirectory: folder)
        #expect(transcript.contains("Verifier's pass."))
        #expect(transcript.contains("Self-score: 2 (mostly)"))
        #expect(transcript.contains("Evidence: Panel minutes"))
        #expect(transcript.contains("Your score differs"))
        #expect(transcript.contains("The verification is complete"))
        let record = try #require(engine.assessment?.answers.assessment)
        #expect(record.verification.verifier == "A. Assessor, Example Associates")
        #expect(record.verification.date == CalendarDate("2026-01-10"))
        #expect(record.verification.scores.count == Self.statements.count)
        #expect(record.verification.notes == ["leadership_board": "No panel met this year"])
        let report = try String(contentsOfFile: folder + "/r.md", encoding: .utf8)
        #expect(report.contains("**Independently verified** by A. Assessor, Example Associates on 10 January 2026: 18 of 18 statements."))
        #expect(report.contains("Verifier's note: No panel met this year"))
        #expect(report.contains("Evidence given: Panel minutes"))
    }

    @Test func aVerificationCanStopPartWayAndCarryOn() throws {
        let state = ChatHarness.temporaryDirectory()
        let first = Self.head + ["assess"] + Self.scores({ _ in "2" }) + ["", "/verify", "A. Assessor", "", "1", "", "3", "note"]
        ChatHarness.run(lines: first, state: state)
        let (transcript, engine) = ChatHarness.run(lines: ["2", ""], state: state, resume: true)
        #expect(transcript.contains("You were part-way through the verification"))
        let scores = try #require(engine.assessment?.answers.assessment.verification.scores)
        #expect(scores[Self.statements[0].id] == 1)
        #expect(scores[Self.statements[1].id] == 3)
        #expect(scores[Self.statements[2].id] == 2)
        #expect(engine.assessment?.answers.assessment.verification.date == ChatHarness.date)
    }

    @Test func everyVerifiedScoreIsOnDiskTheMomentItIsGiven() throws {
        let state = ChatHarness.temporaryDirectory()
        let lines = Self.head + ["assess"] + Self.scores({ _ in "2" }) + ["", "/verify", "A. Assessor", "", "1", "", "0"]
        var saved: [String: RawAnswer.Value] = [:]
        let output = BufferedChatOutput()
        let configuration = ChatConfiguration(library: ChatHarness.library, prefill: [], resume: false,
                                              stateDirectory: StateDirectory(path: state), date: ChatHarness.date,
                                              workingDirectory: state)
        let engine = try ChatEngine(configuration: configuration, output: output)
        let reader = ScriptedLineReader(lines.map { .line($0) })
        engine.start()
        // Read the session file after each line, as a kill -9 at that moment would leave it.
        while case let result = reader.readLine(prompt: engine.prompt), result != .endOfInput {
            _ = engine.handle(result)
            let data = try #require(FileManager.default.contents(atPath: state + "/session.json"))
            saved = try JSONDecoder().decode(SessionSnapshot.self, from: data).readiness
        }
        #expect(saved["verification.scores.\(Self.statements[0].id)"] == .number(1))
        #expect(saved["verification.scores.\(Self.statements[1].id)"] == .number(0))
        #expect(saved["verification.verifier"] == .text("A. Assessor"))
    }

    @Test func resetClearsTheAssessmentAndANewOrganisationStartsClean() throws {
        let folder = ChatHarness.temporaryDirectory()
        let lines = Self.head + ["assess"] + Self.scores({ _ in "3" }, evidence: { _ in "Cardiff evidence" }) + ["", "/reset",
            "Fife Council", "", "scotland", "local government", "council", "strategic", "options", "assess"]
            + Self.scores({ _ in "0" }) + ["", "/export readiness md fife.md"]
        let (transcript, engine) = ChatHarness.run(lines: lines, workingDirectory: folder)
        #expect(transcript.contains("All answers cleared, with the readiness assessment"))
        #expect(engine.assessment?.answers["organisation"] == .text("Fife Council"))
        let report = try String(contentsOfFile: folder + "/fife.md", encoding: .utf8)
        #expect(report.contains("Readiness to co-produce: Fife Council"))
        #expect(!report.contains("Cardiff"))
        #expect(engine.assessment?.answers.assessment.evidence.isEmpty == true)
    }

    @Test func changingTheOrganisationAsksWhetherToKeepTheAssessment() {
        let base = Self.head + ["assess"] + Self.scores({ _ in "1" }) + [""]
        let (kept, keptEngine) = ChatHarness.run(lines: base + ["/set organisation=Cardiff Council", "yes"])
        #expect(kept.contains("Keep the readiness assessment for Cardiff Council?"))
        #expect(keptEngine.assessment?.answers["organisation"] == .text("Cardiff Council"))
        let (_, clearedEngine) = ChatHarness.run(lines: base + ["/change organisation", "Cardiff Council", "no"])
        #expect(clearedEngine.assessment == nil)
        #expect(clearedEngine.interview.answers["organisation"] == .text("Cardiff Council"))
    }

    @Test func answersShowTheReadinessScoresAndAResumeCountsThem() {
        let state = ChatHarness.temporaryDirectory()
        let (transcript, _) = ChatHarness.run(lines: Self.head + ["assess", "2", "Board minutes", "1", "", "/answers"], state: state)
        #expect(transcript.contains("Readiness (2 of 18 statements scored)"))
        #expect(transcript.contains("2 (mostly) · Board minutes"))
        let (resumed, engine) = ChatHarness.run(lines: [], state: state, resume: true)
        #expect(ChatHarness.flat(resumed).contains("7 answers and the readiness self-assessment (2 of 18 statements scored)"))
        #expect(resumed.contains("You were part-way through the readiness self-assessment"))
        #expect(engine.assessing)
    }

    @Test func helpListsTheReadinessCommands() {
        let (transcript, _) = ChatHarness.run(lines: ["/help"])
        #expect(transcript.contains("/assess"))
        #expect(transcript.contains("/verify"))
        #expect(transcript.contains("/export readiness [FORMAT] [PATH]"))
    }

    @Test func verifyBeforeAnyScoreSaysWhatToDo() {
        let (transcript, _) = ChatHarness.run(lines: ["/verify"])
        #expect(transcript.contains("There is nothing to verify yet: /assess scores the statements first."))
    }

    @Test func aSavedReadinessAnswersFileRebuildsTheSameReportAndLoadsBack() throws {
        let folder = ChatHarness.temporaryDirectory()
        let lines = Self.head + ["assess"] + Self.scores({ _ in "2" }, evidence: { $0.id == "power_agenda" ? "Co-chair since May" : "" })
            + ["", "/verify"] + Self.verification({ _ in "1" }, note: { $0.id == "power_agenda" ? "Only one meeting" : "" })
            + ["/save readiness r.yaml", "/export readiness md r.md"]
        let (transcript, _) = ChatHarness.run(lines: lines, workingDirectory: folder)
        #expect(transcript.contains("with the evidence and verification to"))
        let file = try AnswersFile.read(folder + "/r.yaml")
        #expect(file.blueprintID == "readiness")
        let answers = try AnswerResolver.resolve(file.answers, for: Self.readiness)
        #expect(answers.assessment.evidence == ["power_agenda": "Co-chair since May"])
        #expect(answers.assessment.verification.scores.count == 18)
        #expect(answers.assessment.verification.notes == ["power_agenda": "Only one meeting"])
        let rebuilt = MarkdownRenderer.render(Assembler(library: ChatHarness.library, blueprint: Self.readiness)
            .assemble(answers, date: ChatHarness.date))
        #expect(rebuilt == (try String(contentsOfFile: folder + "/r.md", encoding: .utf8)))

        let (loaded, engine) = ChatHarness.run(lines: ["/load r.yaml"], workingDirectory: folder)
        #expect(ChatHarness.flat(loaded).contains("Loaded the readiness assessment from r.yaml: 18 of 18 statements scored, 18 verified"))
        #expect(engine.interview.answers["organisation"] == .text("Cardiff and Vale University Health Board"))
        #expect(engine.assessment?.answers.assessment.verification.notes["power_agenda"] == "Only one meeting")
        let (refused, other) = ChatHarness.run(lines: ["Fife Council", "/load r.yaml"], workingDirectory: folder)
        #expect(ChatHarness.flat(refused).contains("is the readiness assessment of Cardiff and Vale University Health Board, but this session is for Fife Council"))
        #expect(other.assessment == nil)
    }
}
