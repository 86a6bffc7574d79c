import Foundation
import Testing
@testable import BriefingCore

/// Loading small libraries written to a temporary folder by each test: every problem is a diagnostic
/// at its `path:line:col`, all of them are reported in one run, and nothing crashes.
@Suite struct LibraryLoaderTests {
    static let blueprint = """
        id: pilot
        title: "Pilot for {{organisation}}"
        budget: minutes
        questions:
          - id: organisation
            type: text
            ask: Which organisation?
            required: true
          - id: nation
            type: choice
            ask: Which nation?
            options: [england, scotland, wales]
          - id: drivers
            type: multi
            ask: What drives it?
            options: [trust, net-zero]
          - id: minutes
            type: number
            ask: How many minutes?
            min: 1
            max: 60
            default: 10
        sections:
          - { id: summary, title: At a glance }
          - { id: context, title: Why this matters }

        """

    /// Forty-four words, inside the 40-250 range lint likes.
    static let body = """
        Co-production means people with lived experience share real influence over priorities, governance, \
        budgets and culture, rather than commenting on a strategy officers have already drafted. It asks \
        leaders to let go of some control early, while the problem is still being defined by everyone.

        """

    /// A library folder with the pilot blueprint and the given snippet files.
    static func library(_ snippets: [String: String]) -> TemporaryFolder {
        let folder = TemporaryFolder("briefing-loader")
        folder.write("Briefings/pilot.yaml", blueprint)
        for (path, text) in snippets { folder.write("Snippets/" + path, text) }
        return folder
    }

    static func snippet(_ frontMatter: String, body: String = LibraryLoaderTests.body) -> String {
        "---\n\(frontMatter)\n---\n\(body)"
    }

    static func load(_ folder: TemporaryFolder, today: CalendarDate? = nil) throws -> ContentLibrary {
        try LibraryLoader.load(from: folder.path, today: today)
    }

    static func errors(_ library: ContentLibrary) -> [Diagnostic] {
        library.diagnostics.filter { $0.severity == .error }
    }

    // MARK: A good library

    @Test("a valid library loads without diagnostics, with defaults filled in")
    func validLibrary() throws {
        let folder = Self.library([
            "summary/intro.md": Self.snippet("title: Intro\nsection: summary"),
            "context/wales.md": Self.snippet("""
                id: context-wales
                title: In Wales
                section: context
                when: nation == "wales"
                priority: 1
                order: 10
                minutes: 1.5
                reviewed: 2026-01-01
                sources:
                  - title: Future Generations Act
                    url: https://www.legislation.gov.uk/anaw/2015/2
                """),
        ])
        let library = try Self.load(folder, today: TestSupport.date)
        #expect(library.diagnostics.isEmpty, "\(library.diagnostics.map(\.description))")
        #expect(library.blueprints.map(\.id) == ["pilot"])
        #expect(library.snippets.map(\.id) == ["context-wales", "intro"])

        let intro = try #require(library.snippet("intro"))
        #expect(intro.priority == 2)
        #expect(intro.order == 50)
        #expect(intro.when == nil)
        #expect(intro.minutes == Snippet.minutes(forWords: intro.wordCount))
        #expect(intro.wordCount == 44)

        let wales = try #require(library.snippet("context-wales"))
        #expect(wales.when?.source == "nation == \"wales\"")
        #expect(wales.priority == 1)
        #expect(wales.order == 10)
        #expect(wales.minutes == 1.5)
        #expect(wales.sources == [Citation(title: "Future Generations Act", url: "https://www.legislation.gov.uk/anaw/2015/2")])
        #expect(wales.bodyLine == 14)
    }

    @Test("a missing Snippets folder is 'input not found'")
    func missingFolder() throws {
        let folder = TemporaryFolder("briefing-loader")
        folder.write("Briefings/pilot.yaml", Self.blueprint)
        do {
            _ = try LibraryLoader.load(from: folder.path)
            Issue.record("a library without Snippets/ should not load")
        } catch {
            #expect(error.exitCode == 66)
        }
    }

