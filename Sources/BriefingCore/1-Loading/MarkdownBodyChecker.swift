/// Checks a snippet body through cmark-gfm's syntax tree: no raw HTML (it would be dropped from
/// every output) and no headings (the snippet title is the heading, and sections own the structure).
///
/// Most texts cannot hold anything it looks for, and a scan of their bytes shows it: the parse is
/// then skipped, with the same (empty) answer.
enum MarkdownBodyChecker {
    static func check(_ body: String, file: String, firstLine: Int) -> [Diagnostic] {
        mayHaveFindings(body) ? parsedFindings(body, file: file, firstLine: firstLine) : []
    }

    /// Checks a summary, which is inline Markdown: one paragraph, no lists, quotes, headings or HTML.
    static func checkInline(_ text: String, at location: SourceLocation) -> [Diagnostic] {
        inlineMayHaveFindings(text) ? parsedInlineFindings(text, at: location) : []
    }

    /// What `check` finds, always parsing.
    static func parsedFindings(_ body: String, file: String, firstLine: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let document = MarkdownDocument(body)
        MarkdownNode(pointer: document.root).walk { node in
            let location = SourceLocation(file: file, line: firstLine + max(node.startLine, 1) - 1,
                                          column: max(node.startColumn, 1))
            switch node.kind {
            case .heading:
                diagnostics.append(.error(at: location,
                                          "headings are not allowed in a snippet body: the title is the heading (write a paragraph, or bold text)"))
            case .htmlBlock, .htmlInline:
                diagnostics.append(.error(at: location, "raw HTML is not allowed in a snippet body: it is removed from every output"))
            case .image:
                diagnostics.append(.warning(at: location, "images do not appear in text or JSON briefings"))
            default:
                break
            }
        }
        return diagnostics
    }

    /// What `checkInline` finds, always parsing.
    static func parsedInlineFindings(_ text: String, at location: SourceLocation) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let document = MarkdownDocument(text)
        var paragraphs = 0
        MarkdownNode(pointer: document.root).walk { node in
            switch node.kind {
            case .paragraph:
                paragraphs += 1
            case .heading, .list, .blockQuote, .codeBlock, .table, .thematicBreak:
                diagnostics.append(.error(at: location, "a summary is one or two sentences of inline text, without headings, lists, quotes, code blocks or tables"))
            case .htmlBlock, .htmlInline:
                diagnostics.append(.error(at: location, "raw HTML is not allowed in a summary: it is removed from every output"))
            default:
                break
            }
        }
        if paragraphs > 1, diagnostics.isEmpty {
            diagnostics.append(.error(at: location, "a summary is a single paragraph"))
        }
        return diagnostics
    }

    /// False when `body` cannot hold a heading, raw HTML or an image, whatever cmark-gfm makes of it.
    ///
    /// An ATX heading needs a `#`, HTML a `<`, an image `![`. A setext heading needs an underline:
    /// a line that, after the indentation and `>` of its containers, is only `=` or only `-` (a list
    /// marker before it would open a new item, where no paragraph precedes the underline). Any line
    /// made only of those characters, spaces and tabs counts, so the test only errs towards parsing.
    static func mayHaveFindings(_ body: String) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            var atLineStart = true
            var previous: UInt8 = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "<") { return true }
                if byte == UInt8(ascii: "["), previous == UInt8(ascii: "!") { return true }
                if atLineStart, mayUnderline(bytes, from: index) { return true }
                // cmark-gfm ends a line at "\n", "\r" or "\r\n".
                atLineStart = byte == 0x0A || byte == 0x0D
                previous = byte
            }
            return false
        }
    }

    /// Whether the line starting at `start` is, after spaces, tabs and `>`, only `=`, `-`, spaces and
    /// tabs, with at least one `=` or `-`.
    private static func mayUnderline(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == UInt8(ascii: ">") {
            index += 1
        }
        var hasMarker = false
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D {
            switch bytes[index] {
            case UInt8(ascii: "="), UInt8(ascii: "-"): hasMarker = true
            case 0x20, 0x09: break
            default: return false
            }
            index += 1
        }
        return hasMarker
    }

    /// False when `text` is one line that cmark-gfm can only read as a single paragraph without HTML:
    /// no line break, no `<`, and a first character that opens no block (no indentation, heading,
    /// quote, list, code fence or thematic break). Anything else is parsed.
    static func inlineMayHaveFindings(_ text: String) -> Bool {
        guard let first = text.utf8.first, !blockOpeners.contains(first) else { return true }
        return text.utf8.contains { $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: "<") }
    }

    /// The first bytes that can open a block other than a paragraph, or indent one.
    private static let blockOpeners = Set("#>-*+=_~`0123456789 \t".utf8)
}
