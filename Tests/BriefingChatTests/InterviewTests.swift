import Foundation
import Testing
import BriefingCore
@testable import BriefingChat

@Suite struct InterviewTests {
    @Test func aMixedInterviewFillsEveryQuestion() {
        let (transcript, engine) = ChatHarness.run(lines: [
            "Highland Council",            // text; "highland" also names Scotland
            "",                            // skip the role
            "We're a council working at neighbourhood level",
            "scotlnd",                     // nothing left to ask about nation: a sentence reply
            "1",                           // stage by number
            "Established",                 // maturity by label
            "elected",                     // audience by prefix
            "net zero; fatigue",           // drivers by label and synonym prefix
            "20",
            "",                            // no challenge
            "",                            // no topics
        ])
        let answers = engine.interview.answers
        #expect(answers["organisation"] == .text("Highland Council"))
        #expect(answers["nation"] == .choice("scotland"))
        #expect(answers["sector"] == .choice("local-government"))
        #expect(answers["level"] == .choice("neighbourhood"))
        #expect(answers["stage"] == .choice("early-thinking"))
        #expect(answers["maturity"] == .choice("established"))
        #expect(answers["audience"] == .choice("elected-members"))
        #expect(answers["drivers"] == .choices(["consultation-fatigue", "net-zero"]))
        #expect(answers["minutes"] == .number(20))
        #expect(answers["body"] == .choice("local-authority"))
        #expect(engine.interview.skipped.contains("leader_role"))
        #expect(transcript.contains("Your briefing is ready."))
    }

    @Test func theTopicsQuestionOffersWhatTheChallengeSaysAndEnterKeepsIt() {
        let (transcript, engine) = ChatHarness.run(lines: [
            "Fife Council", "", "3", "decision", "developing", "elected members", "", "",
            "We must consult on closing two care homes", "", "/answers",
        ])
        #expect(engine.interview.answers["body"] == .choice("local-authority"))
        #expect(ChatHarness.flat(transcript).contains("From the challenge I read: Service change (\"closing\" and \"care homes\")."))
        #expect(engine.interview.answers["topics"] == nil)
        #expect(transcript.contains("Service change (from the challenge)"))
    }

    @Test func theKindOfBodyIsAskedWhenTheNameDoesNotTellIt() {
        let (transcript, engine) = ChatHarness.run(lines: ["Acme", "", "england", "local-government", "housing association"])
        #expect(transcript.contains("What kind of organisation is it"))
        #expect(engine.interview.answers["body"] == .choice("housing-provider"))
    }

    @Test func aTypoIsTakenWithANote() {
        let (transcript, engine) = ChatHarness.run(lines: ["Acme", "", "scotlnd"])
        #expect(engine.interview.answers["nation"] == .choice("scotland"))
        #expect(transcript.contains("taking \"scotlnd\" as Scotland"))
    }

    @Test func aSentenceFillsEveryQuestionItRecognises() {
        let (transcript, engine) = ChatHarness.run(lines: [
            "Acme", "", "We're an NHS trust in Cardiff, at formal consultation",
        ])
        let answers = engine.interview.answers
        #expect(answers["nation"] == .choice("wales"))
        #expect(answers["sector"] == .choice("health-social-care"))
        #expect(answers["stage"] == .choice("formal-consultation"))
        #expect(transcript.contains("Got it: Nation: Wales"))
    }

    @Test func anAmbiguousPrefixAsksWhichOneWasMeant() {
        // "s" at the level question could be Service or Strategic: a numbered list of its own, and
        // "2" picks the second entry of that list, not the second option of the question.
        let (transcript, engine) = ChatHarness.run(lines: ["Acme", "", "england", "local-government", "", "s", "2"])
        #expect(ChatHarness.flat(transcript).contains("\"s\" could be any of these. Did you mean: 1. Service 2. Strategic"))
        #expect(engine.interview.answers["level"] == .choice("strategic"))
    }

    @Test func outOfRangeNumbersAreRefusedWithTheRange() {
        let (transcript, engine) = ChatHarness.run(lines: ["Acme", "", "9"])
        #expect(engine.interview.answers["nation"] == nil)
        #expect(transcript.contains("There is no option 9: pick a number from 1 to 5."))
    }

    @Test func requiredQuestionsCannotBeSkipped() {
        let (transcript, engine) = ChatHarness.run(lines: [""])
        #expect(engine.interview.answers["organisation"] == nil)
        #expect(transcript.contains("This one is needed for the briefing."))
    }

    @Test func questionMarkShowsTheHelp() {
        let (transcript, _) = ChatHarness.run(lines: ["Acme", "", "?"])
        let nation = ChatHarness.library.blueprint("senior-leader")!.question("nation")!
        #expect(ChatHarness.flat(transcript).contains(nation.help!))
    }

    @Test func minutesOutOfRangeSaysTheRange() {
        let script = Array(ChatHarness.welshHealthBoard.prefix(7)) + ["90"]
        let (transcript, engine) = ChatHarness.run(lines: script)
        #expect(engine.interview.answers["minutes"] == nil)
        #expect(transcript.contains("90 is too large: please give a number from 3 to 60."))
    }

    @Test func anEmptyLineKeepsTheDefaultNumber() {
        let (_, engine) = ChatHarness.run(lines: ChatHarness.welshHealthBoard)
        #expect(engine.interview.answers["minutes"] == .number(10))
    }

    @Test func utf8AnswersArriveIntact() {
        let (_, engine) = ChatHarness.run(lines: ["Cyngor Sir Ynys Môn"])
        #expect(engine.interview.answers["organisation"] == .text("Cyngor Sir Ynys Môn"))
    }

    @Test func theTranscriptIsTheSameOnEveryRun() {
        let first = ChatHarness.run(lines: ChatHarness.welshHealthBoard + ["/outline", "/quit"]).transcript
        let second = ChatHarness.run(lines: ChatHarness.welshHealthBoard + ["/outline", "/quit"]).transcript
        #expect(first == second)
        #expect(!first.contains("\u{1B}["))
    }
}
