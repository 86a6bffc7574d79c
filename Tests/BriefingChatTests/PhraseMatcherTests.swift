import Testing
import BriefingCore
@testable import BriefingChat

@Suite struct SentenceReaderTests {
    let reader = SentenceReader(questions: ChatHarness.library.blueprint("senior-leader")!.questions)

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
        #expect(SentenceReader.words("We’re (an) NHS-trust, in Belfast!") == ["we're", "an", "nhs-trust", "in", "belfast"])
    }
}