    // MARK: Located problems

    @Test("broken YAML front matter is reported at its line and column in the file")
    func brokenFrontMatter() throws {
        let folder = Self.library(["bad.md": Self.snippet("id: bad\ntitle: Bad: value\nsection: context")])
        let library = try Self.load(folder)
        let error = try #require(Self.errors(library).first)
        #expect(Self.errors(library).count == 1)
        #expect(error.location == SourceLocation(file: folder.path + "/Snippets/bad.md", line: 3, column: 11))
        #expect(error.message.contains("invalid YAML"))
        #expect(error.description.hasPrefix(folder.path + "/Snippets/bad.md:3:11: error: "))
    }

    @Test("a file without front matter is an error at 1:1")
    func noFrontMatter() throws {
        let folder = Self.library(["plain.md": "Just Markdown.\n"])
        let error = try #require(Self.errors(try Self.load(folder)).first)
        #expect(error.location == SourceLocation(file: folder.path + "/Snippets/plain.md", line: 1, column: 1))
        #expect(error.message.contains("front matter"))
    }

    @Test("a bad 'when' condition is reported at the exact column in the file")
    func badCondition() throws {
        let folder = Self.library([
            "plain.md": Self.snippet("title: T\nsection: context\nwhen: nation = \"wales\""),
            "quoted.md": Self.snippet("title: T\nsection: context\nwhen: 'nation == \"wales\" and'"),
        ])
        let errors = Self.errors(try Self.load(folder))
        #expect(errors.count == 2)
        let plain = try #require(errors.first { $0.location.file.hasSuffix("plain.md") })
        #expect(plain.location.line == 4)
        #expect(plain.location.column == 14)
        #expect(plain.message.contains("'=='"))
        let quoted = try #require(errors.first { $0.location.file.hasSuffix("quoted.md") })
        #expect(quoted.location.line == 4)
        #expect(quoted.location.column == 29)
        #expect(quoted.message.contains("ends too early"))
    }

    @Test("a bad condition written over several lines is reported at its own line and column")
    func badMultiLineCondition() throws {
        let literal = Self.snippet("title: T\nsection: context\nwhen: |\n  nation == \"wales\"\n  and stage = \"options\"")
        let folded = Self.snippet("title: T\nsection: context\nwhen: nation == \"wales\"\n  and stage = \"options\"")
        let folder = Self.library(["literal.md": literal, "folded.md": folded])
        let errors = Self.errors(try Self.load(folder))
        // In both files the '=' stands on line 6 or 5, in column 13.
        let literalError = try #require(errors.first { $0.location.file.hasSuffix("literal.md") })
        #expect(literalError.message.contains("'=='"))
        #expect(literalError.location.line == 6)
        #expect(literalError.location.column == 13)
        let foldedError = try #require(errors.first { $0.location.file.hasSuffix("folded.md") })
        #expect(foldedError.message.contains("'=='"))
        #expect(foldedError.location.line == 5)
        #expect(foldedError.location.column == 13)
    }

    @Test("a checker problem in a condition written over several lines is reported at its own line and column")
    func checkerProblemInMultiLineCondition() throws {
        let block = Self.snippet("title: T\nsection: context\nwhen: >-\n  minutes > 5 and\n  nation == \"walse\"")
        let folded = Self.snippet("title: T\nsection: context\nwhen: minutes > 5\n  and nation == \"walse\"")
        let folder = Self.library(["block.md": block, "folded.md": folded])
        let errors = Self.errors(try Self.load(folder))
        let blockError = try #require(errors.first { $0.location.file.hasSuffix("block.md") })
        #expect(blockError.message.contains("did you mean \"wales\"?"))
        #expect(blockError.location.line == 6)
        #expect(blockError.location.column == 13)
        let foldedError = try #require(errors.first { $0.location.file.hasSuffix("folded.md") })
        #expect(foldedError.message.contains("did you mean \"wales\"?"))
        #expect(foldedError.location.line == 5)
        #expect(foldedError.location.column == 17)
    }

