import Testing
@testable import BriefingCore

/// Checking raw answers against their questions: options by value, label, synonym or case; did-you-mean
/// for typos; multi-choice lists; number ranges; scale labels; unknown question ids.
@Suite struct AnswerResolverTests {
    static let blueprint = TestSupport.blueprint(questions: [
        TestSupport.organisation, TestSupport.leaderRole, TestSupport.nation, TestSupport.stage, TestSupport.drivers,
        TestSupport.minutes, TestSupport.challenge, TestSupport.scale("power-1", dimension: "power"),
    ])

    static func resolve(_ id: String, _ value: RawAnswer.Value) throws(AnswerProblem) -> AnswerValue? {
        try AnswerResolver.resolve(value, for: blueprint.question(id)!)
    }

    static func problem(_ id: String, _ value: RawAnswer.Value) -> String? {
        do {
            _ = try resolve(id, value)
            return nil
        } catch {
            return error.message
        }
    }

    /// Resolves a whole answers list; the diagnostics when it fails.
    static func diagnostics(_ raw: [RawAnswer]) -> [Diagnostic]? {
        do {
            _ = try AnswerResolver.resolve(raw, for: blueprint)
            return nil
        } catch {
            guard case .badData(let diagnostics) = error else { return [] }
            return diagnostics
        }
    }

    // MARK: Choices

    @Test("a choice matches its value, label or synonym, ignoring case and spaces", arguments: [
        "wales", "Wales", "WALES", "  wales  ", "cymru", "Cymru", "welsh", "CARDIFF",
    ])
    func choiceMatches(text: String) throws {
        #expect(try Self.resolve("nation", .text(text)) == .choice("wales"))
    }

    @Test("a multi-word label matches whatever its case and spacing")
    func labelMatches() throws {
        #expect(try Self.resolve("nation", .text("northern   ireland")) == .choice("northern-ireland"))
        #expect(try Self.resolve("stage", .text("Developing Options")) == .choice("options"))
        #expect(try Self.resolve("nation", .list(["Scotland"])) == .choice("scotland"))
    }

    @Test("a misspelt choice fails with a did-you-mean", arguments: [
        ("walse", "wales"), ("scotlnd", "scotland"), ("Englnd", "england"), ("optoins", "options"),
    ])
    func choiceTypos(text: String, suggestion: String) throws {
        let id = suggestion == "options" ? "stage" : "nation"
        let message = try #require(Self.problem(id, .text(text)))
        #expect(message.contains("\"\(text)\" is not an option of '\(id)'"))
        #expect(message.contains("did you mean \"\(suggestion)\"?"), "\(message)")
    }

    @Test("an answer far from every option lists the options")
    func choiceWithoutSuggestion() throws {
        let message = try #require(Self.problem("nation", .text("atlantis")))
        #expect(message.contains("england, scotland, wales, northern-ireland, uk-wide"))
    }

    @Test("a choice takes one option only")
    func choiceTakesOne() throws {
        let message = try #require(Self.problem("nation", .list(["wales", "england"])))
        #expect(message.contains("takes one option"))
    }

    // MARK: Multi-choice

    @Test("a multi-choice takes values separated by ';', or a list, in the blueprint's option order")
    func multiChoice() throws {
        #expect(try Self.resolve("drivers", .text("trust;net-zero")) == .choices(["trust", "net-zero"]))
        #expect(try Self.resolve("drivers", .text("Net zero; TRUST")) == .choices(["trust", "net-zero"]))
        #expect(try Self.resolve("drivers", .list(["health-inequalities", "trust"])) == .choices(["trust", "health-inequalities"]))
        #expect(try Self.resolve("drivers", .text("trust;;trust; ")) == .choices(["trust"]))
    }

    @Test("a misspelt multi-choice value fails with a did-you-mean")
    func multiChoiceTypo() throws {
        let message = try #require(Self.problem("drivers", .text("trust;nett-zero")))
        #expect(message.contains("\"nett-zero\""))
        #expect(message.contains("did you mean \"net-zero\"?"))
        let listMessage = try #require(Self.problem("drivers", .list(["trsut"])))
        #expect(listMessage.contains("did you mean \"trust\"?"))
    }

    // MARK: Numbers

