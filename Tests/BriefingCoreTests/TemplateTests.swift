import Testing
@testable import BriefingCore

/// `{{id}}` and `{{id | fallback}}` variables: splitting, positions, syntax errors and filling them in.
@Suite struct TemplateTests {
    static func templateError(_ source: String) -> TemplateSyntaxError? {
        do {
            _ = try Template(parsing: source)
            return nil
        } catch {
            return error
        }
    }

    @Test("text without variables is one text segment")
    func plainText() throws {
        let template = try Template(parsing: "No variables here, only {braces} and }} closers.")
        #expect(template.segments == [.text("No variables here, only {braces} and }} closers.")])
        #expect(template.variables.isEmpty)
        #expect(template.source == "No variables here, only {braces} and }} closers.")
    }

    @Test("{{id}} splits the text around a variable")
    func variable() throws {
        let template = try Template(parsing: "Briefing for {{organisation}}.")
        #expect(template.segments.count == 3)
        #expect(template.segments.first == .text("Briefing for "))
        #expect(template.segments.last == .text("."))
        let variable = try #require(template.variables.first)
        #expect(variable.name == "organisation")
        #expect(variable.fallback == nil)
    }

    @Test("{{ id | fallback }} trims the name and the fallback")
    func fallback() throws {
        let template = try Template(parsing: "Written for {{ leader_role | the senior leader }}.")
        let variable = try #require(template.variables.first)
        #expect(variable.name == "leader_role")
        #expect(variable.fallback == "the senior leader")
    }

    @Test("only the first '|' separates the fallback, which may be empty")
    func fallbackEdgeCases() throws {
        let piped = try #require(try Template(parsing: "{{a | x | y}}").variables.first)
        #expect(piped.name == "a")
        #expect(piped.fallback == "x | y")
        let empty = try #require(try Template(parsing: "{{a|}}").variables.first)
        #expect(empty.fallback == "")
    }

    @Test("adjacent variables and variables at both ends")
    func adjacentVariables() throws {
        let template = try Template(parsing: "{{a}}{{b}} and {{c}}")
        #expect(template.variables.map(\.name) == ["a", "b", "c"])
        #expect(template.segments.count == 4)
    }

    @Test("each variable knows its 0-based line and 1-based column")
    func positions() throws {
        let template = try Template(parsing: "Intro {{organisation}} here.\nSecond line.\n  Then {{nation}} and {{stage | soon}}.")
        let positions = template.variables.map { [$0.line, $0.column] }
        #expect(positions == [[0, 7], [2, 8], [2, 23]])
    }

    @Test("columns count characters, so accents and emoji before a variable do not shift it")
    func positionsWithWideCharacters() throws {
        let template = try Template(parsing: "Llŷn 🚀 {{organisation}}")
        #expect(template.variables.first?.column == 8)
    }

    @Test("an unterminated {{ is an error at the {{")
    func unterminated() throws {
        let error = try #require(Self.templateError("Hello {{organisation}}.\n\nThen  {{nation and more"))
        #expect(error.line == 2)
        #expect(error.column == 7)
        #expect(error.message.contains("'{{'"))
        #expect(error.message.contains("'}}'"))
    }

    @Test("a variable may not span lines")
    func variableAcrossLines() throws {
        let error = try #require(Self.templateError("One {{organi\nsation}} two"))
        #expect(error.line == 0)
        #expect(error.column == 5)
        #expect(error.message.contains("one line"))
    }

    @Test("an empty variable is an error", arguments: ["{{}}", "x {{  }} y", "{{ | fallback }}"])
    func emptyName(source: String) throws {
        let error = try #require(Self.templateError(source))
        #expect(error.message.contains("empty variable"))
    }

    // MARK: Filling in

    static let blueprint = TestSupport.blueprint()

    static func render(_ source: String, _ answers: [String: AnswerValue]) throws -> String {
        let scope = EvaluationScope(blueprint: blueprint, answers: Answers(answers))
        return try Template(parsing: source).render(in: scope)
    }

    @Test("a choice inserts its label, a multi-choice its labels as a phrase, a number its value")
    func insertsDisplayText() throws {
        let answers: [String: AnswerValue] = [
            "nation": .choice("wales"), "stage": .choice("options"),
            "drivers": .choices(["trust", "health-inequalities", "net-zero"]), "minutes": .number(15),
        ]
        #expect(try Self.render("{{nation}} / {{stage}} / {{drivers}} / {{minutes}}", answers)
                == "Wales / Developing options / Trust, Health inequalities and Net zero / 15")
    }

    @Test("an unanswered variable takes its fallback as written, or nothing")
    func unansweredVariables() throws {
        #expect(try Self.render("For {{leader_role | the *senior* leader}}.", [:]) == "For the *senior* leader.")
        #expect(try Self.render("For {{leader_role}}.", [:]) == "For .")
        #expect(try Self.render("For {{leader_role | x}}.", ["leader_role": .text("")]) == "For x.")
    }

    @Test("a default fills an unanswered variable before its fallback")
    func defaults() throws {
        #expect(try Self.render("{{minutes | ten}} minutes", [:]) == "10 minutes")
    }

    @Test("answers are escaped in render() and inserted as they are in renderPlain()")
    func escaping() throws {
        let scope = EvaluationScope(blueprint: Self.blueprint,
                                    answers: Answers(["organisation": .text("# Evil <b>x</b> [y](http://z)")]))
        let template = try Template(parsing: "For {{organisation}}")
        #expect(template.render(in: scope) == "For \\# Evil \\<b\\>x\\</b\\> \\[y\\](http\\://z)")
        #expect(template.renderPlain(in: scope) == "For # Evil <b>x</b> [y](http://z)")
    }
}
