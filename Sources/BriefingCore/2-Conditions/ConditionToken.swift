/// A lexical token of the condition language, with its place in the condition text.
struct ConditionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case identifier(String)
        case string(String)
        case number(Double)
        case keyword(Keyword)
        case symbol(Symbol)
        case end
    }

    enum Keyword: String, Sendable, CaseIterable {
        case and, or, not, `in`, contains
    }

    enum Symbol: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">="
        case less = "<", greater = ">"
        case openParen = "(", closeParen = ")", openBracket = "[", closeBracket = "]", comma = ","
    }

    var kind: Kind
    /// Offset of the first character, in characters from the start of the condition.
    var offset: Int

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case .identifier(let name): "'\(name)'"
        case .string(let value): "\"\(value)\""
        case .number(let value): "'\(ConditionValue.format(value))'"
        case .keyword(let keyword): "'\(keyword.rawValue)'"
        case .symbol(let symbol): "'\(symbol.rawValue)'"
        case .end: "the end of the condition"
        }
    }
}
