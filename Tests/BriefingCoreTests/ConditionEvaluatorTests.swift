import Testing
@testable import BriefingCore

/// Evaluating conditions against answers: null semantics, `in`, `contains`, ordering, the boolean
/// operators, and the words that explain an outcome.
@Suite struct ConditionEvaluatorTests {
    /// A Welsh health board at the options stage with a ten-minute budget; `leader_role` is unanswered.
    static let scope = DictionaryScope([
        "nation": .string("wales"),
        "stage": .string("options"),
        "sector": .string("health-social-care"),
        "drivers": .list([.string("trust"), .string("net-zero")]),
        "minutes": .number(10),
        "organisation": .string("Cardiff and Vale University Health Board"),
        "empty_multi": .list([]),
        "empty_text": .string(""),
        "score.power": .number(40),
        "level.power": .string("developing"),
    ])

    static func holds(_ text: String, in scope: DictionaryScope = ConditionEvaluatorTests.scope) throws -> Bool {
        try Condition(parsing: text).holds(in: scope)
    }

    @Test("equality and inequality on answered questions", arguments: [
        ("nation == \"wales\"", true),
        ("nation == \"england\"", false),
        ("nation != \"england\"", true),
        ("nation != \"wales\"", false),
        ("\"wales\" == nation", true),
        ("minutes == 10", true),
        ("minutes == 10.0", true),
        ("minutes != 10", false),
        ("minutes == \"10\"", false),
        ("level.power == \"developing\"", true),
    ])
    func equality(text: String, expected: Bool) throws {
        #expect(try Self.holds(text) == expected, "\(text)")
    }

    @Test("any comparison with an unanswered question is false, whatever the operator", arguments: [
        "leader_role == \"Chief Executive\"",
        "leader_role != \"Chief Executive\"",
        "leader_role < 3",
        "leader_role <= 3",
        "leader_role > 3",
        "leader_role >= 3",
        "leader_role in [\"a\", \"b\"]",
        "leader_role contains \"a\"",
        "score.unknown >= 0",
        "\"x\" == leader_role",
        "leader_role == leader_role",
    ])
    func nullComparisonsAreFalse(text: String) throws {
        #expect(try Self.holds(text) == false, "\(text)")
    }

    @Test("'not' of a null comparison is true, since the comparison itself is false")
    func notOfNull() throws {
        #expect(try Self.holds("not leader_role == \"Chief Executive\""))
        #expect(try Self.holds("not (leader_role != \"Chief Executive\")"))
    }

    @Test("an identifier alone is true only when answered and not empty", arguments: [
        ("nation", true),
        ("drivers", true),
        ("minutes", true),
        ("leader_role", false),
        ("empty_multi", false),
        ("empty_text", false),
        ("not leader_role", true),
        ("not nation", false),
    ])
    func identifierAlone(text: String, expected: Bool) throws {
        #expect(try Self.holds(text) == expected, "\(text)")
    }

    @Test("'in' on a choice: true when the value is in the list", arguments: [
        ("nation in [\"scotland\", \"wales\"]", true),
        ("nation in [\"england\", \"scotland\"]", false),
        ("nation in []", false),
        ("minutes in [5, 10]", true),
        ("minutes in [5, 15]", false),
    ])
    func membershipForChoice(text: String, expected: Bool) throws {
        #expect(try Self.holds(text) == expected, "\(text)")
    }

    @Test("'in' on a multi-choice: true when any of its values is in the list", arguments: [
        ("drivers in [\"net-zero\"]", true),
        ("drivers in [\"health-inequalities\", \"trust\"]", true),
        ("drivers in [\"health-inequalities\", \"consultation-fatigue\"]", false),
        ("empty_multi in [\"trust\"]", false),
    ])
    func membershipForMulti(text: String, expected: Bool) throws {
        #expect(try Self.holds(text) == expected, "\(text)")
    }

    @Test("'contains' on a multi-choice", arguments: [
        ("drivers contains \"trust\"", true),
        ("drivers contains \"net-zero\"", true),
        ("drivers contains \"health-inequalities\"", false),
        ("empty_multi contains \"trust\"", false),
        ("not drivers contains \"health-inequalities\"", true),
    ])
    func contains(text: String, expected: Bool) throws {
        #expect(try Self.holds(text) == expected, "\(text)")
    }

    @Test("'!=' on a multi-choice compares the whole selection")
    func notEqualOnMulti() throws {
        #expect(try Self.holds("drivers != [\"trust\"]"))
        #expect(try !Self.holds("drivers != [\"net-zero\", \"trust\"]"))
        #expect(try Self.holds("drivers == [\"net-zero\", \"trust\"]"))
    }

    @Test("numeric ordering", arguments: [
        ("minutes < 11", true),
        ("minutes < 10", false),
        ("minutes <= 10", true),
        ("minutes > 9.5", true),
        ("minutes > 10", false),
        ("minutes >= 10", true),
        ("minutes >= 10.01", false),
        ("minutes > -1", true),
        ("score.power >= 25 and score.power < 50", true),
        ("5 < minutes", true),
    ])
    func ordering(text: String, expected: Bool) throws {
        #expect(try Self.holds(text) == expected, "\(text)")
    }

