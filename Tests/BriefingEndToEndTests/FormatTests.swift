import Foundation
import Testing

/// The five formats from the command line: chosen by --format or by the -o file's extension, with
/// usage errors that list the formats, one .docx per row in a batch, and the consultant's template.
@Suite struct FormatTests {
    typealias Runner = BriefingRunner

    @Test("the -o file's extension picks the format", arguments: [
        ("b.md", "# Co-production briefing"), ("b.txt", "=========="), ("b.json", "{\n"), ("b.html", "<!DOCTYPE html>"), ("b.docx", "PK"),
    ])
    func extensionPicksTheFormat(name: String, start: String) throws {
        let folder = TemporaryFolder("formats")
        let result = try Runner.buildWelsh(["-o", folder.path + "/" + name])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + name))
        #expect(String(decoding: bytes.prefix(60), as: UTF8.self).hasPrefix(start), "\(name)")
    }

    @Test func anExplicitFormatWinsOverTheExtension() throws {
        let folder = TemporaryFolder("formats")
        let result = try Runner.buildWelsh(["--format", "md", "-o", folder.path + "/b.txt"])
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: folder.path + "/b.txt", encoding: .utf8).hasPrefix("# Co-production briefing"))
    }

    @Test func anUnknownFormatOrExtensionIsAUsageErrorThatListsTheFormats() throws {
        let folder = TemporaryFolder("formats")
        let byExtension = try Runner.buildWelsh(["-o", folder.path + "/b.pdf"])
        #expect(byExtension.status == 64)
        #expect(byExtension.stderr.contains("the formats are md, txt, json, html or docx"), "\(byExtension.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/b.pdf"))
        let byName = try Runner.buildWelsh(["--format", "pdf"])
        #expect(byName.status == 64)
        #expect(byName.stderr.contains("'md', 'txt', 'json', 'html' or 'docx'"), "\(byName.stderr)")
    }

    @Test func aBatchWritesOneDocxPerRow() throws {
        let folder = TemporaryFolder("formats")
        let csv = "organisation,nation,sector,level,stage,maturity,audience\n"
            + "Cardiff Council,wales,local-government,strategic,options,developing,elected-members\n"
            + "Fife Council,scotland,local-government,service,decision,starting,board\n"
        try csv.write(toFile: folder.path + "/rows.csv", atomically: true, encoding: .utf8)
        let result = try Runner.run(["build", "--library", Runner.shippedLibrary, "--answers", folder.path + "/rows.csv",
                                     "--output-dir", folder.path + "/out", "--format", "docx", "--date", "2026-01-15"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out").sorted()
        #expect(files == ["Cardiff-Council.docx", "Fife-Council.docx", "manifest.jsonl"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/Fife-Council.docx"))
        #expect(bytes.prefix(2) == Data("PK".utf8))
    }

    @Test func theReferenceDocMustBeAWordFileForAWordBriefing() throws {
        let folder = TemporaryFolder("formats")
        try "not a zip".write(toFile: folder.path + "/house.docx", atomically: true, encoding: .utf8)
        let notZip = try Runner.buildWelsh(["-o", folder.path + "/b.docx", "--reference-doc", folder.path + "/house.docx"])
        #expect(notZip.status == 65)
        #expect(notZip.stderr.contains("--reference-doc must be a Word .docx file"), "\(notZip.stderr)")
        let notWord = try Runner.buildWelsh(["-o", folder.path + "/b.md", "--reference-doc", folder.path + "/house.docx"])
        #expect(notWord.status == 64)
        let missing = try Runner.buildWelsh(["-o", folder.path + "/c.docx", "--reference-doc", folder.path + "/none.docx"])
        #expect(missing.status == 66)
    }
}
