/// Writes the body of `word/document.xml` from Markdown, walking its cmark-gfm syntax tree: headings
/// in the built-in heading styles, real numbered and bulleted lists (each list numbered afresh),
/// tables whose header row repeats on every page, live hyperlinks, and runs that keep their spaces.
struct WordBodyWriter {
    private(set) var xml = ""
    /// External hyperlinks, in order of first use: `rIdLink1` is the first.
    private(set) var links: [String] = []
    /// One numbering instance per Markdown list: (abstract numbering, the number it starts at).
    private(set) var lists: [(abstract: Int, start: Int)] = []
    /// Bar pictures drawn so far, for their unique `docPr` ids.
    private var pictures = 0

    /// The text width of an A4 page with 2 cm margins, in twentieths of a point.
    static let textWidth = 11_906 - 2 * 1_134

    // MARK: Paragraphs the renderer builds itself

    mutating func paragraph(_ text: String, style: String? = nil, bold: Bool = false, keepNext: Bool = false) {
        xml += "<w:p>" + paragraphProperties(style: style, keepNext: keepNext)
        xml += run(text, RunStyle(bold: bold)) + "</w:p>"
    }

    mutating func heading(_ text: String, level: Int) {
        paragraph(text, style: "Heading\(min(max(level, 1), 3))")
    }

    /// A bulleted list whose items are links: the Sources.
    mutating func linkList(_ items: [(label: String, url: String)]) {
        lists.append((0, 1))
        let number = lists.count
        for item in items {
            xml += "<w:p>" + paragraphProperties(style: "ListParagraph", list: (number, 0))
                + hyperlink(item.label, url: item.url, RunStyle()) + "</w:p>"
        }
    }

    /// A table of plain cells, the first row as its repeating header.
    mutating func table(_ rows: [[String]], widths: [Int]? = nil) {
        guard let columns = rows.map(\.count).max(), columns > 0 else { return }
        let widths = widths ?? Array(repeating: Self.textWidth / columns, count: columns)
        openTable(widths)
        for (index, row) in rows.enumerated() {
            openRow(header: index == 0)
            for column in 0..<columns {
                openCell(widths[column])
                let text = column < row.count ? row[column] : ""
                xml += "<w:p>" + paragraphProperties(style: nil) + run(text, RunStyle(bold: index == 0)) + "</w:p>"
                xml += "</w:tc>"
            }
            xml += "</w:tr>"
        }
        xml += "</w:tbl>" + "<w:p/>"
    }

    // MARK: Markdown

    /// Appends the blocks of `markdown`. In a readiness scores block, `chart` replaces the text bars.
    mutating func markdown(_ markdown: String, chart: ReadinessReport? = nil) {
        let document = MarkdownDocument(markdown)
        for block in MarkdownNode(pointer: document.root).children {
            self.block(block, depth: 0, chart: chart)
        }
    }

