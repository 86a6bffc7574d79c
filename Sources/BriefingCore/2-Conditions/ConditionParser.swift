/// A hand-written recursive-descent parser for the condition language in product.md:
///
///     expr  := or ;  or := and ("or" and)* ;  and := unary ("and" unary)* ;  unary := "not" unary | cmp
///     cmp   := term [ ("=="|"!="|"<"|"<="|">"|">=") term | "in" list | "contains" term ]
///     term  := IDENT("." IDENT)* | STRING | NUMBER | list | "(" expr ")" ;  list := "[" [term ("," term)*] "]"
public struct ConditionParser {
    private let tokens: [ConditionToken]
    private var position = 0

    private init(tokens: [ConditionToken]) {
        self.tokens = tokens
    }

    /// Parses a whole condition.
    public static func parse(_ text: String) throws(ConditionSyntaxError) -> ConditionExpression {
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
            expression = .or(expression, try parseAnd())
        }
        return expression
    }

    private mutating func parseAnd() throws(ConditionSyntaxError) -> ConditionExpression {
        var expression = try parseUnary()
        while take(.and) {
            expression = .and(expression, try parseUnary())
        }
        return expression
    }

    private mutating func parseUnary() throws(ConditionSyntaxError) -> ConditionExpression {
        if take(.not) {
            return .not(try parseUnary())
        }
        return try parseComparison()
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
