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
        let document = MarkdownDocument(markdown)
        let lines = blockLines(MarkdownNode(pointer: document.root), width: width)
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }

    // MARK: Blocks

    private static func blockLines(_ node: MarkdownNode, width: Int) -> [String] {
        switch node.kind {
        case .document, .item, .customBlock:
            return joinBlocks(node.children.map { blockLines($0, width: width) }, separated: true)
        case .paragraph:
            return TextWrapper.wrap(inlineText(node), width: width)
        case .heading:
            return heading(inlineText(node), level: node.headingLevel, width: width)
        case .blockQuote:
            let inner = joinBlocks(node.children.map { blockLines($0, width: width - 4) }, separated: true)
            return inner.map { $0.isEmpty ? "" : "    " + $0 }
        case .list:
            return list(node, width: width)
        case .codeBlock:
            var literal = node.literal
            if literal.hasSuffix("\n") { literal.removeLast() }
            return literal.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        case .thematicBreak:
            return [String(repeating: " ", count: max(0, (width - 5) / 2)) + "· · ·"]
        case .table:
            return table(node, width: width)
        case .htmlBlock:
            return []
        default:
            let text = inlineText(node)
            return text.isEmpty ? [] : TextWrapper.wrap(text, width: width)
        }
    }

    private static func joinBlocks(_ blocks: [[String]], separated: Bool) -> [String] {
        var lines: [String] = []
        for block in blocks where !block.isEmpty {
            if separated, !lines.isEmpty { lines.append("") }
            lines += block
        }
        return lines
    }

    private static func heading(_ text: String, level: Int, width: Int) -> [String] {
        let lines = TextWrapper.wrap(text, width: width)
        let rule = lines.map { DisplayWidth.of($0) }.max() ?? 0
        switch level {
        case 1:
            let bar = String(repeating: "=", count: rule)
            return [bar] + lines + [bar]
        case 2:
            return lines + [String(repeating: "=", count: rule)]
        default:
            return lines + [String(repeating: "-", count: rule)]
        }
    }

    private static func list(_ node: MarkdownNode, width: Int) -> [String] {
        let items = node.children
        let ordered = node.isOrderedList
        let start = node.listStart
        let markerWidth = ordered ? String(start + items.count - 1).count + 2 : 2
        var blocks: [[String]] = []
        for (index, item) in items.enumerated() {
            let marker = ordered ? "\(start + index)." : "•"
            let paddedMarker = marker + String(repeating: " ", count: markerWidth - DisplayWidth.of(marker))
            let body = joinBlocks(item.children.map { blockLines($0, width: width - markerWidth) }, separated: !node.isTightList)
            let indent = String(repeating: " ", count: markerWidth)
            var lines: [String] = []
            for (lineIndex, line) in body.enumerated() {
                lines.append(lineIndex == 0 ? paddedMarker + line : (line.isEmpty ? "" : indent + line))
            }
            blocks.append(lines.isEmpty ? [paddedMarker] : lines)
        }
        return joinBlocks(blocks, separated: !node.isTightList)
    }

    private static func table(_ node: MarkdownNode, width: Int) -> [String] {
        let rows = node.children.map { row in row.children.map { inlineText($0).trimmingTrailingSpaces() } }
        guard let header = rows.first else { return [] }
        let columns = rows.map(\.count).max() ?? 0
        let alignments = node.tableAlignments
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        let gap = 2
        if widths.reduce(0, +) + gap * max(0, columns - 1) > width {
            return stackedTable(header: header, rows: Array(rows.dropFirst()), width: width)
        }
        func format(_ row: [String]) -> String {
            (0..<columns).map { index in
                let cell = index < row.count ? row[index] : ""
                let padding = widths[index] - DisplayWidth.of(cell)
                let alignment = index < alignments.count ? alignments[index] : "l"
                switch alignment {
                case "r": return String(repeating: " ", count: padding) + cell
                case "c":
                    let left = padding / 2
                    return String(repeating: " ", count: left) + cell + String(repeating: " ", count: padding - left)
                default: return cell + String(repeating: " ", count: padding)
                }
            }.joined(separator: String(repeating: " ", count: gap))
        }
        var lines = [format(header)]
        lines.append(widths.map { String(repeating: "-", count: max($0, 1)) }.joined(separator: String(repeating: " ", count: gap)))
        lines += rows.dropFirst().map(format)
        return lines
    }

    /// A table too wide for the page: each row as "Header: value" lines.
    private static func stackedTable(header: [String], rows: [[String]], width: Int) -> [String] {
        var blocks: [[String]] = []
        for row in rows {
            var lines: [String] = []
            for (index, cell) in row.enumerated() where !cell.isEmpty {
                let name = index < header.count && !header[index].isEmpty ? header[index] + ": " : ""
                let wrapped = TextWrapper.wrap(name + cell, width: width - 2)
                lines += wrapped.enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
            }
            blocks.append(lines)
        }
        return joinBlocks(blocks, separated: true)
    }

    // MARK: Inlines

    private static func inlineText(_ node: MarkdownNode) -> String {
        var text = ""
        appendInlines(of: node, to: &text)
        return text
    }

    private static func appendInlines(of node: MarkdownNode, to text: inout String) {
        for child in node.children {
            switch child.kind {
            case .text, .code:
                text += child.literal
            case .softBreak:
                text += " "
            case .lineBreak:
                text += "\n"
            case .htmlInline:
                break
            case .link, .image:
                var label = ""
                appendInlines(of: child, to: &label)
                let url = child.url
                if url.isEmpty || label == url || "mailto:" + label == url {
                    text += label.isEmpty ? url : label
                } else {
                    text += label.isEmpty ? "<\(url)>" : "\(label) <\(url)>"
                }
            default:
                appendInlines(of: child, to: &text)
            }
        }
    }
}

extension StringProtocol {
    func trimmingTrailingSpaces() -> String {
        var result = String(self)
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