    private mutating func block(_ node: MarkdownNode, depth: Int, chart: ReadinessReport?,
                                list: (number: Int, level: Int)? = nil) {
        switch node.kind {
        case .paragraph:
            xml += "<w:p>" + paragraphProperties(style: list == nil ? nil : "ListParagraph", list: list)
            inlines(node, RunStyle())
            xml += "</w:p>"
        case .heading:
            xml += "<w:p>" + paragraphProperties(style: "Heading\(min(max(node.headingLevel, 1), 3))")
            inlines(node, RunStyle())
            xml += "</w:p>"
        case .list:
            lists.append((node.isOrderedList ? 1 : 0, node.isOrderedList ? node.listStart : 1))
            let number = lists.count
            for item in node.children {
                for (index, child) in item.children.enumerated() {
                    // The item's first paragraph carries the number or bullet; the rest are indented under it.
                    if child.kind == .list {
                        block(child, depth: depth + 1, chart: chart)
                    } else {
                        block(child, depth: depth + 1, chart: chart, list: index == 0 ? (number, depth) : (0, depth))
                    }
                }
            }
        case .codeBlock:
            if let chart {
                barChart(chart)
                return
            }
            var literal = node.literal
            if literal.hasSuffix("\n") { literal.removeLast() }
            xml += "<w:p>" + paragraphProperties(style: nil)
            for (index, line) in literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { xml += "<w:r><w:br/></w:r>" }
                xml += run(String(line), RunStyle(code: true))
            }
            xml += "</w:p>"
        case .blockQuote:
            for child in node.children { block(child, depth: depth, chart: chart) }
        case .table:
            markdownTable(node)
        case .thematicBreak:
            xml += "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr></w:pPr></w:p>"
        case .htmlBlock:
            break
        default:
            for child in node.children { block(child, depth: depth, chart: chart) }
        }
    }

    private mutating func markdownTable(_ node: MarkdownNode) {
        let rows = node.children
        let columns = rows.map { $0.children.count }.max() ?? 0
        guard columns > 0 else { return }
        let alignments = node.tableAlignments
        // Columns share the width by how long their longest cell is, within limits, so that a
        // column of numbers stays narrow and a column of names gets room.
        var longest = [Int](repeating: 4, count: columns)
        for row in rows {
            for (index, cell) in row.children.enumerated() where index < columns {
                var text = ""
                collectText(cell, into: &text)
                longest[index] = max(longest[index], min(text.count, 40))
            }
        }
        let total = longest.reduce(0, +)
        var widths = longest.map { Self.textWidth * $0 / total }
        widths[columns - 1] += Self.textWidth - widths.reduce(0, +)
        openTable(widths)
        for row in rows {
            openRow(header: row.isTableHeader)
            for (index, cell) in row.children.enumerated() {
                openCell(widths[min(index, columns - 1)])
                let alignment = index < alignments.count ? alignments[index] : "l"
                let justification = alignment == "r" ? "right" : alignment == "c" ? "center" : nil
                xml += "<w:p>" + paragraphProperties(style: nil, justification: justification)
                inlines(cell, RunStyle(bold: row.isTableHeader))
                xml += "</w:p></w:tc>"
            }
            for _ in row.children.count..<max(columns, row.children.count) {
                openCell(widths[0])
                xml += "<w:p/></w:tc>"
            }
            xml += "</w:tr>"
        }
        xml += "</w:tbl><w:p/>"
    }

    // MARK: Inlines

    struct RunStyle {
        var bold = false
        var italic = false
        var strike = false
        var code = false
    }

    private mutating func inlines(_ node: MarkdownNode, _ style: RunStyle) {
        for child in node.children {
            switch child.kind {
            case .text:
                xml += run(child.literal, style)
            case .code:
                var code = style
                code.code = true
                xml += run(child.literal, code)
            case .softBreak:
                xml += run(" ", style)
            case .lineBreak:
                xml += "<w:r><w:br/></w:r>"
            case .emphasis:
                var inner = style
                inner.italic = true
                inlines(child, inner)
            case .strong:
                var inner = style
                inner.bold = true
                inlines(child, inner)
            case .strikethrough:
                var inner = style
                inner.strike = true
                inlines(child, inner)
            case .link:
                var label = ""
                collectText(child, into: &label)
                xml += hyperlink(label.isEmpty ? child.url : label, url: child.url, style)
            case .image:
                var label = ""
                collectText(child, into: &label)
                xml += run(label, style)
            case .htmlInline:
                break
            default:
                inlines(child, style)
            }
        }
    }

    private func collectText(_ node: MarkdownNode, into text: inout String) {
        for child in node.children {
            switch child.kind {
            case .text, .code: text += child.literal
            case .softBreak, .lineBreak: text += " "
            default: collectText(child, into: &text)
            }
        }
    }

    private func run(_ text: String, _ style: RunStyle, characterStyle: String? = nil) -> String {
        guard !text.isEmpty else { return "" }
        var properties = ""
        if let characterStyle { properties += "<w:rStyle w:val=\"\(characterStyle)\"/>" }
        if style.code { properties += "<w:rFonts w:ascii=\"Consolas\" w:hAnsi=\"Consolas\" w:cs=\"Consolas\"/>" }
        if style.bold { properties += "<w:b/><w:bCs/>" }
        if style.italic { properties += "<w:i/><w:iCs/>" }
        if style.strike { properties += "<w:strike/>" }
        let rPr = properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>"
        return "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(XMLText.escape(text))</w:t></w:r>"
    }

    private mutating func hyperlink(_ label: String, url: String, _ style: RunStyle) -> String {
        // Only web and mail links become live; anything else stays as its text.
        guard url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("mailto:") else {
            return run(label, style)
        }
        if !links.contains(url) { links.append(url) }
        let id = (links.firstIndex(of: url) ?? 0) + 1
        return "<w:hyperlink r:id=\"rIdLink\(id)\" w:history=\"1\">" + run(label, style, characterStyle: "Hyperlink") + "</w:hyperlink>"
    }

    // MARK: Structure

    private func paragraphProperties(style: String?, keepNext: Bool = false, list: (number: Int, level: Int)? = nil,
                                     justification: String? = nil) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepNext { properties += "<w:keepNext/>" }
        if let list {
            if list.number > 0 {
                properties += "<w:numPr><w:ilvl w:val=\"\(min(list.level, 8))\"/><w:numId w:val=\"\(list.number)\"/></w:numPr>"
            } else {
                properties += "<w:ind w:left=\"\(720 * (list.level + 1))\"/>"
            }
        }
        if let justification { properties += "<w:jc w:val=\"\(justification)\"/>" }
        return properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>"
    }

    private mutating func openTable(_ widths: [Int]) {
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
        xml += "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr>"
        xml += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
    }

    private mutating func openRow(header: Bool) {
        xml += header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
    }

    private mutating func openCell(_ width: Int) {
        xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>"
    }

    // MARK: The readiness chart

    /// The bar pictures' relationship ids; their images are `word/media/bar-self.png` and `bar-verified.png`.
    static let selfBar = "rIdBarSelf", verifiedBar = "rIdBarVerified"
    private(set) var usesBars = false

    /// A table with one row per dimension and overall: its title, and each score as a picture bar
    /// whose length is the score (100 fills the column) beside the number.
    private mutating func barChart(_ report: ReadinessReport) {
        usesBars = true
        let verified = report.verification.status != .none
        let label = 3_000
        let barColumn = verified ? (Self.textWidth - label) / 2 : Self.textWidth - label
        let widths = verified ? [label, barColumn, barColumn] : [label, barColumn]
        openTable(widths)
        openRow(header: true)
        let headers = verified ? ["Dimension", "Self-assessed", "Verified"] : ["Dimension", "Score"]
        for (index, header) in headers.enumerated() {
            openCell(widths[index])
            xml += "<w:p>" + paragraphProperties(style: nil) + run(header, RunStyle(bold: true)) + "</w:p></w:tc>"
        }
        xml += "</w:tr>"
        let rows = report.dimensions.map { ($0.title, $0.score, $0.verifiedScore) }
            + [("Overall", report.overall.score, report.overall.verifiedScore)]
        for (title, own, checked) in rows {
            openRow(header: false)
            openCell(label)
            xml += "<w:p>" + paragraphProperties(style: nil) + run(title, RunStyle(bold: title == "Overall")) + "</w:p></w:tc>"
            barCell(own, width: barColumn, picture: Self.selfBar)
            if verified { barCell(checked, width: barColumn, picture: Self.verifiedBar) }
            xml += "</w:tr>"
        }
        xml += "</w:tbl><w:p/>"
    }

    private mutating func barCell(_ score: Int?, width: Int, picture: String) {
        openCell(width)
        xml += "<w:p>" + paragraphProperties(style: nil)
        if let score {
            // The longest bar leaves room for the number: 100 fills 80% of the column.
            let fullWidth = Double(width - 200) * 0.8 * 635 // twips to EMU
            let length = Int((fullWidth * Double(min(max(score, 0), 100)) / 100).rounded())
            if length > 0 {
                pictures += 1
                xml += "<w:r>" + Self.drawing(picture: picture, id: pictures, width: length, height: 114_300) + "</w:r>"
            }
            xml += run(" \(score)", RunStyle())
        } else {
            xml += run("–", RunStyle())
        }
        xml += "</w:p></w:tc>"
    }

    /// An inline picture of `width` × `height` EMU.
    static func drawing(picture: String, id: Int, width: Int, height: Int) -> String {
        "<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            + "<wp:extent cx=\"\(width)\" cy=\"\(height)\"/><wp:docPr id=\"\(id)\" name=\"Bar \(id)\"/>"
            + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
            + "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
            + "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
            + "<pic:nvPicPr><pic:cNvPr id=\"\(id)\" name=\"bar\(id).png\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"\(picture)\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(width)\" cy=\"\(height)\"/></a:xfrm>"
            + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"
            + "</wp:inline></w:drawing>"
    }
}