    @Test("ordering is for numbers only: strings never compare as less or greater")
    func orderingNeedsNumbers() throws {
        #expect(try !Self.holds("nation > \"england\""))
        #expect(try !Self.holds("nation < \"zzz\""))
        #expect(try !Self.holds("minutes > \"5\""))
    }

    @Test("not, and, or with precedence", arguments: [
        ("nation == \"wales\" and stage == \"options\"", true),
        ("nation == \"wales\" and stage == \"decision\"", false),
        ("nation == \"england\" or stage == \"options\"", true),
        ("nation == \"england\" or stage == \"decision\"", false),
        ("nation == \"england\" and stage == \"decision\" or minutes == 10", true),
        ("nation == \"england\" and (stage == \"decision\" or minutes == 10)", false),
        ("not nation == \"england\" and not stage == \"decision\"", true),
        ("not (nation == \"wales\" or stage == \"decision\")", false),
        ("leader_role or nation", true),
        ("leader_role and nation", false),
    ])
    func booleanOperators(text: String, expected: Bool) throws {
        #expect(try Self.holds(text) == expected, "\(text)")
    }

    // MARK: Explanations

    static func outcome(_ text: String, in scope: DictionaryScope = ConditionEvaluatorTests.scope) throws -> ConditionOutcome {
        try Condition(parsing: text).evaluate(in: scope)
    }

    @Test("a false equality names the actual and the expected value")
    func explainFalseEquality() throws {
        let england = DictionaryScope(["nation": .string("england")])
        let outcome = try Self.outcome("nation == \"wales\"", in: england)
        #expect(outcome.holds == false)
        #expect(outcome.explanation == "nation is england, not wales")
        #expect(outcome.reads == [ConditionRead(identifier: "nation", value: .string("england"))])
    }

    @Test("a true equality names the value")
    func explainTrueEquality() throws {
        let outcome = try Self.outcome("nation == \"wales\"")
        #expect(outcome.holds)
        #expect(outcome.explanation == "nation is wales")
    }

    @Test("an unanswered question is said to be unanswered")
    func explainUnanswered() throws {
        let outcome = try Self.outcome("leader_role == \"Chief Executive\"")
        #expect(outcome.holds == false)
        #expect(outcome.explanation == "leader_role is not answered")
        #expect(outcome.reads == [ConditionRead(identifier: "leader_role", value: .null)])
    }

    @Test("explanations of in, contains and ordering")
    func explainOtherOperators() throws {
        #expect(try Self.outcome("stage in [\"early-thinking\", \"decision\"]").explanation
                == "stage is options, not one of early-thinking, decision")
        #expect(try Self.outcome("stage in [\"options\", \"decision\"]").explanation == "stage is options")
        #expect(try Self.outcome("drivers contains \"trust\"").explanation == "drivers includes trust")
        #expect(try Self.outcome("drivers contains \"health-inequalities\"").explanation
                == "drivers does not include health-inequalities (it is trust, net-zero)")
        #expect(try Self.outcome("minutes >= 15").explanation == "minutes is 10, not >= 15")
        #expect(try Self.outcome("minutes >= 5").explanation == "minutes is 10 (>= 5)")
        #expect(try Self.outcome("nation != \"england\"").explanation == "nation is wales, not england")
    }

    @Test("'and' explains only the parts that failed; 'or' only the parts that held")
    func explainCombinations() throws {
        let failedAnd = try Self.outcome("nation == \"england\" and stage == \"options\" and minutes > 20")
        #expect(failedAnd.holds == false)
        #expect(failedAnd.explanation == "nation is wales, not england; minutes is 10, not > 20")
        #expect(failedAnd.reads.map(\.identifier) == ["nation", "stage", "minutes"])

        let heldOr = try Self.outcome("nation == \"england\" or stage == \"options\"")
        #expect(heldOr.holds)
        #expect(heldOr.explanation == "stage is options")

        let heldAnd = try Self.outcome("nation == \"wales\" and drivers contains \"trust\"")
        #expect(heldAnd.explanation == "nation is wales and drivers includes trust")
    }

    @Test("the explanation agrees with holds() for every condition")
    func explanationAgreesWithEvaluation() throws {
        let conditions = [
            "nation == \"wales\"", "not nation == \"wales\"", "leader_role", "not leader_role",
            "drivers contains \"trust\" and not (stage in [\"decision\"])", "minutes > 5 or leader_role == \"x\"",
            "leader_role != \"x\"", "not (leader_role != \"x\")", "empty_multi", "drivers in [\"a\"] or nation",
        ]
        for text in conditions {
            let condition = try Condition(parsing: text)
            #expect(condition.evaluate(in: Self.scope).holds == condition.holds(in: Self.scope), "\(text)")
        }
    }
}
