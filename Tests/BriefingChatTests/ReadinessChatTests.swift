import Testing
import BriefingCore
@testable import BriefingChat

@Suite struct ReadinessChatTests {
    @Test func assessAtTheMaturityQuestionRunsTheSelfAssessment() throws {
        let readiness = try #require(ChatHarness.library.blueprint("readiness"))
        let statements = readiness.questions.filter { $0.kind == .scale }
        let head = Array(ChatHarness.welshHealthBoard.prefix(4))
        let scores = statements.map { _ in "1" }
        let (transcript, engine) = ChatHarness.run(lines: head + ["assess"] + scores + ["board"])
        #expect(transcript.contains("Readiness self-assessment."))
        #expect(engine.interview.answers["maturity"] == .choice("developing"))
        #expect(engine.interview.answers["audience"] == .choice("board"))
        #expect(transcript.contains("Maturity: Developing, from an overall readiness score of 33 out of 100."))
        #expect(engine.assessment?.answers["organisation"] == .text("Cardiff and Vale University Health Board"))
    }

    @Test func theReadinessReportCanBeExported() throws {
        let folder = ChatHarness.temporaryDirectory()
        let readiness = try #require(ChatHarness.library.blueprint("readiness"))
        let scores = readiness.questions.filter { $0.kind == .scale }.map { _ in "0" }
        let (transcript, _) = ChatHarness.run(
            lines: Array(ChatHarness.welshHealthBoard.prefix(4)) + ["assess"] + scores + ["/export readiness md r.md"],
            workingDirectory: folder)
        #expect(transcript.contains("Wrote the readiness report"))
        let report = try String(contentsOfFile: folder + "/r.md", encoding: .utf8)
        #expect(report.contains("Readiness to co-produce: Cardiff and Vale University Health Board"))
    }
}
