import Foundation

/// Text with `{{id}}` and `{{id | fallback}}` variables, split once at load time.
public struct Template: Sendable, Hashable {
    /// A piece of a template.
    public enum Segment: Sendable, Hashable {
        case text(String)
        case variable(Variable)
    }

    /// A `{{name | fallback}}` reference.
    public struct Variable: Sendable, Hashable {
        public var name: String
        /// Markdown used when the question is unanswered.
        public var fallback: String?
        /// Line (0-based, relative to the template) and column (1-based) of the `{{`.
        public var line: Int
        public var column: Int
    }

    public var segments: [Segment]
    /// The template as written.
    public var source: String

    /// Plain text with no variables.
    public init(literal text: String) {
        source = text
        segments = text.isEmpty ? [] : [.text(text)]
    }

    /// Splits `source`; unterminated `{{` or empty names are reported as syntax errors.
    public init(parsing source: String) throws(TemplateSyntaxError) {
        self.source = source
        var segments: [Segment] = []
        let utf8 = source.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let bytes = Array(utf8)
        var rest = 0
        var line = 0, column = 1
        /// Moves `line` and `column` over the bytes `start..<end`: one line per line feed (a "\r\n" is
        /// one character, and ends a line as a "\n" does), then one column per character after the last.
        func advance(from start: Int, to end: Int) {
            var tail = start
            for offset in start..<end where bytes[offset] == 0x0A {
                line += 1
                tail = offset + 1
            }
            if tail > start { column = 1 }
            if bytes[tail..<end].allSatisfy({ $0 < 0x80 }) {
                column += end - tail
            } else {
                column += source[index(tail)..<index(end)].count
            }
        }
        while let open = Self.pair(of: UInt8(ascii: "{"), in: bytes, from: rest) {
            let before = source[index(rest)..<index(open)]
            if !before.isEmpty { segments.append(.text(String(before))) }
            advance(from: rest, to: open)
            guard let close = Self.pair(of: UInt8(ascii: "}"), in: bytes, from: open + 2) else {
                throw TemplateSyntaxError(message: "'{{' is never closed with '}}'", line: line, column: column)
            }
            let inside = source[index(open + 2)..<index(close)]
            if TextSearch.contains(inside, "\n") {
                throw TemplateSyntaxError(message: "a variable must fit on one line: '{{' is not closed on its line",
                                          line: line, column: column)
            }
            let parts = inside.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingSpacesAndTabs()
            guard !name.isEmpty else {
                throw TemplateSyntaxError(message: "empty variable '{{}}': name a question, e.g. {{organisation}}",
                                          line: line, column: column)
            }
            let fallback = parts.count > 1 ? parts[1].trimmingSpacesAndTabs() : nil
            segments.append(.variable(Variable(name: name, fallback: fallback, line: line, column: column)))
            advance(from: open, to: close + 2)
            rest = close + 2
        }
        if rest < bytes.count { segments.append(.text(String(source[index(rest)...]))) }
        self.segments = segments
    }

    /// The offset of the first two `brace` bytes in a row at or after `start`.
    private static func pair(of brace: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        var offset = start
        while offset + 1 < bytes.count {
            if bytes[offset] == brace, bytes[offset + 1] == brace { return offset }
            offset += 1
        }
        return nil
    }

    /// The variables in order of appearance.
    public var variables: [Variable] {
        segments.compactMap { if case .variable(let variable) = $0 { variable } else { nil } }
    }
}

/// A malformed `{{…}}` in a template.
public struct TemplateSyntaxError: Error, Sendable {
    public var message: String
    /// 0-based line within the template, 1-based column.
    public var line: Int
    public var column: Int
}
