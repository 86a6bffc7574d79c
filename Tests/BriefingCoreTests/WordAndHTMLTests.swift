import Foundation
import Testing
import ZIPFoundation
@testable import BriefingCore

/// The Word and HTML exports: the parts and styles of the .docx, its determinism and the
/// consultant's template, and the HTML's safety rules and readiness chart.
@Suite struct WordAndHTMLTests {
    static func briefing(_ set: String = "wales-full") throws -> Briefing {
        let library = try RendererGoldenTests.loadLibrary()
        let text = try String(contentsOf: RendererGoldenTests.fixtures.appendingPathComponent("golden-answers/\(set).yaml"), encoding: .utf8)
        let file = try AnswersFile.parse(text, file: "\(set).yaml")
        let blueprint = try library.requireBlueprint(file.blueprintID ?? "pilot")
        return Assembler(library: library, blueprint: blueprint)
            .assemble(try AnswerResolver.resolve(file.answers, for: blueprint), date: RendererGoldenTests.date)
    }

    static func readinessBriefing() throws -> Briefing {
        let text = try String(contentsOf: ReadinessReportTests.fixtures.appendingPathComponent("answers/verified.yaml"), encoding: .utf8)
        return try ReadinessReportTests.briefing(text)
    }

    /// The parts of a .docx by name.
    static func parts(_ bytes: [UInt8]) throws -> [String: String] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func theDocxHasEveryPartWithTheBuiltInStyles() throws {
        let briefing = try Self.briefing()
        let parts = try Self.parts(DocxRenderer.render(briefing))
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
                                    "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml", "word/settings.xml"])
        let document = try #require(parts["word/document.xml"])
        #expect(Self.count("<w:pStyle w:val=\"Title\"/>", in: document) == 1)
        #expect(Self.count("<w:pStyle w:val=\"Heading1\"/>", in: document) == briefing.sections.filter(\.hasContent).count + 1)
        #expect(Self.count("<w:t>", in: document) == 0, "every run keeps its spaces")
        #expect(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(document.contains("<w:tblHeader/>"))
        let styles = try #require(parts["word/styles.xml"])
        for (id, name) in [("Title", "Title"), ("Heading1", "heading 1"), ("Heading2", "heading 2"), ("Heading3", "heading 3"),
                           ("ListParagraph", "List Paragraph"), ("Hyperlink", "Hyperlink"), ("TableGrid", "Table Grid")] {
            #expect(styles.contains("w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"), "\(id)")
        }
        #expect(styles.contains("<w:lang w:val=\"en-GB\""))
        #expect(parts["word/settings.xml"]?.contains("w:val=\"15\"") == true)
        let core = try #require(parts["docProps/core.xml"])
        #expect(core.contains("<dc:title>\(XMLText.escape(briefing.title))</dc:title>"))
        #expect(core.contains("2026-01-15T00:00:00Z"))
    }

    @Test func everyLinkIsLiveAndEveryListStartsAfresh() throws {
        let briefing = try Self.briefing()
        let parts = try Self.parts(DocxRenderer.render(briefing))
        let relationships = try #require(parts["word/_rels/document.xml.rels"])
        let document = try #require(parts["word/document.xml"])
        let urls = Set(briefing.sources.map(\.url))
        for url in urls {
            #expect(relationships.contains("Target=\"\(XMLText.escape(url))\" TargetMode=\"External\""), "\(url)")
        }
        #expect(Self.count("<w:hyperlink r:id=", in: document) >= urls.count)
        let numbering = try #require(parts["word/numbering.xml"])
        let instances = Self.count("<w:num w:numId=", in: numbering)
        #expect(instances >= 2)
        // Each ordered list restarts at its own first number.
        #expect(Self.count("<w:startOverride w:val=\"1\"/>", in: numbering) == Self.count("<w:abstractNumId w:val=\"1\"/>", in: numbering))
    }

    @Test func theSameBriefingGivesTheSameBytesAndEntriesCarryItsDate() throws {
        let briefing = try Self.briefing()
        let first = try DocxRenderer.render(briefing)
        #expect(first == (try DocxRenderer.render(briefing)))
        let archive = try Archive(data: Data(first), accessMode: .read)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for entry in archive {
            let date = try #require(entry.fileAttributes[.modificationDate] as? Date)
            #expect(calendar.dateComponents([.year, .month, .day], from: date) == DateComponents(year: 2026, month: 1, day: 15))
        }
    }

    @Test func aTemplateGivesItsStylesAndKeepsTheOnesItLacks() throws {
        let template = WordTemplate(
            styles: WordParts.header + "<w:styles \(WordParts.wordNamespaces)><w:style w:type=\"paragraph\" w:styleId=\"Heading1\">"
                + "<w:name w:val=\"heading 1\"/><w:rPr><w:rFonts w:ascii=\"Georgia\" w:hAnsi=\"Georgia\"/><w:color w:val=\"008000\"/></w:rPr></w:style></w:styles>",
            theme: "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"House\"/>")
        let parts = try Self.parts(DocxRenderer.render(try Self.briefing(), template: template))
        let styles = try #require(parts["word/styles.xml"])
        #expect(styles.contains("<w:color w:val=\"008000\"/>"))
        #expect(Self.count("w:styleId=\"Heading1\"", in: styles) == 1)
        #expect(styles.contains("w:styleId=\"Heading2\"") && styles.contains("w:styleId=\"TableGrid\""))
        #expect(parts["word/theme/theme1.xml"]?.contains("House") == true)
        #expect(parts["[Content_Types].xml"]?.contains("/word/theme/theme1.xml") == true)
    }

    @Test func theReadinessChartIsPictureBarsAsLongAsTheScores() throws {
        let briefing = try Self.readinessBriefing()
        let parts = try Self.parts(DocxRenderer.render(briefing))
        #expect(parts["word/media/bar-self.png"]?.hasPrefix("\u{FFFD}PNG") == true)
        let document = try #require(parts["word/document.xml"])
        // Every extent of a bar picture, in document order: self then verified for each row.
        let widths = document.components(separatedBy: "<wp:extent cx=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        let report = try #require(briefing.readiness)
        let scores = (report.dimensions.flatMap { [$0.score, $0.verifiedScore] } + [report.overall.score, report.overall.verifiedScore])
            .compactMap { $0 }.filter { $0 > 0 }
        #expect(widths.count == scores.count)
        let perPoint = Double(widths[0]) / Double(scores[0])
        for (width, score) in zip(widths, scores) {
            #expect(abs(Double(width) - perPoint * Double(score)) <= 1, "a bar of \(score) is \(width) EMU")
        }
    }

    @Test func aOnePixelPNGIsWellFormed() {
        let png = SolidColourPNG.image(red: 1, green: 2, blue: 3)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(SolidColourPNG.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(SolidColourPNG.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }

    // MARK: HTML

    @Test func theHTMLIsSelfContainedWithAStrictPolicy() throws {
        let html = HTMLRenderer.render(try Self.briefing("evil-scotland"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains(" src=\""))
        #expect(!html.contains("<link "))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("a[href^=\"http\"]::after"))
        // The hostile organisation name stays text.
        #expect(html.contains("# Evil &lt;b&gt;x&lt;/b&gt;"))
        #expect(!html.contains("<b>x</b>"))
    }

    @Test func aScriptInTheOrganisationIsTextInHTMLAndWord() throws {
        var briefing = try Self.briefing()
        briefing.title = "Briefing for </title><script>alert(1)</script>"
        let html = HTMLRenderer.render(briefing)
        #expect(!html.contains("<script>"))
        #expect(html.contains("<title>Briefing for &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        let document = try #require(try Self.parts(DocxRenderer.render(briefing))["word/document.xml"])
        #expect(document.contains("Briefing for &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func theHTMLReadinessChartIsSVGWithTheScoresAsText() throws {
        let briefing = try Self.readinessBriefing()
        let html = HTMLRenderer.render(briefing)
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains("role=\"img\""))
        #expect(!html.contains("```") && !html.contains("██"))
        let report = try #require(briefing.readiness)
        for dimension in report.dimensions {
            let score = try #require(dimension.score)
            #expect(html.contains("width=\"\(score == 0 ? "0" : String(format: "%g", 300 * Double(score) / 100))\" height=\"12\" fill=\"#9db4d3\" data-score=\"\(score)\""),
                    "\(dimension.id)")
            #expect(html.contains("\(XMLText.escape(dimension.title)): self-assessed \(score)"))
        }
    }
}