    @Test("an option that does not exist is reported at the string, with a did-you-mean")
    func misspeltOptionInCondition() throws {
        let folder = Self.library(["walse.md": Self.snippet("title: T\nsection: context\nwhen: nation == \"walse\"")])
        let error = try #require(Self.errors(try Self.load(folder)).first)
        #expect(error.location.line == 4)
        #expect(error.location.column == 17)
        #expect(error.message == "in 'when': \"walse\" is not an option of 'nation'; did you mean \"wales\"?")
    }

    @Test("an unknown identifier in a condition is an error with a did-you-mean")
    func unknownIdentifierInCondition() throws {
        let folder = Self.library(["x.md": Self.snippet("title: T\nsection: context\nwhen: drivers contains \"trust\" and natoin")])
        let error = try #require(Self.errors(try Self.load(folder)).first)
        #expect(error.location.line == 4)
        #expect(error.location.column == 36)
        #expect(error.message.contains("'natoin'"))
        #expect(error.message.contains("did you mean 'nation'?"))
    }

    @Test("an unknown section is an error with a did-you-mean")
    func unknownSection() throws {
        let folder = Self.library([
            "a.md": Self.snippet("title: T\nsection: contxt"),
            "b.md": Self.snippet("title: T\nsection: sumary\nblueprints: [pilot]"),
            "c.md": Self.snippet("title: T\nsection: summary\nblueprints: [pilto]"),
        ])
        let errors = Self.errors(try Self.load(folder))
        #expect(errors.count == 3)
        let a = try #require(errors.first { $0.location.file.hasSuffix("a.md") })
        #expect(a.message == "no blueprint has a section 'contxt'; did you mean \"context\"?")
        let b = try #require(errors.first { $0.location.file.hasSuffix("b.md") })
        #expect(b.message == "section 'sumary' is not in blueprint pilot; did you mean \"summary\"?")
        let c = try #require(errors.first { $0.location.file.hasSuffix("c.md") })
        #expect(c.message == "unknown blueprint 'pilto'; did you mean \"pilot\"?")
    }

