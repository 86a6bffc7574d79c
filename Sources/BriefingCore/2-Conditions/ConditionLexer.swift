/// Splits condition text into tokens.
///
/// Offsets count characters (grapheme clusters). Conditions are nearly always ASCII, so the lexer
/// keeps each character's ASCII byte beside it and decides on bytes; only a character that is not a
/// single ASCII scalar asks Unicode. For text that is all ASCII with no `\r` (where "\r\n" would be
/// one character), bytes and characters are the same and no characters are made at all.
struct ConditionLexer {
    /// The characters, or nil when `bytes` says it all.
    private let characters: [Character]?
    /// Each character's byte when it is a single ASCII scalar, else 0.
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) {
        let utf8 = Array(text.utf8)
        if utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D && $0 != 0 }) {
            characters = nil
            bytes = utf8
        } else {
            let characters = Array(text)
            self.characters = characters
            bytes = characters.map { $0.unicodeScalars.count == 1 ? $0.asciiValue ?? 0 : 0 }
        }
    }

    /// All the tokens of the text, ending with `.end`.
    static func tokens(of text: String) throws(ConditionSyntaxError) -> [ConditionToken] {
        var lexer = ConditionLexer(text)
        var tokens: [ConditionToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(ConditionSyntaxError) -> ConditionToken {
        while index < bytes.count, isWhitespace(index) { index += 1 }
        let start = index
        guard index < bytes.count else { return ConditionToken(kind: .end, offset: start) }
        let byte = bytes[index]

        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            return ConditionToken(kind: .string(try string(quote: byte)), offset: start)
        }
        if isDigit(byte) || (byte == UInt8(ascii: "-") && isNumber(index + 1)) {
            return ConditionToken(kind: .number(try number()), offset: start)
        }
        if isLetter(index) || byte == UInt8(ascii: "_") {
            let word = identifier()
            if let keyword = ConditionToken.Keyword(rawValue: word) {
                return ConditionToken(kind: .keyword(keyword), offset: start)
            }
            return ConditionToken(kind: .identifier(word), offset: start)
        }
        for (symbol, spelling) in Self.symbols where matches(spelling) {
            index += spelling.count
            return ConditionToken(kind: .symbol(symbol), offset: start)
        }
        if byte == UInt8(ascii: "=") {
            throw ConditionSyntaxError("'=' is not an operator; use '==' to compare", at: start)
        }
        if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "|") || byte == UInt8(ascii: "!") {
            let hint = byte == UInt8(ascii: "&") ? "and" : byte == UInt8(ascii: "|") ? "or" : "not"
            throw ConditionSyntaxError("unexpected '\(character(at: start))'; write '\(hint)'", at: start)
        }
        throw ConditionSyntaxError("unexpected character '\(character(at: start))'", at: start)
    }

    /// The symbols with their bytes, in the order they are tried (`<=` before `<`).
    private static let symbols = ConditionToken.Symbol.allCases.map { ($0, Array($0.rawValue.utf8)) }

    private func character(at offset: Int) -> Character {
        characters?[offset] ?? Character(Unicode.Scalar(bytes[offset]))
    }

    private func isWhitespace(_ offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte != 0 { return byte == 0x20 || (0x09...0x0D).contains(byte) }
        return characters?[offset].isWhitespace ?? false
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// `Character.isNumber`: for ASCII, the digits; `false` past the end.
    private func isNumber(_ offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        if bytes[offset] != 0 { return isDigit(bytes[offset]) }
        return characters?[offset].isNumber ?? false
    }

    /// `Character.isLetter`: for ASCII, A-Z and a-z; `false` past the end.
    private func isLetter(_ offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        if byte != 0 { return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
        return characters?[offset].isLetter ?? false
    }

    private func matches(_ spelling: [UInt8]) -> Bool {
        guard index + spelling.count <= bytes.count else { return false }
        for (offset, byte) in spelling.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }

    /// The characters `start..<end` as a string.
    private func text(_ start: Int, _ end: Int) -> String {
        if let characters { return String(characters[start..<end]) }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func identifier() -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let isPart = isLetter(index) || isNumber(index) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || (byte == UInt8(ascii: ".") && (isLetter(index + 1) || (index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "_"))))
            guard isPart else { break }
            index += 1
        }
        return text(start, index)
    }

    private mutating func number() throws(ConditionSyntaxError) -> Double {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < bytes.count, isDigit(bytes[index]) || (bytes[index] == UInt8(ascii: ".") && isNumber(index + 1)) {
            index += 1
        }
        let text = text(start, index)
        if index < bytes.count, isLetter(index) {
            throw ConditionSyntaxError("a number cannot run into letters ('\(text)\(character(at: index))')", at: start)
        }
        guard let value = Double(text) else {
            throw ConditionSyntaxError("'\(text)' is not a number", at: start)
        }
        return value
    }

    private mutating func string(quote: UInt8) throws(ConditionSyntaxError) -> String {
        let start = index
        index += 1
        var value = ""
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                index += 1
                return value
            }
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                value.append(character(at: index + 1))
                index += 2
                continue
            }
            if byte == 0x0A { break }
            value.append(character(at: index))
            index += 1
        }
        throw ConditionSyntaxError("unterminated string: add the closing \(Character(Unicode.Scalar(quote)))", at: start)
    }
}
