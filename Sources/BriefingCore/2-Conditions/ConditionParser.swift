/// A hand-written recursive-descent parser for the condition language in product.md:
///
///     expr  := or ;  or := and ("or" and)* ;  and := unary ("and" unary)* ;  unary := "not" unary | cmp
///     cmp   := term [ ("=="|"!="|"<"|"<="|">"|">=") term | "in" list | "contains" term ]
///     term  := IDENT("." IDENT)* | STRING | NUMBER | list | "(" expr ")" ;  list := "[" [term ("," term)*] "]"
public struct ConditionParser {
    private let tokens: [ConditionToken]
    private var position = 0
    /// How deeply the parser has descended into parentheses, `not` and lists.
    private var nesting = 0
    /// How many `and` and `or` it has read.
    private var terms = 0

    private init(tokens: [ConditionToken]) {
        self.tokens = tokens
    }

    /// Parses a whole condition.
    public static func parse(_ text: String) throws(ConditionSyntaxError) -> ConditionExpression {
        guard text.count <= InputLimits.conditionLength else {
            throw ConditionSyntaxError("the condition is \(text.count) characters long; the limit is \(InputLimits.conditionLength)",
                                       at: InputLimits.conditionLength)
        }
        let tokens = try ConditionLexer.tokens(of: text)
        guard tokens.count > 1 else {
            throw ConditionSyntaxError("the condition is empty", at: 0)
        }
        var parser = ConditionParser(tokens: tokens)
        let expression = try parser.parseOr()
        if parser.current.kind != .end {
            throw ConditionSyntaxError(
                "unexpected \(parser.current.display) after a complete condition; join conditions with 'and' or 'or'",
                at: parser.current.offset)
        }
        return expression
    }

    private var current: ConditionToken { tokens[position] }

    private mutating func advance() -> ConditionToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func take(_ keyword: ConditionToken.Keyword) -> Bool {
        guard current.kind == .keyword(keyword) else { return false }
        _ = advance()
        return true
    }

    private mutating func take(_ symbol: ConditionToken.Symbol) -> Bool {
        guard current.kind == .symbol(symbol) else { return false }
        _ = advance()
        return true
    }

    private mutating func parseOr() throws(ConditionSyntaxError) -> ConditionExpression {
        var expression = try parseAnd()
        while take(.or) {
            try countTerm()
            expression = .or(expression, try parseAnd())
        }
        return expression
    }

    private mutating func parseAnd() throws(ConditionSyntaxError) -> ConditionExpression {
        var expression = try parseUnary()
        while take(.and) {
            try countTerm()
            expression = .and(expression, try parseUnary())
        }
        return expression
    }

    private mutating func parseUnary() throws(ConditionSyntaxError) -> ConditionExpression {
        if take(.not) {
            try descend()
            defer { nesting -= 1 }
            return .not(try parseUnary())
        }
        return try parseComparison()
    }

    /// Counts one more `and` or `or`, within the limit.
    private mutating func countTerm() throws(ConditionSyntaxError) {
        terms += 1
        if terms > InputLimits.conditionTerms {
            throw ConditionSyntaxError("the condition joins more than \(InputLimits.conditionTerms) parts with 'and' or 'or'; "
                                       + "split it, or use 'in [...]'", at: tokens[max(0, position - 1)].offset)
        }
    }

    /// Goes one level deeper into parentheses, `not` or a list, within the limit.
    private mutating func descend() throws(ConditionSyntaxError) {
        nesting += 1
        if nesting > InputLimits.conditionNesting {
            throw ConditionSyntaxError("the condition nests more than \(InputLimits.conditionNesting) levels deep",
                                       at: tokens[max(0, position - 1)].offset)
        }
    }

    private mutating func parseComparison() throws(ConditionSyntaxError) -> ConditionExpression {
        let left = try parseTerm()
        if case .symbol(let symbol) = current.kind, let comparison = ComparisonOperator(rawValue: symbol.rawValue) {
            let operatorToken = advance()
            guard current.kind != .end else {
                throw ConditionSyntaxError("expected a value after \(operatorToken.display)", at: current.offset)
            }
            return .comparison(comparison, left, try parseTerm())
        }
        if take(.in) {
            guard current.kind == .symbol(.openBracket) else {
                throw ConditionSyntaxError("expected a list like [\"a\", \"b\"] after 'in', found \(current.display)",
                                           at: current.offset)
            }
            return .membership(left, try parseTerm())
        }
        if take(.contains) {
            return .contains(left, try parseTerm())
        }
        return left
    }

    private mutating func parseTerm() throws(ConditionSyntaxError) -> ConditionExpression {
        let token = current
        switch token.kind {
        case .identifier(let name):
            _ = advance()
            return .identifier(name, offset: token.offset)
        case .string(let value):
            _ = advance()
            return .string(value, offset: token.offset)
        case .number(let value):
            _ = advance()
            return .number(value, offset: token.offset)
        case .symbol(.openBracket):
            _ = advance()
            try descend()
            defer { nesting -= 1 }
            var items: [ConditionExpression] = []
            if !take(.closeBracket) {
                repeat {
                    items.append(try parseTerm())
                } while take(.comma)
                guard take(.closeBracket) else {
                    throw ConditionSyntaxError("expected ',' or ']' in the list, found \(current.display)",
                                               at: current.offset)
                }
            }
            return .list(items, offset: token.offset)
        case .symbol(.openParen):
            _ = advance()
            try descend()
            defer { nesting -= 1 }
            let inner = try parseOr()
            guard take(.closeParen) else {
                throw ConditionSyntaxError("expected ')' to close the '(' at column \(token.offset + 1), found \(current.display)",
                                           at: current.offset)
            }
            return inner
        case .end:
            throw ConditionSyntaxError("the condition ends too early: expected a value", at: token.offset)
        case .keyword(let keyword):
            throw ConditionSyntaxError("expected a value, found the keyword '\(keyword.rawValue)'", at: token.offset)
        case .symbol:
            throw ConditionSyntaxError("expected a value, found \(token.display)", at: token.offset)
        }
    }
}
