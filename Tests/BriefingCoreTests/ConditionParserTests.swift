import Testing
@testable import BriefingCore

/// The condition grammar of product.md, parsed into trees, and syntax errors with their exact positions.
@Suite struct ConditionParserTests {
    /// The tree as an S-expression, without offsets, so expectations read like the grammar.
    static func tree(_ text: String) throws -> String {
        sexp(try ConditionParser.parse(text))
    }

    static func sexp(_ expression: ConditionExpression) -> String {
        switch expression {
        case .identifier(let name, _): name
        case .string(let text, _): "\"\(text)\""
        case .number(let number, _): ConditionValue.format(number)
        case .list(let items, _): "[" + items.map(sexp).joined(separator: " ") + "]"
        case .not(let operand): "(not \(sexp(operand)))"
        case .and(let left, let right): "(and \(sexp(left)) \(sexp(right)))"
        case .or(let left, let right): "(or \(sexp(left)) \(sexp(right)))"
        case .comparison(let comparison, let left, let right): "(\(comparison.rawValue) \(sexp(left)) \(sexp(right)))"
        case .membership(let left, let right): "(in \(sexp(left)) \(sexp(right)))"
        case .contains(let left, let right): "(contains \(sexp(left)) \(sexp(right)))"
        }
    }

    /// The syntax error `text` gives, or nil when it parses.
    static func syntaxError(_ text: String) -> ConditionSyntaxError? {
        do {
            _ = try ConditionParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    // MARK: The grammar

    @Test("comparisons with every operator", arguments: [
        ("nation == \"wales\"", "(== nation \"wales\")"),
        ("nation != \"wales\"", "(!= nation \"wales\")"),
        ("minutes < 10", "(< minutes 10)"),
        ("minutes <= 10", "(<= minutes 10)"),
        ("minutes > 10", "(> minutes 10)"),
        ("minutes >= 10", "(>= minutes 10)"),
        ("minutes>=10", "(>= minutes 10)"),
        ("\"wales\" == nation", "(== \"wales\" nation)"),
    ])
    func comparisons(text: String, expected: String) throws {
        #expect(try Self.tree(text) == expected)
    }

    @Test("'and' binds tighter than 'or', 'not' tighter than 'and'", arguments: [
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c", "(or (and a b) c)"),
        ("not a and b", "(and (not a) b)"),
        ("not a or not b", "(or (not a) (not b))"),
        ("not not a", "(not (not a))"),
        ("not nation == \"wales\"", "(not (== nation \"wales\"))"),
        ("a or b or c", "(or (or a b) c)"),
        ("a and b and c", "(and (and a b) c)"),
    ])
    func precedence(text: String, expected: String) throws {
        #expect(try Self.tree(text) == expected)
    }

    @Test("parentheses override precedence", arguments: [
        ("(a or b) and c", "(and (or a b) c)"),
        ("not (a or b)", "(not (or a b))"),
        ("((a))", "a"),
        ("(nation == \"wales\" or nation == \"scotland\") and not (stage == \"decision\")",
         "(and (or (== nation \"wales\") (== nation \"scotland\")) (not (== stage \"decision\")))"),
    ])
    func parentheses(text: String, expected: String) throws {
        #expect(try Self.tree(text) == expected)
    }

    @Test("'in' lists, including empty and numeric lists", arguments: [
        ("stage in [\"options\", \"decision\"]", "(in stage [\"options\" \"decision\"])"),
        ("stage in ['options']", "(in stage [\"options\"])"),
        ("stage in []", "(in stage [])"),
        ("minutes in [5, 10, 15]", "(in minutes [5 10 15])"),
        ("drivers in [\"trust\",\"net-zero\"] and nation == \"wales\"",
         "(and (in drivers [\"trust\" \"net-zero\"]) (== nation \"wales\"))"),
    ])
    func membership(text: String, expected: String) throws {
        #expect(try Self.tree(text) == expected)
    }

    @Test("'contains' takes a term")
    func contains() throws {
        #expect(try Self.tree("drivers contains \"trust\"") == "(contains drivers \"trust\")")
        #expect(try Self.tree("not drivers contains 'net-zero'") == "(not (contains drivers \"net-zero\"))")
    }

    @Test("dotted identifiers name computed values")
    func dottedIdentifiers() throws {
        #expect(try Self.tree("score.power >= 50") == "(>= score.power 50)")
        #expect(try Self.tree("level.overall == \"embedded\"") == "(== level.overall \"embedded\")")
        #expect(try Self.tree("a.b.c") == "a.b.c")
        #expect(try Self.tree("leader_role") == "leader_role")
    }

    @Test("numbers: whole, decimal and negative", arguments: [
        ("minutes == 10", "(== minutes 10)"),
        ("minutes == 2.5", "(== minutes 2.5)"),
        ("minutes > -5", "(> minutes -5)"),
        ("minutes > -0.25", "(> minutes -0.25)"),
        ("-3 < minutes", "(< -3 minutes)"),
    ])
    func numbers(text: String, expected: String) throws {
        #expect(try Self.tree(text) == expected)
    }

    @Test("single- and double-quoted strings, with escapes")
    func strings() throws {
        #expect(try Self.tree("nation == 'wales'") == "(== nation \"wales\")")
        #expect(try Self.tree("nation == \"wales\"") == "(== nation \"wales\")")
        #expect(try Self.tree("challenge contains \"it's\"") == "(contains challenge \"it's\")")
        #expect(try Self.tree("challenge contains 'say \"no\"'") == "(contains challenge \"say \"no\"\")")
        #expect(try Self.tree(#"challenge contains "a \"b\" c""#) == "(contains challenge \"a \"b\" c\")")
        #expect(try Self.tree("x == 'Cymraeg: Llywodraeth Cymru ✓'") == "(== x \"Cymraeg: Llywodraeth Cymru ✓\")")
    }

    @Test("keywords are whole words: 'order' and 'android' are identifiers")
    func keywordsAreWholeWords() throws {
        #expect(try Self.tree("order > 1 and android") == "(and (> order 1) android)")
        #expect(try Self.tree("notes or inside") == "(or notes inside)")
    }

    @Test("whitespace, including newlines, separates tokens")
    func whitespace() throws {
        #expect(try Self.tree("  nation  ==\n\"wales\"\n and\tminutes>=5  ")
                == "(and (== nation \"wales\") (>= minutes 5))")
    }

    @Test("offsets point at the first character of each term")
    func offsets() throws {
        let expression = try ConditionParser.parse("nation == \"wales\" and minutes > 5")
        guard case .and(let left, let right) = expression,
              case .comparison(.equal, .identifier("nation", let nationOffset), .string("wales", let walesOffset)) = left,
              case .comparison(.greater, .identifier("minutes", let minutesOffset), .number(5, let fiveOffset)) = right
        else {
            Issue.record("unexpected tree: \(Self.sexp(expression))")
            return
        }
        #expect([nationOffset, walesOffset, minutesOffset, fiveOffset] == [0, 10, 22, 32])
        #expect(expression.identifiers == ["nation", "minutes"])
    }

    @Test("Condition keeps its source and lists the identifiers it reads once each, in order")
    func conditionSource() throws {
        let condition = try Condition(parsing: "stage == \"options\" or (nation == \"wales\" and stage != \"decision\")")
        #expect(condition.source == "stage == \"options\" or (nation == \"wales\" and stage != \"decision\")")
        #expect(condition.expression.identifiers == ["stage", "nation"])
    }

    // MARK: Syntax errors, with positions

    @Test("'=' instead of '==' is reported at its column with a hint")
    func singleEquals() throws {
        let text = "nation = \"wales\""
        let error = try #require(Self.syntaxError(text))
        #expect(error.offset == 7)
        #expect(error.position(in: text) == (line: 1, column: 8))
        #expect(error.message.contains("'=='"))
    }

    @Test("an unterminated string is reported where it opens")
    func unterminatedString() throws {
        let text = "nation == \"wales"
        let error = try #require(Self.syntaxError(text))
        #expect(error.position(in: text) == (line: 1, column: 11))
        #expect(error.message.contains("unterminated string"))

        let single = "nation == 'wales\" and x"
        let singleError = try #require(Self.syntaxError(single))
        #expect(singleError.position(in: single) == (line: 1, column: 11))
        #expect(singleError.message.contains("'"))
    }

    @Test("a string cannot run across lines")
    func stringAcrossLines() throws {
        let text = "nation == \"wal\nes\""
        let error = try #require(Self.syntaxError(text))
        #expect(error.position(in: text) == (line: 1, column: 11))
        #expect(error.message.contains("unterminated string"))
    }

    @Test("a list without its ']' is reported where the list should close")
    func missingBracket() throws {
        let text = "stage in [\"options\", \"decision\""
        let error = try #require(Self.syntaxError(text))
        #expect(error.position(in: text) == (line: 1, column: 32))
        #expect(error.message.contains("']'"))

        let inside = "stage in [\"options\" \"decision\"]"
        let insideError = try #require(Self.syntaxError(inside))
        #expect(insideError.position(in: inside) == (line: 1, column: 21))
        #expect(insideError.message.contains("']'"))
    }

    @Test("a dangling 'and' or 'or' is reported at the end of the condition")
    func danglingOperator() throws {
        let text = "nation == \"wales\" and"
        let error = try #require(Self.syntaxError(text))
        #expect(error.position(in: text) == (line: 1, column: 22))
        #expect(error.message.contains("ends too early"))

        let orText = "nation == \"wales\" or "
        let orError = try #require(Self.syntaxError(orText))
        #expect(orError.position(in: orText) == (line: 1, column: 22))
    }

    @Test("a comparison without its right-hand value")
    func missingValue() throws {
        let text = "minutes >="
        let error = try #require(Self.syntaxError(text))
        #expect(error.position(in: text) == (line: 1, column: 11))
        #expect(error.message.contains("'>='"))
    }

    @Test("an empty or blank condition", arguments: ["", "   ", "\n\t"])
    func empty(text: String) throws {
        let error = try #require(Self.syntaxError(text))
        #expect(error.offset == 0)
        #expect(error.message.contains("empty"))
    }

    @Test("an error on the second line of a condition carries that line")
    func multiLine() throws {
        let text = "nation == \"wales\"\n  and stage = \"options\""
        let error = try #require(Self.syntaxError(text))
        #expect(error.position(in: text) == (line: 2, column: 13))
        #expect(error.message.contains("'=='"))

        let third = "a\nand b\nand (c or"
        let thirdError = try #require(Self.syntaxError(third))
        #expect(thirdError.position(in: third) == (line: 3, column: 10))
    }

    @Test("C-style operators get a hint towards the keyword", arguments: [
        ("a && b", 3, "'and'"),
        ("a || b", 3, "'or'"),
        ("!a", 1, "'not'"),
    ])
    func cStyleOperators(text: String, column: Int, hint: String) throws {
        let error = try #require(Self.syntaxError(text))
        #expect(error.position(in: text).column == column)
        #expect(error.message.contains(hint))
    }

    @Test("other malformed conditions", arguments: [
        ("(nation == \"wales\"", 19, "')'"),
        ("nation == \"wales\")", 18, "')'"),
        ("nation \"wales\"", 8, "and"),
        ("stage in \"options\"", 10, "list"),
        ("minutes > 5x", 11, "letters"),
        ("nation == and", 11, "'and'"),
        ("== \"wales\"", 1, "'=='"),
        ("nation == wales @", 17, "'@'"),
        ("not", 4, "ends too early"),
        ("()", 2, "')'"),
    ])
    func malformed(text: String, column: Int, fragment: String) throws {
        let error = try #require(Self.syntaxError(text), "\(text) should not parse")
        #expect(error.position(in: text) == (line: 1, column: column), "\(text): \(error.message)")
        #expect(error.message.contains(fragment), "\(text): \(error.message)")
    }

    @Test("columns count characters, not bytes")
    func columnsCountCharacters() throws {
        let text = "challenge == \"Llŷn 🚀\" and = 1"
        let error = try #require(Self.syntaxError(text))
        #expect(error.position(in: text) == (line: 1, column: 27))
    }
}
