import Testing
@testable import BriefingCore

@Suite struct SuggestionTests {
    @Test func typosAreCaughtByEditDistance() {
        #expect(Suggestion.closest(to: "walse", in: ["england", "wales", "scotland"]) == "wales")
        #expect(Suggestion.closest(to: "natoin", in: ["nation", "sector"]) == "nation")
    }

    @Test func abbreviationsAreCaughtByTheirStart() {
        #expect(Suggestion.closest(to: "local-govt", in: ["local-government", "central-government"]) == "local-government")
        #expect(Suggestion.closest(to: "exec", in: ["executive-team", "elected-members"]) == "executive-team")
    }

    @Test func nothingIsSuggestedWhenNothingIsClose() {
        #expect(Suggestion.closest(to: "atlantis", in: ["england", "wales"]) == nil)
        // An abbreviation that could mean two things suggests neither.
        #expect(Suggestion.closest(to: "stat", in: ["statutory-duty", "strategic", "state-aid"]) == nil)
    }

    @Test func anOptionTypoSuggestsItsValue() {
        let question = Question(id: "sector", kind: .choice, ask: "?", options: [
            ChoiceOption(value: "local-government", label: "Local government"),
            ChoiceOption(value: "central-government", label: "Central government"),
        ], location: SourceLocation(file: "t", line: 1, column: 1))
        #expect(OptionMatcher.suggestion(for: "local-govt", in: question)?.value == "local-government")
    }
}
