import Foundation
import Yams

/// Turns a `Snippets/**/*.md` file into a `Snippet`, collecting every problem on the way.
enum SnippetDecoder {
    static let keys = ["id", "title", "section", "blueprints", "when", "priority", "order", "minutes",
                       "sources", "reviewed", "summary", "covers", "dimension"]
    /// The most words a summary may have.
    static let summaryWordLimit = 60
    /// A priority-1 or priority-2 snippet longer than this needs a summary.
    static let summaryNeededAbove = 100

    static func decode(_ text: String, file: String, defaultID: String) -> (Snippet?, [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let parts = FrontMatter.split(text) else {
            return (nil, [.error(at: start, "a snippet must start with YAML front matter between '---' lines")])
        }
        var diagnostics: [Diagnostic] = []
        let document: YAMLDocument
        do {
            document = try YAMLDocument(parsing: parts.yaml, file: file, lineOffset: 1)
        } catch {
            if case .badData(let found) = error { return (nil, found) }
            return (nil, [.error(at: start, error.description)])
        }
        guard var fields = YAMLFields(document.root, in: document, what: "the front matter", diagnostics: &diagnostics)
        else { return (nil, diagnostics) }
        fields.warnAboutUnknownKeys(keys, in: "snippet front matter")

        let id = fields.string("id") ?? defaultID
        let title = fields.string("title", required: true)
        if let title, TextSearch.contains(title, "{{") {
            fields.diagnostics.append(.error(at: fields.location(of: "title"),
                                             "a title is plain text: '{{' variables are not filled in titles, so write it without one"))
        }
        let section = fields.string("section", required: true)
        let blueprints = fields.strings("blueprints")
        let when = fields.condition("when")
        let priority = fields.int("priority", in: 1...3) ?? 2
        let order = fields.int("order") ?? 50
        let minutes = fields.number("minutes")
        if let minutes, minutes <= 0 {
            fields.diagnostics.append(.error(at: fields.location(of: "minutes"), "'minutes' must be above 0"))
        }
        let covers = fields.strings("covers") ?? []
        for idea in covers where idea.isEmpty || containsWhitespace(idea) {
            fields.diagnostics.append(.error(at: fields.location(of: "covers"),
                                             "'covers' lists idea ids such as wales-llais, not '\(idea)'"))
        }
        let reviewed = reviewedDate(&fields)
        let sources = citations(&fields, document: document)

        var body: Template?
        do {
            body = try Template(parsing: parts.body)
        } catch {
            fields.diagnostics.append(.error(
                at: SourceLocation(file: file, line: parts.bodyLine + error.line, column: error.column), error.message))
        }
        if parts.body.isBlank {
            fields.diagnostics.append(.error(at: SourceLocation(file: file, line: parts.bodyLine, column: 1),
                                             "the snippet has no body"))
        }
        fields.diagnostics += MarkdownBodyChecker.check(parts.body, file: file, firstLine: parts.bodyLine)
        let bodyWords = WordCount.count(in: parts.body)
        let (summary, summaryWords) = decodeSummary(&fields, file: file)
        if summary == nil, priority <= 2, bodyWords > summaryNeededAbove, fields.value("summary") == nil {
            fields.diagnostics.append(.warning(
                at: start, "a priority-\(priority) snippet of \(bodyWords) words needs a 'summary' for short briefings"))
        }
        diagnostics += fields.diagnostics

        guard let title, let section, let body else { return (nil, diagnostics) }
        let snippet = Snippet(id: id, title: title, section: section, blueprints: blueprints, when: when?.condition,
                              priority: priority, order: order, minutes: minutes, body: body,
                              summary: summary, summaryWordCount: summaryWords, covers: covers,
                              dimension: fields.string("dimension"), sources: sources,
                              reviewed: reviewed, wordCount: bodyWords, location: start,
                              whenLocation: when?.start, whenLocations: when?.locations ?? [], bodyLine: parts.bodyLine)
        return (snippet, diagnostics)
    }

    /// Whether some character of `text` is whitespace, judged on bytes when the text is plain ASCII.
    private static func containsWhitespace(_ text: String) -> Bool {
        if LibraryLoader.isPlainASCII(text) { return text.utf8.contains { $0 == 0x20 || (0x09...0x0D).contains($0) } }
        return text.contains(where: \.isWhitespace)
    }

    /// The `summary:` as a template of inline Markdown, with its word count.
    private static func decodeSummary(_ fields: inout YAMLFields, file: String) -> (Template?, Int) {
        guard let node = fields.value("summary") else { return (nil, 0) }
        let at = fields.location(of: "summary")
        guard let text = node.scalar?.string, !text.isBlank else {
            fields.diagnostics.append(.error(at: at, "'summary' must be one or two sentences of text"))
            return (nil, 0)
        }
        let template: Template
        do {
            template = try Template(parsing: text)
        } catch {
            fields.diagnostics.append(.error(at: at, "in 'summary': \(error.message)"))
            return (nil, 0)
        }
        let words = WordCount.count(in: text)
        if words > summaryWordLimit {
            fields.diagnostics.append(.warning(at: at, "the summary has \(words) words; keep it to \(summaryWordLimit)"))
        }
        fields.diagnostics += MarkdownBodyChecker.checkInline(text, at: at)
        return (template, words)
    }

    private static func reviewedDate(_ fields: inout YAMLFields) -> String? {
        guard let node = fields.value("reviewed"), let text = node.scalar?.string else { return nil }
        guard CalendarDate(text) != nil else {
            fields.diagnostics.append(.error(at: fields.location(of: "reviewed"),
                                             "'reviewed' must be a date written YYYY-MM-DD, not '\(text)'"))
            return nil
        }
        return text
    }

    private static func citations(_ fields: inout YAMLFields, document: YAMLDocument) -> [Citation] {
        fields.sequence("sources").compactMap { node -> Citation? in
            guard var item = YAMLFields(node, in: document, what: "a source", diagnostics: &fields.diagnostics) else {
                return nil
            }
            item.warnAboutUnknownKeys(["title", "url"], in: "a source")
            defer { fields.diagnostics += item.diagnostics }
            guard let title = item.string("title", required: true), let url = item.string("url", required: true)
            else { return nil }
            guard url.hasPrefix("https://") || url.hasPrefix("http://"), !TextSearch.contains(url, " ") else {
                item.diagnostics.append(.error(at: item.location(of: "url"),
                                               "source url must be a web address starting https://, not '\(url)'"))
                return nil
            }
            return Citation(title: title, url: url)
        }
    }
}

/// Counting the words a reader reads in a Markdown body: tokens with at least one letter or digit.
enum WordCount {
    static func count(in text: String) -> Int {
        var text = text
        return text.withUTF8(count(in:))
    }

    /// Walks the UTF-8 bytes of a valid string: ASCII is judged byte by byte, and only the other
    /// scalars are decoded and looked up in Unicode's properties.
    private static func count(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false, wordHasText = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let isWhitespace: Bool, hasText: Bool
            if byte < 0x80 {
                isWhitespace = byte == 0x20 || (0x09...0x0D).contains(byte)
                hasText = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                index += 1
            } else {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length where index + offset < bytes.count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                index += length
                let properties = (Unicode.Scalar(value) ?? "\u{FFFD}").properties
                isWhitespace = properties.isWhitespace
                hasText = !isWhitespace && (properties.isAlphabetic || properties.numericType != nil)
            }
            if isWhitespace {
                if inWord, wordHasText { count += 1 }
                inWord = false
                wordHasText = false
            } else {
                inWord = true
                if hasText { wordHasText = true }
            }
        }
        if inWord, wordHasText { count += 1 }
        return count
    }
}
