/// Checks a snippet body through cmark-gfm's syntax tree: no raw HTML (it would be dropped from
/// every output) and no headings (the snippet title is the heading, and sections own the structure).
enum MarkdownBodyChecker {
    static func check(_ body: String, file: String, firstLine: Int) -> [Diagnostic] {
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

    /// Checks a summary, which is inline Markdown: one paragraph, no lists, quotes, headings or HTML.
    static func checkInline(_ text: String, at location: SourceLocation) -> [Diagnostic] {
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
}
