import Foundation
import Testing
@testable import BriefingCore

/// The consultant's hand on a briefing: pins, drops and notes, read from every answers format,
/// checked against the library, and honoured by assembly, provenance and every renderer.
@Suite struct ConsultantOverridesTests {
    // The fixture library is part of the test bundle; a load failure is a broken test setup.
    static let library: ContentLibrary = try! RendererGoldenTests.loadLibrary()
    static var blueprint: Blueprint { library.blueprint("pilot")! }
    static let base = "organisation: Test Council\nnation: wales\nstage: options\n"

    static func briefing(_ yaml: String, minutes: Int = 10) throws -> Briefing {
        let text = base + "minutes: \(minutes)\n" + yaml
        let answers = try AnswerResolver.resolve(AnswersFile.parse(text, file: "test.yaml").answers, for: blueprint)
        try OverrideChecker.check(answers.overrides, library: library, blueprint: blueprint)
        return Assembler(library: library, blueprint: blueprint).assemble(answers, date: RendererGoldenTests.date)
    }

    static let overrides = """
        overrides:
          include: [context-england]
          exclude: [context-wales]
          notes:
            actions: "We will bring a **costed plan** to the March board."
        """

    @Test func aPinAndADropAndANoteChangeExactlyThoseThings() throws {
        let plain = try Self.briefing("")
        let shaped = try Self.briefing(Self.overrides)
        #expect(!plain.includedSnippetIDs.contains("context-england"))
        #expect(plain.includedSnippetIDs.contains("context-wales"))
        #expect(shaped.includedSnippetIDs.contains("context-england"))
        #expect(!shaped.includedSnippetIDs.contains("context-wales"))
        #expect(Set(shaped.includedSnippetIDs).symmetricDifference(plain.includedSnippetIDs) == ["context-england", "context-wales"])
        #expect(shaped.sections.first { $0.id == "actions" }?.note == "We will bring a **costed plan** to the March board.")
        let pinned = try #require(shaped.provenance.first { $0.id == "context-england" })
        #expect(pinned.reason == .pinned)
        #expect(pinned.explanation.hasPrefix("pinned by the consultant (its condition is false: nation is wales, not england)"))
        let dropped = try #require(shaped.provenance.first { $0.id == "context-wales" })
        #expect(dropped.reason == .dropped && dropped.explanation == "dropped by the consultant")
    }

    @Test func theNoteAppearsInEveryFormat() throws {
        let briefing = try Self.briefing(Self.overrides)
        let markdown = MarkdownRenderer.render(briefing)
        #expect(markdown.contains("> **Consultant's note**\n>\n> We will bring a **costed plan** to the March board."))
        #expect(PlainTextRenderer.render(briefing).contains("We will bring a costed plan to the March board."))
        #expect(HTMLRenderer.render(briefing).contains("<aside class=\"consultant-note\">\n<p><strong>Consultant's note</strong></p>\n<p>We will bring a <strong>costed plan</strong> to the March board.</p>"))
        #expect(JSONRenderer.render(briefing).contains("\"note\" : \"We will bring a **costed plan** to the March board.\""))
        let document = try #require(try WordAndHTMLTests.parts(DocxRenderer.render(briefing))["word/document.xml"])
        #expect(document.contains("Consultant's note"))
        #expect(document.contains("<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">costed plan</w:t>"))
    }

    @Test func aPinnedSnippetIsInWhateverTheBudget() throws {
        let briefing = try Self.briefing("overrides: { include: [questions-deep, context-england] }\n", minutes: 3)
        #expect(briefing.includedSnippetIDs.contains("questions-deep"))
        #expect(briefing.includedSnippetIDs.contains("context-england"))
        #expect(briefing.sections.flatMap(\.snippets).first { $0.id == "questions-deep" }?.condensed == false)
    }

    @Test func unknownSnippetsAndSectionsAreBadDataWithADidYouMean() {
        func problems(_ yaml: String) -> String {
            do {
                _ = try Self.briefing(yaml)
                return ""
            } catch {
                return (error as? BriefingError)?.description ?? "\(error)"
            }
        }
        let snippet = problems("overrides:\n  exclude: [context-walse]\n")
        #expect(snippet.contains("test.yaml:6:12: error: unknown snippet 'context-walse' in overrides.exclude; did you mean 'context-wales'?"), "\(snippet)")
        let section = problems("overrides:\n  notes: { acions: \"x\" }\n")
        #expect(section.contains("unknown section 'acions' in blueprint pilot; did you mean 'actions'?"), "\(section)")
        let html = problems("overrides:\n  notes: { actions: \"<b>bold</b>\" }\n")
        #expect(html.contains("holds raw HTML, which notes refuse"), "\(html)")
        let heading = problems("overrides:\n  notes: { actions: \"# Big\" }\n")
        #expect(heading.contains("holds a heading"), "\(heading)")
        let field = problems("overrides:\n  pin: [context-wales]\n")
        #expect(field.contains("unknown overrides field 'pin'"), "\(field)")
    }

    @Test func csvAndJSONLinesGiveTheSameOverrides() throws {
        let csv = "organisation,overrides.include,overrides.exclude,overrides.notes.actions\nTest,context-england;questions-deep,context-wales,A note\n"
        let jsonLines = #"{"organisation":"Test","overrides":{"include":["context-england","questions-deep"],"exclude":["context-wales"],"notes":{"actions":"A note"}}}"# + "\n"
        var found: [ConsultantOverrides] = []
        for (text, format) in [(csv, BatchInputFormat.csv), (jsonLines, .jsonl)] {
            let row = try #require(try BatchTestSupport.rows(text, format: format).first)
            found.append(try AnswerResolver.resolve(row.answers, for: Self.blueprint).overrides)
        }
        #expect(found[0] == found[1])
        #expect(found[0].include == ["context-england", "questions-deep"])
        #expect(found[0].notes == ["actions": "A note"])
    }
}