    @Test("two snippets with the same id are an error that names both files")
    func duplicateSnippetIDs() throws {
        let folder = Self.library([
            "one/same.md": Self.snippet("title: T\nsection: context"),
            "two.md": Self.snippet("id: same\ntitle: T\nsection: summary"),
        ])
        let errors = Self.errors(try Self.load(folder))
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.message.contains("duplicate snippet id 'same'"))
        #expect(error.location.file == folder.path + "/Snippets/two.md")
        #expect(error.message.contains(folder.path + "/Snippets/one/same.md"))
    }

    @Test("a blueprint with two questions of the same id is an error")
    func duplicateQuestionIDs() throws {
        let folder = Self.library(["a.md": Self.snippet("title: T\nsection: context")])
        folder.write("Briefings/pilot.yaml", Self.blueprint.replacingOccurrences(of: "id: drivers", with: "id: nation"))
        let errors = Self.errors(try Self.load(folder))
        let error = try #require(errors.first { $0.message.contains("duplicate question id 'nation'") })
        #expect(error.location.file == folder.path + "/Briefings/pilot.yaml")
        #expect(error.location.line == 13)
    }

    @Test("an unknown variable in the body is reported at its line and column")
    func unknownVariable() throws {
        let body = "First line of the body.\nFor {{organisaton}} and {{nation | the nation}}.\n\n" + Self.body
        let folder = Self.library(["v.md": Self.snippet("title: T\nsection: context", body: body)])
        let errors = Self.errors(try Self.load(folder))
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.location == SourceLocation(file: folder.path + "/Snippets/v.md", line: 6, column: 5))
        #expect(error.message == "unknown variable '{{organisaton}}' in blueprint pilot; did you mean \"organisation\"?")
    }

    @Test("an unterminated variable in the body is reported at its line and column")
    func unterminatedVariable() throws {
        let body = Self.body + "\nSee {{organisation for more.\n"
        let folder = Self.library(["u.md": Self.snippet("title: T\nsection: context", body: body)])
        let error = try #require(Self.errors(try Self.load(folder)).first)
        #expect(error.location.line == 7)
        #expect(error.location.column == 5)
        #expect(error.message.contains("'{{'"))
    }

    @Test("a snippet file that is not UTF-8 is an error at the first bad byte")
    func notUTF8() throws {
        let folder = Self.library(["good.md": Self.snippet("title: T\nsection: context")])
        let bytes = Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\nsection: context\n---\nBody.\n".utf8)
        folder.write("Snippets/latin1.md", bytes: bytes)
        let library = try Self.load(folder)
        let error = try #require(Self.errors(library).first)
        #expect(Self.errors(library).count == 1)
        #expect(error.location == SourceLocation(file: folder.path + "/Snippets/latin1.md", line: 2, column: 11))
        #expect(error.message.contains("UTF-8"))
        #expect(error.message.contains("0xE9"))
        #expect(library.snippets.map(\.id) == ["good"])
    }

    @Test("headings and raw HTML in a body are errors at their lines")
    func headingsAndHTML() throws {
        let body = Self.body + "\n## A heading\n\nText with <b>html</b>.\n\n<div>\nblock\n</div>\n"
        let folder = Self.library(["h.md": Self.snippet("title: T\nsection: context", body: body)])
        let errors = Self.errors(try Self.load(folder))
        let lines = errors.map { [$0.location.line, $0.location.column] }
        #expect(lines == [[7, 1], [9, 11], [9, 18], [11, 1]])
        #expect(errors[0].message.contains("headings are not allowed"))
        #expect(errors.dropFirst().allSatisfy { $0.message.contains("raw HTML") })
    }

    @Test("front matter problems: unknown keys warn with a did-you-mean, bad values are errors")
    func frontMatterValues() throws {
        let folder = Self.library([
            "k.md": Self.snippet("title: T\nsection: context\npriorty: 1"),
            "p.md": Self.snippet("title: T\nsection: context\npriority: 5"),
            "m.md": Self.snippet("title: T\nsection: context\nminutes: -1"),
            "s.md": Self.snippet("title: T\nsection: context\nsources:\n  - title: X\n    url: ftp://x.org"),
            "t.md": Self.snippet("section: context"),
            "r.md": Self.snippet("title: T\nsection: context\nreviewed: 2026-02-30"),
        ])
        let library = try Self.load(folder)
        func diagnostic(_ file: String) -> Diagnostic? {
            library.diagnostics.first { $0.location.file.hasSuffix("/" + file) }
        }
        #expect(diagnostic("k.md")?.severity == .warning)
        #expect(diagnostic("k.md")?.message == "unknown key 'priorty' in snippet front matter; did you mean 'priority'?")
        #expect(diagnostic("k.md")?.location.line == 4)
        #expect(diagnostic("p.md")?.message.contains("between 1 and 3") == true)
        #expect(diagnostic("p.md")?.location.line == 4)
        #expect(diagnostic("m.md")?.message.contains("'minutes' must be above 0") == true)
        #expect(diagnostic("s.md")?.message.contains("https://") == true)
        #expect(diagnostic("s.md")?.location.line == 6)
        #expect(diagnostic("t.md")?.message == "missing required key 'title'")
        #expect(diagnostic("r.md")?.message.contains("YYYY-MM-DD") == true)
        #expect(library.diagnostics.filter { $0.severity == .error }.count == 5)
    }

    // MARK: Review dates

    @Test("a snippet reviewed more than 12 months ago gets a warning; a recent one does not")
    func reviewAge() throws {
        let folder = Self.library([
            "old.md": Self.snippet("title: T\nsection: context\nreviewed: 2024-11-30"),
            "recent.md": Self.snippet("title: T\nsection: context\nreviewed: 2025-06-01"),
        ])
        let library = try Self.load(folder, today: CalendarDate("2026-01-15")!)
        #expect(library.diagnostics.count == 1)
        let warning = try #require(library.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.location.file.hasSuffix("/old.md"))
        #expect(warning.message == "'old' was last reviewed on 2024-11-30, over 12 months ago")
        #expect(try Self.load(folder).diagnostics.isEmpty, "without a date, review ages are not checked")
    }

    @Test("exactly 12 months is not over 12 months, even across a leap day; one day more is")
    func reviewAgeBoundary() throws {
        let folder = Self.library([
            "leap.md": Self.snippet("title: T\nsection: context\nreviewed: 2023-03-01"),
            "plain.md": Self.snippet("title: T\nsection: context\nreviewed: 2024-03-01"),
        ])
        let atLeapYear = try Self.load(folder, today: CalendarDate("2024-03-01")!)
        #expect(atLeapYear.diagnostics.isEmpty, "reviewed 2023-03-01, today 2024-03-01: \(atLeapYear.diagnostics.map(\.message))")
        let dayAfter = try Self.load(folder, today: CalendarDate("2024-03-02")!)
        #expect(dayAfter.diagnostics.map { ($0.location.file as NSString).lastPathComponent } == ["leap.md"])
        let aYearLater = try Self.load(folder, today: CalendarDate("2025-03-01")!)
        #expect(aYearLater.diagnostics.map { ($0.location.file as NSString).lastPathComponent } == ["leap.md"])
    }

    // MARK: Robustness

    @Test("a library full of broken files loads without crashing and reports every problem in one run")
    func everyProblemInOneRun() throws {
        let folder = Self.library([
            "good.md": Self.snippet("title: Good\nsection: context"),
            "empty.md": "",
            "only-dashes.md": "---\n---\n",
            "unclosed.md": "---\ntitle: T\nsection: context\n",
            "list.md": "---\n- a\n- b\n---\nBody.\n",
            "tab.md": "---\ntitle: T\n\tsection: context\n---\nBody.\n",
            "no-body.md": "---\ntitle: T\nsection: context\n---\n\n",
            "bad-when.md": Self.snippet("title: T\nsection: context\nwhen: (nation == \"wales\""),
            "deep/er/still.md": Self.snippet("title: T\nsection: nowhere"),
        ])
        folder.write("Snippets/binary.md", bytes: [0x00, 0xFF, 0xFE, 0x80, 0x0A, 0xC3])
        folder.write("Snippets/notes.txt", "not a snippet, ignored")
        folder.write("Snippets/.hidden.md", "---\nbroken: [\n---\n")
        let library = try Self.load(folder)
        let files = Set(Self.errors(library).map { ($0.location.file as NSString).lastPathComponent })
        #expect(files == ["empty.md", "only-dashes.md", "unclosed.md", "list.md", "tab.md", "no-body.md",
                          "bad-when.md", "still.md", "binary.md"])
        #expect(library.snippets.contains { $0.id == "good" })
        #expect(library.diagnostics == library.diagnostics.sortedByLocation())
    }

    @Test("loading is deterministic: the same folder gives the same snippets and diagnostics")
    func deterministic() throws {
        var files: [String: String] = [:]
        for index in 0..<30 {
            files["s\(index % 4)/snippet-\(index).md"] = Self.snippet(
                "title: T\(index)\nsection: \(index.isMultiple(of: 2) ? "context" : "summary")\norder: \(index % 3)"
                    + (index % 7 == 0 ? "\nwhen: nation == \"walse\"" : ""))
        }
        let folder = Self.library(files)
        let first = try Self.load(folder)
        let second = try Self.load(folder)
        #expect(first.snippets.map(\.id) == second.snippets.map(\.id))
        #expect(first.snippets.map(\.id) == first.snippets.map(\.id).sorted())
        #expect(first.diagnostics == second.diagnostics)
        #expect(Self.errors(first).count == 5)
    }
}
