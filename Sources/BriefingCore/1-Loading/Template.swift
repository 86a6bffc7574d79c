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

    /// Splits `source`; unterminated `{{` or empty names are reported as syntax errors.
    public init(parsing source: String) throws(TemplateSyntaxError) {
        self.source = source
        var segments: [Segment] = []
        var rest = Substring(source)
        var line = 0, column = 1
        func advance(over text: Substring) {
            for character in text {
                if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += 1 }
            }
        }
        while let open = rest.range(of: "{{") {
            let before = rest[rest.startIndex..<open.lowerBound]
            if !before.isEmpty { segments.append(.text(String(before))) }
            advance(over: before)
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                throw TemplateSyntaxError(message: "'{{' is never closed with '}}'", line: line, column: column)
            }
            let inside = afterOpen[afterOpen.startIndex..<close.lowerBound]
            if inside.contains("\n") {
                throw TemplateSyntaxError(message: "a variable must fit on one line: '{{' is not closed on its line",
                                          line: line, column: column)
            }
            let parts = inside.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                throw TemplateSyntaxError(message: "empty variable '{{}}': name a question, e.g. {{organisation}}",
                                          line: line, column: column)
            }
            let fallback = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
            segments.append(.variable(Variable(name: name, fallback: fallback, line: line, column: column)))
            advance(over: rest[open.lowerBound..<close.upperBound])
            rest = afterOpen[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.text(String(rest))) }
        self.segments = segments
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
