import Foundation
import ZIPFoundation

/// Renders a briefing as a Word document (.docx) from the same assembled `Briefing` as the other
/// renderers, walking each snippet's cmark-gfm tree: the Title and Heading 1-3 styles, real lists and
/// tables, live hyperlinks, A4 with 2 cm margins, en-GB, the title, subject and date in the document
/// properties, and the readiness chart as picture bars. Every zip entry carries the briefing's date,
/// so the same inputs give the same bytes.
public enum DocxRenderer {
    public static func render(_ briefing: Briefing, template: WordTemplate? = nil) throws(BriefingError) -> [UInt8] {
        var body = WordBodyWriter()
        body.paragraph(briefing.title, style: "Title")
        var context = [["Context", "Details"]] + briefing.context.map { [$0.label, $0.answer] }
        context.append(["Prepared", briefing.date.longForm])
        context.append(["Reading time", MarkdownRenderer.readingTime(briefing)])
        body.table(context, widths: [2_600, WordBodyWriter.textWidth - 2_600])
        for note in briefing.notes { body.paragraph("Note: " + note, bold: true) }
        for section in briefing.sections where section.hasContent {
            body.heading(section.title, level: 1)
            if let generated = section.generated {
                body.markdown(generated, chart: section.generatedBlock == .readinessScores ? briefing.readiness : nil)
            }
            for snippet in section.snippets {
                if section.showTitles { body.heading(snippet.title, level: 2) }
                body.markdown(snippet.markdown)
            }
            if let note = section.note {
                body.paragraph("Consultant's note", bold: true, keepNext: true)
                body.markdown(note)
            }
        }
        if !briefing.sources.isEmpty {
            body.heading("Sources", level: 1)
            body.linkList(briefing.sources.map { ($0.title, $0.url) })
        }

        let theme = template?.theme
        let images = body.usesBars
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(WordParts.contentTypes(theme: theme != nil, images: images).utf8)),
            ("_rels/.rels", Array(WordParts.packageRelationships.utf8)),
            ("docProps/core.xml", Array(WordParts.core(title: briefing.title, subject: subject(briefing), date: briefing.date).utf8)),
            ("docProps/app.xml", Array(WordParts.app.utf8)),
            ("word/document.xml", Array(WordParts.document(body: body.xml).utf8)),
            ("word/_rels/document.xml.rels", Array(WordParts.documentRelationships(links: body.links, theme: theme != nil, images: images).utf8)),
            ("word/styles.xml", Array((template.map { WordParts.styles(merging: $0.styles) } ?? WordParts.styles).utf8)),
            ("word/numbering.xml", Array(WordParts.numbering(lists: body.lists).utf8)),
            ("word/settings.xml", Array(WordParts.settings.utf8)),
        ]
        if let theme { parts.append(("word/theme/theme1.xml", Array(theme.utf8))) }
        if images {
            parts.append(("word/media/bar-self.png", SolidColourPNG.image(red: 0x9D, green: 0xB4, blue: 0xD3)))
            parts.append(("word/media/bar-verified.png", SolidColourPNG.image(red: 0x1F, green: 0x38, blue: 0x64)))
        }
        return try zip(parts, date: briefing.date)
    }

    /// "Co-production in engagement and consultation: Cardiff and Vale University Health Board"
    static func subject(_ briefing: Briefing) -> String {
        let organisation = briefing.context.first { $0.id == "organisation" }?.answer
        let topic = briefing.readiness == nil ? "Co-production in engagement and consultation" : "Readiness to co-produce"
        return organisation.map { "\(topic): \($0)" } ?? topic
    }

    /// A zip of `parts` in memory, deflated, every entry dated midnight UTC of `date`.
    static func zip(_ parts: [(String, [UInt8])], date: CalendarDate) throws(BriefingError) -> [UInt8] {
        let modified = Date(timeIntervalSince1970: TimeInterval(max(date.daysSinceEpoch, CalendarDate("1980-01-02")?.daysSinceEpoch ?? 0)) * 86_400)
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, bytes) in parts {
                let data = Data(bytes)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                                     permissions: 0o644, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw BriefingError.io(path: "docx", reason: "the zip archive could not be built") }
            return Array(data)
        } catch let error as BriefingError {
            throw error
        } catch {
            throw .io(path: "docx", reason: "the zip archive could not be built (\(TextFile.reason(error)))")
        }
    }
}
