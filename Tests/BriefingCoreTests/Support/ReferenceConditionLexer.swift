@testable import BriefingCore

/// The condition lexer as it was before its ASCII fast path (Character by Character), kept as the
/// reference the fast one must agree with.
struct ReferenceConditionLexer {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        characters = Array(text)
    }

    /// All the tokens of the text, ending with `.end`.
    static func tokens(of text: String) throws(ConditionSyntaxError) -> [ConditionToken] {
        var lexer = ReferenceConditionLexer(text)
        var tokens: [ConditionToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(ConditionSyntaxError) -> ConditionToken {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        let start = index
        guard index < characters.count else { return ConditionToken(kind: .end, offset: start) }
        let character = characters[index]

        if character == "\"" || character == "'" {
            return ConditionToken(kind: .string(try string(quote: character)), offset: start)
        }
        if character.isASCII, character.isNumber || (character == "-" && peek(1)?.isNumber == true) {
            return ConditionToken(kind: .number(try number()), offset: start)
        }
        if character.isLetter || character == "_" {
            let word = identifier()
            if let keyword = ConditionToken.Keyword(rawValue: word) {
                return ConditionToken(kind: .keyword(keyword), offset: start)
            }
            return ConditionToken(kind: .identifier(word), offset: start)
        }
        for symbol in ConditionToken.Symbol.allCases where matches(symbol.rawValue) {
            index += symbol.rawValue.count
            return ConditionToken(kind: .symbol(symbol), offset: start)
        }
        if character == "=" {
            throw ConditionSyntaxError("'=' is not an operator; use '==' to compare", at: start)
        }
        if character == "&" || character == "|" || character == "!" {
            let hint = character == "&" ? "and" : character == "|" ? "or" : "not"
            throw ConditionSyntaxError("unexpected '\(character)'; write '\(hint)'", at: start)
        }
        throw ConditionSyntaxError("unexpected character '\(character)'", at: start)
    }

    private func peek(_ distance: Int) -> Character? {
        index + distance < characters.count ? characters[index + distance] : nil
    }

    private func matches(_ text: String) -> Bool {
        var offset = 0
        for character in text {
            guard peek(offset) == character else { return false }
            offset += 1
        }
        return true
    }

    private mutating func identifier() -> String {
        var word = ""
        while index < characters.count {
            let character = characters[index]
            let isPart = character.isLetter || character.isNumber || character == "_" || character == "-"
                || (character == "." && peek(1).map { $0.isLetter || $0 == "_" } == true)
            guard isPart else { break }
            word.append(character)
            index += 1
        }
        return word
    }

    private mutating func number() throws(ConditionSyntaxError) -> Double {
        let start = index
        var text = ""
        if characters[index] == "-" { text.append("-"); index += 1 }
        while index < characters.count, characters[index].isASCII,
              characters[index].isNumber || (characters[index] == "." && peek(1)?.isNumber == true) {
            text.append(characters[index])
            index += 1
        }
        if index < characters.count, characters[index].isLetter {
            throw ConditionSyntaxError("a number cannot run into letters ('\(text)\(characters[index])')", at: start)
        }
        guard let value = Double(text) else {
            throw ConditionSyntaxError("'\(text)' is not a number", at: start)
        }
        return value
    }

    private mutating func string(quote: Character) throws(ConditionSyntaxError) -> String {
        let start = index
        index += 1
        var value = ""
        while index < characters.count {
            let character = characters[index]
            if character == quote {
                index += 1
                return value
            }
            if character == "\\", let escaped = peek(1) {
                value.append(escaped)
                index += 2
                continue
            }
            if character == "\n" { break }
            value.append(character)
            index += 1
        }
        throw ConditionSyntaxError("unterminated string: add the closing \(quote)", at: start)
    }
}
