import Testing
@testable import BriefingCore

/// Static checks of conditions against a blueprint's vocabulary: unknown identifiers, option literals
/// that do not exist, and comparisons between mismatched types, each with a did-you-mean where one helps.
@Suite struct ConditionCheckerTests {
    static let vocabulary = Vocabulary(blueprint: TestSupport.blueprint(
        questions: [TestSupport.organisation, TestSupport.nation, TestSupport.stage, TestSupport.drivers,
                    TestSupport.minutes, TestSupport.scale("power-1", dimension: "power"),
                    TestSupport.scale("power-2", dimension: "power")],
        dimensions: [BriefingCore.Dimension(id: "power", title: "Sharing power")]))

    static func problems(_ text: String) throws -> [ConditionChecker.Problem] {
        ConditionChecker.check(try ConditionParser.parse(text), in: vocabulary)
    }

    @Test("conditions that use the vocabulary correctly have no problems", arguments: [
        "nation == \"wales\"",
        "nation in [\"wales\", \"scotland\"]",
        "drivers contains \"trust\"",
        "minutes >= 10",
        "organisation",
        "organisation contains \"council\"",
        "score.power < 50 and level.power == \"starting\"",
        "score.overall >= 75 or level.overall != \"embedded\"",
        "blueprint == \"senior-leader\"",
        "not (stage == \"decision\") and nation != \"england\"",
        "\"wales\" == nation",
    ])
    func validConditions(text: String) throws {
        #expect(try Self.problems(text).isEmpty, "\(text)")
    }

    @Test("an unknown identifier is an error at its offset, with a did-you-mean")
    func unknownIdentifier() throws {
        let problems = try Self.problems("stage == \"options\" and natoin == \"wales\"")
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.severity == .error)
        #expect(problem.offset == 23)
        #expect(problem.message == "unknown identifier 'natoin' in blueprint senior-leader; did you mean 'nation'?")
    }

    @Test("an unknown computed value suggests the computed values that exist")
    func unknownComputedValue() throws {
        let problem = try #require(try Self.problems("score.powr >= 50").first)
        #expect(problem.message.contains("'score.powr'"))
        #expect(problem.message.contains("did you mean 'score.power'?"))
    }

    @Test("an identifier far from every name gets no suggestion")
    func unknownWithoutSuggestion() throws {
        let problem = try #require(try Self.problems("xyzzy").first)
        #expect(problem.message == "unknown identifier 'xyzzy' in blueprint senior-leader")
    }

    @Test("nation == \"walse\" is an error at the string, with did you mean \"wales\"")
    func misspeltOption() throws {
        let problems = try Self.problems("nation == \"walse\"")
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.severity == .error)
        #expect(problem.offset == 10)
        #expect(problem.message == "\"walse\" is not an option of 'nation'; did you mean \"wales\"?")
    }

    @Test("misspelt options are found in lists, after 'contains', and on the left of '=='")
    func misspeltOptionsEverywhere() throws {
        let inList = try Self.problems("stage in [\"options\", \"decison\"]")
        #expect(inList.map(\.offset) == [21])
        #expect(inList.first?.message.contains("did you mean \"decision\"?") == true)

        let afterContains = try Self.problems("drivers contains \"trsut\"")
        #expect(afterContains.map(\.offset) == [17])
        #expect(afterContains.first?.message.contains("did you mean \"trust\"?") == true)

        let onTheLeft = try Self.problems("\"englnd\" != nation")
        #expect(onTheLeft.map(\.offset) == [0])
        #expect(onTheLeft.first?.message.contains("did you mean \"england\"?") == true)

        let level = try Self.problems("level.power == \"embeded\"")
        #expect(level.first?.message.contains("did you mean \"embedded\"?") == true)
    }

    @Test("a literal far from every option lists the options instead")
    func optionWithoutSuggestion() throws {
        let problem = try #require(try Self.problems("stage == \"banana\"").first)
        #expect(problem.message.contains("\"banana\" is not an option of 'stage'"))
        #expect(problem.message.contains("early-thinking, options, formal-consultation, decision"))
    }

    @Test("a text question compared with a number is an error at the number")
    func textComparedWithNumber() throws {
        let problems = try Self.problems("organisation == 5")
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.severity == .error)
        #expect(problem.offset == 16)
        #expect(problem.message.contains("'organisation' is a text question"))
        #expect(problem.message.contains("number 5"))
    }

    @Test("a number question compared with a string is an error")
    func numberComparedWithString() throws {
        let problem = try #require(try Self.problems("minutes == \"ten\"").first)
        #expect(problem.severity == .error)
        #expect(problem.offset == 11)
        #expect(problem.message.contains("'minutes' is a number question"))
    }

    @Test("ordering on a choice question is an error at the identifier", arguments: ["<", "<=", ">", ">="])
    func orderingOnChoice(operator symbol: String) throws {
        let problems = try Self.problems("stage \(symbol) \"options\"")
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.severity == .error)
        #expect(problem.offset == 0)
        #expect(problem.message == "'\(symbol)' compares numbers, but 'stage' is a choice question")
    }

    @Test("ordering on a text question is an error")
    func orderingOnText() throws {
        let problem = try #require(try Self.problems("organisation > 3").first)
        #expect(problem.message.contains("compares numbers"))
        #expect(problem.message.contains("a text question"))
    }

    @Test("'contains' on a choice question is an error that suggests '=='")
    func containsOnChoice() throws {
        let problems = try Self.problems("nation contains \"wales\"")
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.severity == .error)
        #expect(problem.offset == 0)
        #expect(problem.message.contains("'contains' is for multi-choice"))
        #expect(problem.message.contains("'=='"))
    }

    @Test("'==' on a multi-choice with one string warns towards 'contains'")
    func equalityOnMultiWarns() throws {
        let problems = try Self.problems("drivers == \"trust\"")
        #expect(problems.map(\.severity) == [.warning])
        #expect(problems.first?.message.contains("drivers contains \"trust\"") == true)
    }

    @Test("every problem in a condition is reported, not only the first")
    func allProblems() throws {
        let problems = try Self.problems("natoin == \"wales\" or nation == \"walse\" or organisation == 3 or stage > 1")
        #expect(problems.count == 4)
        #expect(problems.allSatisfy { $0.severity == .error })
        #expect(problems.map(\.offset) == [0, 31, 58, 63])
    }
}
