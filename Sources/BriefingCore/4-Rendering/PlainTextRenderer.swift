import CCmarkGFM

/// Renders a briefing as plain text from the cmark-gfm syntax tree of its Markdown: wrapped at
/// 72 columns, headings underlined, lists indented, tables as aligned columns, links as
/// `text <url>`, and no Markdown markers left.
public enum PlainTextRenderer {
    public static let width = 72

    public static func render(_ briefing: Briefing) -> String {
        render(markdown: MarkdownRenderer.render(briefing))
    }

    /// Renders any CommonMark (with GFM tables) as plain text.
    public static func render(markdown: String, width: Int = PlainTextRenderer.width) -> String {
        String(decoding: renderUTF8(markdown: markdown, width: width), as: UTF8.self)
    }

    /// `render(_:)` as UTF-8.
    static func renderUTF8(_ briefing: Briefing) -> [UInt8] {
        renderUTF8(markdown: MarkdownRenderer.render(briefing))
    }

    /// `render(markdown:width:)` as UTF-8.
    static func renderUTF8(markdown: String, width: Int = PlainTextRenderer.width) -> [UInt8] {
        let document = MarkdownDocument(markdown)
        var output = PlainTextOutput(capacity: markdown.utf8.count + markdown.utf8.count / 8)
        write(MarkdownNode(pointer: document.root), width: width, to: &output)
        return output.finished()
    }

    // MARK: Blocks

    private static func write(_ node: MarkdownNode, width: Int, to output: inout PlainTextOutput) {
        switch node.kind {
        case .document, .item, .customBlock:
            writeBlocks(of: node, separated: true, width: width, to: &output)
        case .paragraph:
            TextWrapper.wrap(utf8: inlineBytes(node), width: width) { output.line($0) }
        case .heading:
            heading(inlineText(node), level: node.headingLevel, width: width, to: &output)
        case .blockQuote:
            output.beginQuote()
            writeBlocks(of: node, separated: true, width: width - 4, to: &output)
            output.endQuote()
        case .list:
            list(node, width: width, to: &output)
        case .codeBlock:
            var literal = node.literal
            if literal.hasSuffix("\n") { literal.removeLast() }
            for line in literal.split(separator: "\n", omittingEmptySubsequences: false) { output.line("    " + line) }
        case .thematicBreak:
            output.line(repeated(UInt8(ascii: " "), max(0, (width - 5) / 2)) + "· · ·")
        case .table:
            for line in table(node, width: width) { output.line(line) }
        case .htmlBlock:
            break
        default:
            let text = inlineBytes(node)
            if !text.isEmpty { TextWrapper.wrap(utf8: text, width: width) { output.line($0) } }
        }
    }

    /// The children of `node` one after another, with a blank line between those that write
    /// anything when `separated`.
    private static func writeBlocks(of node: MarkdownNode, separated: Bool, width: Int, to output: inout PlainTextOutput) {
        output.beginBlocks(separated: separated)
        var child = cmark_node_first_child(node.pointer)
        while let block = child {
            output.beginBlock()
            write(MarkdownNode(pointer: block), width: width, to: &output)
            child = cmark_node_next(block)
        }
        output.endBlocks()
    }

    /// A heading's lines, over and under a rule as wide as the widest: `=` above and below for
    /// level 1, `=` below for level 2, `-` below for the others.
    private static func heading(_ text: String, level: Int, width: Int, to output: inout PlainTextOutput) {
        let lines = TextWrapper.wrap(text, width: width)
        let rule = lines.reduce(0) { max($0, DisplayWidth.of($1)) }
        let bar = repeated(UInt8(ascii: level == 1 || level == 2 ? "=" : "-"), rule)
        if level == 1 { output.line(bar) }
        for line in lines { output.line(line) }
        output.line(bar)
    }

    /// The display width of a bullet, `•`.
    private static let bulletWidth = DisplayWidth.of("•")

    /// `count` copies of an ASCII byte (none for a count below 1), without the cost of
    /// `String(repeating:count:)` on a one-character string.
    private static func repeated(_ byte: UInt8, _ count: Int) -> String {
        String(decoding: [UInt8](repeating: byte, count: max(0, count)), as: UTF8.self)
    }

    /// A bullet and the space after it, as wide as a bullet list's indent.
    private static let bulletMarker = Array(("•" + repeated(UInt8(ascii: " "), 2 - bulletWidth)).utf8)

    private static func list(_ node: MarkdownNode, width: Int, to output: inout PlainTextOutput) {
        let items = node.children
        let ordered = node.isOrderedList
        let start = node.listStart
        let markerWidth = ordered ? String(start + items.count - 1).count + 2 : 2
        let indent = [UInt8](repeating: UInt8(ascii: " "), count: markerWidth)
        let tight = node.isTightList
        output.beginBlocks(separated: !tight)
        for (index, item) in items.enumerated() {
            var marker = bulletMarker
            if ordered {
                marker = Array("\(start + index).".utf8)
                marker += repeatElement(UInt8(ascii: " "), count: max(0, markerWidth - marker.count))
            }
            output.beginBlock()
            output.beginItem(marker: marker, indent: indent)
            writeBlocks(of: item, separated: !tight, width: width - markerWidth, to: &output)
            output.endItem()
        }
        output.endBlocks()
    }

