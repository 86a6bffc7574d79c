@testable import BriefingCore

// The plain-text renderer and word wrapper as they were before they were made faster (commit
// ec757ae), with the display width they measured by, kept unchanged but for their names: the reference that `PlainTextEquivalenceTests`
// compares the fast ones with, byte for byte. Do not "improve" this file; it is the old behaviour.

/// Renders a briefing as plain text from the cmark-gfm syntax tree of its Markdown: wrapped at
/// 72 columns, headings underlined, lists indented, tables as aligned columns, links as
/// `text <url>`, and no Markdown markers left.
enum ReferencePlainTextRenderer {
    static let width = 72

    /// Renders any CommonMark (with GFM tables) as plain text.
    static func render(markdown: String, width: Int = ReferencePlainTextRenderer.width) -> String {
        let document = MarkdownDocument(markdown)
        let lines = blockLines(MarkdownNode(pointer: document.root), width: width)
        return lines.map { $0.referenceTrimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }

    // MARK: Blocks

    private static func blockLines(_ node: MarkdownNode, width: Int) -> [String] {
        switch node.kind {
        case .document, .item, .customBlock:
            return joinBlocks(node.children.map { blockLines($0, width: width) }, separated: true)
        case .paragraph:
            return ReferenceTextWrapper.wrap(inlineText(node), width: width)
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
            return text.isEmpty ? [] : ReferenceTextWrapper.wrap(text, width: width)
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
        let lines = ReferenceTextWrapper.wrap(text, width: width)
        let rule = lines.map { ReferenceDisplayWidth.of($0) }.max() ?? 0
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
            let paddedMarker = marker + String(repeating: " ", count: markerWidth - ReferenceDisplayWidth.of(marker))
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
        let rows = node.children.map { row in row.children.map { inlineText($0).referenceTrimmingTrailingSpaces() } }
        guard let header = rows.first else { return [] }
        let columns = rows.map(\.count).max() ?? 0
        let alignments = node.tableAlignments
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], ReferenceDisplayWidth.of(cell)) }
        }
        let gap = 2
        if widths.reduce(0, +) + gap * max(0, columns - 1) > width {
            return stackedTable(header: header, rows: Array(rows.dropFirst()), width: width)
        }
        func format(_ row: [String]) -> String {
            (0..<columns).map { index in
                let cell = index < row.count ? row[index] : ""
                let padding = widths[index] - ReferenceDisplayWidth.of(cell)
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
                let wrapped = ReferenceTextWrapper.wrap(name + cell, width: width - 2)
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
    func referenceTrimmingTrailingSpaces() -> String {
        var result = String(self)
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}

/// Greedy word wrapping by display width. Lines break at spaces; a word wider than the whole line
/// (in practice a long URL) is broken after a `/`, `?`, `&`, `=`, `-` or `.` where it can be, else
/// at the width, so that no line is ever wider than `width`. A URL broken this way stays inside its
/// angle brackets, where RFC 3986 (appendix C) says readers ignore the line breaks.
enum ReferenceTextWrapper {
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        // Working on UTF-8 bytes is safe: a space or a newline byte never sits inside a character.
        for paragraphLine in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            var brokeLastWord = false
            for bytes in paragraphLine.split(separator: 0x20) {
                let word = Substring(bytes)
                let wordWidth = ReferenceDisplayWidth.of(word)
                if wordWidth > width, width > 0 {
                    // The broken word takes whole lines of its own, so its pieces read as one block.
                    if lineWidth > 0 { lines.append(line) }
                    lines += breakWord(word, width: width)
                    line = ""
                    lineWidth = 0
                    brokeLastWord = true
                    continue
                }
                brokeLastWord = false
                if lineWidth == 0 {
                    line = String(word)
                    lineWidth = wordWidth
                } else if lineWidth + 1 + wordWidth <= width {
                    line += " "
                    line += word
                    lineWidth += 1 + wordWidth
                } else {
                    lines.append(line)
                    line = String(word)
                    lineWidth = wordWidth
                }
            }
            if !(line.isEmpty && brokeLastWord) { lines.append(line) }
        }
        return lines
    }

    /// Pieces of `word`, each at most `width` columns wide: broken after the last `/`, `?`, `&` or `=`
    /// that fits, else after a `-` or `.`, else at the width.
    static func breakWord(_ word: Substring, width: Int) -> [String] {
        var pieces: [String] = []
        var current: [Character] = []
        var currentWidth = 0
        // How many characters of `current` come before its last strong and weak break points.
        var strongBreak: Int?
        var weakBreak: Int?
        func markBreaks() {
            strongBreak = nil
            weakBreak = nil
            for (offset, character) in current.enumerated() {
                if "/?&=".contains(character) { strongBreak = offset + 1 } else if "-.".contains(character) { weakBreak = offset + 1 }
            }
        }
        for character in word {
            let characterWidth = ReferenceDisplayWidth.of(String(character))
            if currentWidth + characterWidth > width, !current.isEmpty {
                let cut = strongBreak ?? weakBreak ?? current.count
                pieces.append(String(current[..<cut]))
                current = Array(current[cut...])
                currentWidth = ReferenceDisplayWidth.of(String(current))
                markBreaks()
            }
            current.append(character)
            currentWidth += characterWidth
            if "/?&=".contains(character) { strongBreak = current.count } else if "-.".contains(character) { weakBreak = current.count }
        }
        pieces.append(String(current))
        return pieces
    }
}

/// How many terminal columns text takes: wide East Asian characters and emoji take two.
enum ReferenceDisplayWidth {
    static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII, most of every briefing, is one column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var width = 0
        for character in text { width += of(character) }
        return width
    }

    static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation })
            || (character.unicodeScalars.count > 1 && character.unicodeScalars.contains { $0.value == 0xFE0F }) {
            return 2
        }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        return isWide(first.value) ? 2 : 1
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