    @Test("numbers arrive as numbers or as text")
    func numbers() throws {
        #expect(try Self.resolve("minutes", .number(15)) == .number(15))
        #expect(try Self.resolve("minutes", .text(" 12 ")) == .number(12))
        #expect(try Self.resolve("minutes", .text("7.5")) == .number(7.5))
        #expect(try Self.resolve("minutes", .number(3)) == .number(3))
        #expect(try Self.resolve("minutes", .number(60)) == .number(60))
    }

    @Test("a number outside its range fails and says the range", arguments: [2.0, 61.0, -5.0])
    func numberOutOfRange(number: Double) throws {
        let message = try #require(Self.problem("minutes", .number(number)))
        #expect(message == "'minutes' must be from 3 to 60, not \(ConditionValue.format(number))")
    }

    @Test("text that is not a number fails and says the range")
    func notANumber() throws {
        let message = try #require(Self.problem("minutes", .text("ten")))
        #expect(message == "'minutes' needs a number from 3 to 60, not \"ten\"")
        #expect(Self.problem("minutes", .text("nan")) != nil)
        #expect(Self.problem("minutes", .text("inf")) != nil)
        #expect(Self.problem("minutes", .list(["5"])) != nil)
    }

    // MARK: Scale statements

    @Test("a scale statement takes 0-3 or its labels", arguments: [
        (RawAnswer.Value.number(0), 0.0), (.number(3), 3), (.text("2"), 2), (.text("Not yet"), 0),
        (.text("starting"), 1), (.text("MOSTLY"), 2), (.text("Fully"), 3), (.text("always"), 3),
    ])
    func scale(value: RawAnswer.Value, score: Double) throws {
        #expect(try Self.resolve("power-1", value) == .number(score))
    }

    @Test("a scale statement rejects fractions, scores out of range and unknown words")
    func scaleRejects() throws {
        #expect(try #require(Self.problem("power-1", .number(2.5))).contains("0, 1, 2 or 3"))
        #expect(try #require(Self.problem("power-1", .number(4))).contains("from 0 to 3"))
        let typo = try #require(Self.problem("power-1", .text("mostyl")))
        #expect(typo.contains("did you mean \"2\"?") || typo.contains("did you mean \"Mostly\"?"), "\(typo)")
    }

    // MARK: Text

    @Test("text is trimmed and loses control characters; blank text is unanswered")
    func text() throws {
        #expect(try Self.resolve("organisation", .text("  Cardiff\u{7} Council \n")) == .text("Cardiff Council"))
        #expect(try Self.resolve("organisation", .text("   ")) == nil)
        #expect(try Self.resolve("organisation", .number(42)) == .text("42"))
        #expect(try Self.resolve("organisation", .null) == nil)
    }

    @Test("text longer than the limit fails")
    func textTooLong() throws {
        let message = try #require(Self.problem("challenge", .text(String(repeating: "x", count: 2_001))))
        #expect(message.contains("2001 characters"))
        #expect(try Self.resolve("challenge", .text(String(repeating: "x", count: 2_000))) != nil)
    }

    // MARK: Whole answer sets

    @Test("an unknown question id fails with a did-you-mean, at the answer's location")
    func unknownQuestion() throws {
        let location = SourceLocation(file: "a.yaml", line: 3, column: 9)
        let diagnostics = try #require(Self.diagnostics([RawAnswer(id: "natoin", value: .text("wales"), location: location)]))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == location)
        #expect(diagnostics.first?.message == "unknown question 'natoin' in blueprint senior-leader; did you mean 'nation'?")
        #expect(diagnostics.first?.description == "a.yaml:3:9: error: unknown question 'natoin' in blueprint senior-leader; did you mean 'nation'?")
    }