    private static func table(_ node: MarkdownNode, width: Int) -> [String] {
        var rows: [[String]] = []
        var nextRow = cmark_node_first_child(node.pointer)
        while let row = nextRow {
            var cells: [String] = []
            var nextCell = cmark_node_first_child(row)
            while let cell = nextCell {
                cells.append(inlineText(MarkdownNode(pointer: cell)).trimmingTrailingSpaces())
                nextCell = cmark_node_next(cell)
            }
            rows.append(cells)
            nextRow = cmark_node_next(row)
        }
        guard let header = rows.first else { return [] }
        let columns = rows.reduce(0) { max($0, $1.count) }
        let alignments = node.tableAlignments
        let cellWidths = rows.map { $0.map { DisplayWidth.of($0) } }
        var widths = [Int](repeating: 0, count: columns)
        for row in cellWidths {
            for (index, cellWidth) in row.enumerated() { widths[index] = max(widths[index], cellWidth) }
        }
        let gap = 2
        if widths.reduce(0, +) + gap * max(0, columns - 1) > width {
            return stackedTable(header: header, rows: Array(rows.dropFirst()), width: width)
        }
        func spaces(_ count: Int, into line: inout [UInt8]) {
            line.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(0, count)))
        }
        func format(_ row: Int) -> String {
            var line: [UInt8] = []
            for index in 0..<columns {
                if index > 0 { spaces(gap, into: &line) }
                let cell = index < rows[row].count ? rows[row][index] : ""
                let padding = widths[index] - (index < rows[row].count ? cellWidths[row][index] : 0)
                switch index < alignments.count ? alignments[index] : "l" {
                case "r":
                    spaces(padding, into: &line)
                    line.append(contentsOf: cell.utf8)
                case "c":
                    spaces(padding / 2, into: &line)
                    line.append(contentsOf: cell.utf8)
                    spaces(padding - padding / 2, into: &line)
                default:
                    line.append(contentsOf: cell.utf8)
                    spaces(padding, into: &line)
                }
            }
            return String(decoding: line, as: UTF8.self)
        }
        var lines = [format(0)]
        var rule: [UInt8] = []
        for (index, columnWidth) in widths.enumerated() {
            if index > 0 { spaces(gap, into: &rule) }
            rule.append(contentsOf: repeatElement(UInt8(ascii: "-"), count: max(columnWidth, 1)))
        }
        lines.append(String(decoding: rule, as: UTF8.self))
        lines += rows.indices.dropFirst().map(format)
        return lines
    }

    /// A table too wide for the page: each row as "Header: value" lines, a blank line between rows.
    private static func stackedTable(header: [String], rows: [[String]], width: Int) -> [String] {
        var lines: [String] = []
        for row in rows {
            var rowLines: [String] = []
            for (index, cell) in row.enumerated() where !cell.isEmpty {
                let name = index < header.count && !header[index].isEmpty ? header[index] + ": " : ""
                let wrapped = TextWrapper.wrap(name + cell, width: width - 2)
                rowLines += wrapped.enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
            }
            if !rowLines.isEmpty, !lines.isEmpty { lines.append("") }
            lines += rowLines
        }
        return lines
    }

    // MARK: Inlines

    private static func inlineText(_ node: MarkdownNode) -> String {
        String(decoding: inlineBytes(node), as: UTF8.self)
    }

    /// The text of a block's inlines, as UTF-8.
    private static func inlineBytes(_ node: MarkdownNode) -> [UInt8] {
        var text: [UInt8] = []
        appendInlines(of: node, to: &text)
        return text
    }

    private static func appendInlines(of node: MarkdownNode, to text: inout [UInt8]) {
        var next = cmark_node_first_child(node.pointer)
        while let pointer = next {
            next = cmark_node_next(pointer)
            let child = MarkdownNode(pointer: pointer)
            switch child.kind {
            case .text, .code:
                if let literal = cmark_node_get_literal(pointer) {
                    var length = 0
                    while literal[length] != 0 { length += 1 }
                    literal.withMemoryRebound(to: UInt8.self, capacity: length) {
                        text.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
                    }
                }
            case .softBreak:
                text.append(0x20)
            case .lineBreak:
                text.append(0x0A)
            case .htmlInline:
                break
            case .link, .image:
                var labelBytes: [UInt8] = []
                appendInlines(of: child, to: &labelBytes)
                // Compared as strings, as people read them: an accent composed or not is the same.
                let label = String(decoding: labelBytes, as: UTF8.self)
                let url = child.url
                let shown = if url.isEmpty || label == url || "mailto:" + label == url {
                    label.isEmpty ? url : label
                } else {
                    label.isEmpty ? "<\(url)>" : "\(label) <\(url)>"
                }
                text.append(contentsOf: shown.utf8)
            default:
                appendInlines(of: child, to: &text)
            }
        }
    }
}

extension StringProtocol {
    func trimmingTrailingSpaces() -> String {
        var result = String(self)
        // Only a last byte that is a space or a tab can end in a space or tab character.
        guard let last = result.utf8.last, last == 0x20 || last == 0x09 else { return result }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
