import Foundation
import Testing

/// `briefing lint` on the shipped library and on broken copies of a small one.
@Suite struct LintCommandTests {
    typealias Runner = BriefingRunner

    @Test("the shipped library lints without errors")
    func shippedLibraryIsClean() throws {
        let result = try Runner.run(["lint", "--library", Runner.shippedLibrary, "--date", "2026-01-15"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains(": error: "), "\(result.stdout)")
        #expect(result.stdout.contains("blueprints"))
        #expect(result.stdout.contains(" 0 errors"))
    }

    @Test("warnings alone pass: an old review date warns and exits 0")
    func warningsPass() throws {
        let library = try TemporaryFolder.copyOfGoldenLibrary()
        let result = try Runner.run(["lint", "--library", ".", "--date", "2028-01-02"], in: library.path)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("Snippets/summary/summary-intro.md:1:1: warning: 'summary-intro' was last reviewed on 2026-01-01, over 12 months ago"),
                "\(result.stdout)")
    }

    @Test("every file is shown with the same path style, the unreadable one included")
    func pathsAreConsistent() throws {
        let library = try TemporaryFolder.copyOfGoldenLibrary()
        library.write("Snippets/latin1.md", bytes: Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\nsection: context\n---\nBody.\n".utf8))
        library.write("Snippets/typo.md", "---\ntitle: Typo\nsection: contxt\n---\nBody.\n")
        let result = try Runner.run(["lint", "--library", "."], in: library.path)
        #expect(result.status == 65)
        let errors = result.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 2, "\(result.stdout)")
        #expect(errors.contains { $0.hasPrefix("Snippets/typo.md:1:1: error: no blueprint has a section 'contxt'") }, "\(result.stdout)")
        #expect(errors.contains { $0.hasPrefix("Snippets/latin1.md:2:11: error: not valid UTF-8") }, "\(result.stdout)")
    }

    @Test("lint reports every broken file in one run and counts the errors")
    func everyProblemInOneRun() throws {
        let library = try TemporaryFolder.copyOfGoldenLibrary()
        library.write("Snippets/a.md", "---\ntitle: A\nsection: context\nwhen: nation == \"walse\"\n---\nBody.\n")
        library.write("Snippets/b.md", "---\ntitle: B\nsection: context\n---\nFor {{organisaton}}.\n")
        library.write("Snippets/c.md", "---\ntitle: C\nsection: context\n---\n## Heading\n")
        library.write("Snippets/d.md", "no front matter\n")
        let result = try Runner.run(["lint", "--library", "."], in: library.path)
        #expect(result.status == 65)
        let expected = [
            "Snippets/a.md:4:17: error: in 'when': \"walse\" is not an option of 'nation'; did you mean \"wales\"?",
            "Snippets/b.md:5:5: error: unknown variable '{{organisaton}}' in blueprint pilot; did you mean \"organisation\"?",
            "Snippets/c.md:5:1: error: headings are not allowed",
            "Snippets/d.md:1:1: error: a snippet must start with YAML front matter",
        ]
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for prefix in expected {
            #expect(lines.contains { $0.hasPrefix(prefix) }, "missing '\(prefix)' in\n\(result.stdout)")
        }
        #expect(lines.contains { $0.contains(": 4 errors") }, "\(result.stdout)")
    }
}