    @Test("every problem in an answer set is reported at once")
    func allProblems() throws {
        let raw = [
            RawAnswer(id: "organisation", value: .text("Cardiff"), location: SourceLocation(file: "a.yaml", line: 1, column: 15)),
            RawAnswer(id: "nation", value: .text("walse"), location: SourceLocation(file: "a.yaml", line: 2, column: 9)),
            RawAnswer(id: "minutes", value: .number(90), location: SourceLocation(file: "a.yaml", line: 3, column: 10)),
            RawAnswer(id: "sectr", value: .text("health"), location: SourceLocation(file: "a.yaml", line: 4, column: 8)),
        ]
        let diagnostics = try #require(Self.diagnostics(raw))
        #expect(diagnostics.map(\.location.line) == [2, 3, 4])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test("a later answer replaces an earlier one, and a null answer clears it")
    func laterAnswersWin() throws {
        let here = TestSupport.here
        let answers = try AnswerResolver.resolve([
            RawAnswer(id: "nation", value: .text("england"), location: here),
            RawAnswer(id: "nation", value: .text("wales"), location: here),
            RawAnswer(id: "stage", value: .text("options"), location: here),
            RawAnswer(id: "stage", value: .null, location: here),
        ], for: Self.blueprint)
        #expect(answers["nation"] == .choice("wales"))
        #expect(answers["stage"] == nil)
    }

    @Test("--set id=value parses into a raw answer; a missing '=' is a usage error")
    func assignments() throws {
        let answer = try RawAnswer.parseAssignment("drivers=trust;net-zero")
        #expect(answer.id == "drivers")
        #expect(answer.value == .text("trust;net-zero"))
        #expect(try RawAnswer.parseAssignment("organisation=A=B").value == .text("A=B"))
        #expect(try RawAnswer.parseAssignment("leader_role=").value == .null)
        do {
            _ = try RawAnswer.parseAssignment("nation")
            Issue.record("'nation' without '=' should not parse")
        } catch {
            #expect(error.exitCode == 64)
        }
    }

    @Test("required questions left unanswered are listed, skipping those whose ask_if is false")
    func missingRequired() throws {
        var conditional = TestSupport.text("board_paper", required: true)
        conditional.askIf = try Condition(parsing: "stage == \"decision\"")
        let blueprint = TestSupport.blueprint(questions: [TestSupport.organisation, TestSupport.nation, TestSupport.stage, conditional])
        let missing = AnswerResolver.missingRequired(Answers(["stage": .choice("options")]), in: blueprint)
        #expect(missing.map(\.id) == ["organisation", "nation"])
        let atDecision = AnswerResolver.missingRequired(Answers(["stage": .choice("decision")]), in: blueprint)
        #expect(atDecision.map(\.id) == ["organisation", "nation", "board_paper"])
    }

    // MARK: Answers files

    @Test("an answers file maps ids to values, lists and numbers, and may name its blueprint")
    func answersFile() throws {
        let file = try AnswersFile.parse("""
            blueprint: senior-leader
            organisation: "Cardiff and Vale"
            drivers: [trust, net-zero]
            minutes: 10
            leader_role: ~
            """, file: "a.yaml")
        #expect(file.blueprintID == "senior-leader")
        #expect(file.answers.map(\.id) == ["organisation", "drivers", "minutes", "leader_role"])
        #expect(file.answers.map(\.value) == [.text("Cardiff and Vale"), .list(["trust", "net-zero"]), .number(10), .null])
        #expect(file.answers[1].location == SourceLocation(file: "a.yaml", line: 3, column: 10))
    }

    @Test("malformed YAML answers fail with the line and column")
    func malformedAnswers() throws {
        do {
            _ = try AnswersFile.parse("organisation: Cardiff\nnation: [wales\nstage: options\n", file: "a.yaml")
            Issue.record("malformed YAML should not parse")
        } catch {
            #expect(error.exitCode == 65)
            guard case .badData(let diagnostics) = error else { return }
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?.location == SourceLocation(file: "a.yaml", line: 3, column: 6))
            #expect(diagnostics.first?.message.contains("flow sequence at line 2, column 9") == true)
            #expect(error.description.hasPrefix("a.yaml:3:6: error: invalid YAML"))
        }
        do {
            _ = try AnswersFile.parse("organisation: Cardiff\nnation: wales: x\n", file: "b.yaml")
            Issue.record("malformed YAML should not parse")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.description.hasPrefix("b.yaml:2:14: error: invalid YAML"))
        }
    }

    @Test("an answers file that is not a mapping is bad data")
    func answersNotAMapping() throws {
        do {
            _ = try AnswersFile.parse("- wales\n- england\n", file: "a.yaml")
            Issue.record("a list should not be accepted as answers")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.description.contains("a.yaml:1:1: error:"))
        }
    }
}
