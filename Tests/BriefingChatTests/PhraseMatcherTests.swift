import Testing
import BriefingCore
@testable import BriefingChat

@Suite struct PhraseMatcherTests {
    let reader = PhraseMatcher(questions: ChatHarness.library.blueprint("senior-leader")!.questions)

    func answers(_ text: String) -> [String: String] {
        Dictionary(reader.matches(in: text).map { ($0.questionID, $0.option.value) }) { first, _ in first }
    }

    @Test func anNHSTrustInCardiff() {
        let found = answers("We're an NHS trust in Cardiff, at formal consultation")
        #expect(found["sector"] == "health-social-care")
        #expect(found["nation"] == "wales")
        #expect(found["stage"] == "formal-consultation")
        #expect(found["drivers"] == nil)
    }

    @Test func longerPhrasesWin() {
        let found = answers("a health board in Glasgow")
        #expect(found["sector"] == "health-social-care")
        #expect(found["nation"] == "scotland")
        #expect(found["audience"] == nil)
    }

    @Test func wordsArePunctuationInsensitive() {
        #expect(PhraseMatcher.words("We’re (an) NHS-trust, in Belfast!") == ["we're", "an", "nhs-trust", "in", "belfast"])
    }
}

@Suite struct PhraseMatcherBodyTests {
    let matcher = PhraseMatcher(questions: ChatHarness.library.blueprint("senior-leader")!.sentenceQuestions(asking: nil))

    func answers(_ text: String) -> [String: String] {
        Dictionary(matcher.matches(in: text).map { ($0.questionID, $0.option.value) }) { first, _ in first }
    }

    @Test(arguments: [
        ("NHS Highland", "nhs-body", "scotland", "health-social-care"),
        ("Fife Council", "local-authority", "scotland", "local-government"),
        ("Clarion Housing", "housing-provider", nil, "housing"),
        ("National Grid", "developer", nil, "energy-infrastructure"),
    ] as [(String, String, String?, String)])
    func namesGiveTheKindOfBody(name: String, body: String, nation: String?, sector: String) {
        let found = answers(name)
        #expect(found["body"] == body)
        #expect(found["nation"] == nation)
        #expect(found["sector"] == sector)
    }

    @Test func aConceptPhraseTakesItsWordsFromShorterPhrases() {
        let found = answers("we have consultation fatigue")
        #expect(found["drivers"] == "consultation-fatigue")
        #expect(found["stage"] == nil)
        #expect(answers("an NHS trust")["drivers"] == nil)
    }

    @Test func topicsAreNotReadFromSentencesButFromTheChallenge() {
        #expect(answers("closing two care homes")["topics"] == nil)
    }
}
