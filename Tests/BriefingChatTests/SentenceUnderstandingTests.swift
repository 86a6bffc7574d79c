import Testing
import BriefingCore
@testable import BriefingChat

/// The pieces that read sentences: the organisation's name and the leader's role, denials, foreign
/// names, and lines that talk to the chat instead of answering.
@Suite struct SentenceUnderstandingTests {
    @Test(arguments: [
        ("We're the chief exec of Fife Council, about to go out to formal consultation", "Fife Council", "Chief Executive"),
        ("I'm Director of Public Health at Swansea Bay University Health Board and we're developing options",
         "Swansea Bay University Health Board", "Director of Public Health"),
        ("Chief Executive of Belfast City Council", "Belfast City Council", "Chief Executive"),
        ("It's for the CEO of Clarion Housing Group, which is consulting tenants", "Clarion Housing Group", "Chief Executive"),
        ("i'm the dph at nhs lothian, early days yet", "NHS Lothian", "Director of Public Health"),
        ("Director of Transformation, Powys County Council", "Powys County Council", "Director of Transformation"),
    ])
    func aSentenceGivesTheNameAndTheRole(line: String, name: String, role: String) {
        let reading = OrganisationSentence(line)
        #expect(reading.isSentence)
        #expect(reading.name == name)
        #expect(reading.role == role)
        #expect(!reading.rest.contains(name))
    }

    @Test(arguments: ["NHS Highland", "Cardiff and Vale University Health Board", "The Highland Council", "Newcastle upon Tyne City Council"])
    func aNameOnItsOwnIsTheName(line: String) {
        let reading = OrganisationSentence(line)
        #expect(!reading.isSentence)
        #expect(reading.name == line)
    }

    @Test(arguments: ["we're a council in fife", "we are a housing association in Glasgow", "we're weighing up options"])
    func aSentenceWithoutANameGivesNone(line: String) {
        #expect(OrganisationSentence(line).name == nil)
    }

    @Test func aRoleAloneIsNotAnOrganisation() {
        let reading = OrganisationSentence("Chief Executive")
        #expect(reading.name == nil)
        #expect(reading.role == "Chief Executive")
        #expect(LeaderRoles.title(ofWhole: "the CEO") == "Chief Executive")
        #expect(LeaderRoles.title(ofWhole: "Director of Nursing") == "Director of Nursing")
        #expect(LeaderRoles.title(ofWhole: "Head of Community Engagement and Insight") == nil)
    }

    @Test func denialsReachOnlyTheirOwnClause() throws {
        let blueprint = try #require(ChatHarness.library.blueprint("senior-leader"))
        let matcher = PhraseMatcher(questions: blueprint.questions.filter { $0.id == "drivers" })
        let reading = matcher.reading("not budget pressure, just trust")
        #expect(reading.affirmed.map(\.option.value) == ["trust"])
        #expect(reading.denied.map(\.option.value) == ["budget-pressure"])
        #expect(matcher.matches(in: "no net zero target but health inequalities").map(\.option.value) == ["health-inequalities"])
        #expect(matcher.matches(in: "trust rather than net zero").map(\.option.value) == ["trust"])
    }

    @Test(arguments: ["New South Wales Health", "New York City Health", "Nova Scotia Health Authority", "New England Board"])
    func aPlaceInsideAForeignNameIsNoNation(name: String) throws {
        let blueprint = try #require(ChatHarness.library.blueprint("senior-leader"))
        let nation = try #require(blueprint.question("nation"))
        #expect(PhraseMatcher(questions: [nation]).matches(in: name).isEmpty)
        #expect(PhraseMatcher(questions: [nation]).matches(in: "South Wales Police").map(\.option.value) == ["wales"])
    }

    @Test func commandWordsAndQuestionsAboutTheQuestionAreNotAnswers() {
        #expect(MetaInput.classify("help me") == .help)
        #expect(MetaInput.classify("what does this mean?") == .help)
        #expect(MetaInput.classify("why?") == .help)
        #expect(MetaInput.classify("quit") == .command("quit"))
        #expect(MetaInput.classify("exit") == .command("quit"))
        #expect(MetaInput.classify("How do we redesign urgent care without losing public trust?") == nil)
        #expect(MetaInput.classify("options") == nil)
        #expect(MetaInput.classify("Help the Aged Cymru") == nil)
    }
}
