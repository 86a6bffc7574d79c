import Foundation
import Testing
@testable import BriefingCore

/// `briefing build` on the shipped library with the Welsh health board example: the briefing in all
/// three formats, byte-identical runs, the reading-time budget, and escaping of hostile answers.
@Suite struct BuildOutputTests {
    typealias Runner = BriefingRunner

    static let sectionTitles = ["At a glance", "Why this matters now", "What co-production means here",
                                "Implications for your system", "Risks and how to avoid them", "What you can do next",
                                "Questions to ask your team", "Sources"]

    static func json(_ result: BriefingRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
    }

    static func includedCount(_ briefing: [String: Any]) -> Int {
        (briefing["sections"] as? [[String: Any]] ?? []).map { ($0["snippets"] as? [Any] ?? []).count }.reduce(0, +)
    }

    // MARK: Markdown

    @Test("Markdown: the title names the organisation and the context box shows the answers")
    func markdownTitle() throws {
        let result = try Runner.buildWelsh()
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "# Co-production briefing for Cardiff and Vale University Health Board")
        #expect(lines.filter { $0.hasPrefix("# ") }.count == 1)
        #expect(result.stdout.contains("| Nation | Wales |"))
        #expect(result.stdout.contains("| Audience | Board |"))
        #expect(result.stdout.contains("| Prepared | 15 January 2026 |"))
    }

    @Test("Markdown: the sections come in the fixed order, ending with Sources")
    func markdownSections() throws {
        let result = try Runner.buildWelsh()
        let headings = result.stdout.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        #expect(headings == Self.sectionTitles)
        let sources = try #require(result.stdout.range(of: "\n## Sources\n"))
        let list = result.stdout[sources.upperBound...].split(separator: "\n").filter { !$0.isEmpty }
        #expect(!list.isEmpty)
        #expect(list.allSatisfy { $0.hasPrefix("- [") && $0.contains("](<https://") })
        #expect(Set(list).count == list.count, "sources are de-duplicated")
    }

    @Test("Markdown: no '{{' is left and the text names the organisation")
    func markdownVariablesFilled() throws {
        let result = try Runner.buildWelsh()
        #expect(!result.stdout.contains("{{"))
        #expect(!result.stdout.contains("}}"))
        let body = result.stdout.split(separator: "\n").dropFirst().joined(separator: "\n")
        #expect(body.contains("Cardiff and Vale University Health Board"))
    }

    @Test("Markdown: the whole output parses as CommonMark with GFM tables, without raw HTML")
    func markdownParses() throws {
        let result = try Runner.buildWelsh()
        let document = MarkdownDocument(result.stdout)
        var kinds: [MarkdownNode.Kind] = []
        MarkdownNode(pointer: document.root).walk { kinds.append($0.kind) }
        #expect(kinds.contains(.table))
        #expect(!kinds.contains(.htmlBlock) && !kinds.contains(.htmlInline))
        #expect(kinds.filter { $0 == .heading }.count >= Self.sectionTitles.count + 1)
    }

    // MARK: Plain text

    @Test("plain text: no Markdown markers left, lines within 72 columns except unbreakable words")
    func text() throws {
        let result = try Runner.buildWelsh(["--format", "txt"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        for marker in ["**", "##", "](", "`", "|---", "| ---", "{{"] {
            #expect(!text.contains(marker), "'\(marker)' left in the text output")
        }
        for line in text.split(separator: "\n") {
            #expect(!line.hasPrefix("#"), "'\(line)' starts with '#'")
            #expect(!line.hasPrefix("- ") && !line.hasPrefix("* ") && !line.hasPrefix("> "), "'\(line)' starts with a marker")
            if DisplayWidth.of(line) > 72 {
                #expect(!line.trimmingCharacters(in: .whitespaces).contains(" "), "'\(line)' is over 72 columns")
            }
        }
        #expect(text.hasPrefix("="))
        #expect(text.contains("Co-production briefing for Cardiff and Vale University Health Board\n"))
        for title in Self.sectionTitles {
            #expect(text.contains("\n\(title)\n" + String(repeating: "=", count: DisplayWidth.of(title)) + "\n"), "\(title)")
        }
    }

    // MARK: JSON

    @Test("JSON: parses, with provenance for every senior-leader snippet")
    func json() throws {
        let result = try Runner.buildWelsh(["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let briefing = try Self.json(result)
        #expect(briefing["blueprint"] as? String == "senior-leader")
        #expect(briefing["title"] as? String == "Co-production briefing for Cardiff and Vale University Health Board")
        #expect(briefing["date"] as? String == "2026-01-15")

        let listing = try Runner.run(["list", "snippets", "--blueprint", "senior-leader", "--format", "json",
                                      "--library", Runner.shippedLibrary])
        #expect(listing.status == 0)
        let snippets = try #require(try JSONSerialization.jsonObject(with: listing.stdoutBytes) as? [[String: Any]])
        let snippetIDs = snippets.compactMap { $0["id"] as? String }
        #expect(snippetIDs.count >= 15)

        let provenance = try #require(briefing["provenance"] as? [[String: Any]])
        #expect(provenance.compactMap { $0["id"] as? String }.sorted() == snippetIDs.sorted())
        let reasons: Set<String> = ["always", "condition-true", "condition-false", "over-budget", "condensed", "duplicate"]
        for decision in provenance {
            let id = decision["id"] as? String ?? "?"
            #expect(reasons.contains(decision["reason"] as? String ?? ""), "\(id)")
            #expect(!(decision["explanation"] as? String ?? "").isEmpty, "\(id)")
            #expect(decision["included"] is Bool, "\(id)")
        }
        let included = Set(provenance.filter { $0["included"] as? Bool == true }.compactMap { $0["id"] as? String })
        let inSections = (briefing["sections"] as? [[String: Any]] ?? []).flatMap { ($0["snippets"] as? [[String: Any]] ?? []) }
            .compactMap { $0["id"] as? String }
        #expect(Set(inSections) == included)
        #expect(Set(provenance.compactMap { $0["reason"] as? String }).contains("condition-false"))
    }

    @Test("JSON: the minutes total is within the budget and matches the included snippets")
    func jsonMinutes() throws {
        let briefing = try Self.json(try Runner.buildWelsh(["--format", "json"]))
        let total = try #require(briefing["total_minutes"] as? Double)
        #expect(briefing["budget_minutes"] as? Double == 10)
        #expect(total <= 10)
        let sum = (briefing["sections"] as? [[String: Any]] ?? []).flatMap { ($0["snippets"] as? [[String: Any]] ?? []) }
            .compactMap { $0["minutes"] as? Double }.reduce(0, +)
        #expect(abs(sum - total) < 0.01)
    }

    // MARK: Determinism

    @Test("two runs with --date 2026-01-15 give byte-identical output", arguments: ["md", "txt", "json", "html", "docx"])
    func byteIdentical(format: String) throws {
        let first = try Runner.buildWelsh(["--format", format])
        let second = try Runner.buildWelsh(["--format", format])
        #expect(first.status == 0)
        #expect(!first.stdoutBytes.isEmpty)
        #expect(first.stdoutBytes == second.stdoutBytes)
    }

    @Test("the answers from stdin give the same briefing as from the file")
    func stdin() throws {
        let fromFile = try Runner.buildWelsh()
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(!fromFile.stdoutBytes.isEmpty, "\(fromFile.stderr)")
        let fromStdin = try Runner.run(["build", "--library", Runner.shippedLibrary, "--answers", "-", "--date", "2026-01-15"],
                                       stdin: try Data(contentsOf: URL(fileURLWithPath: Runner.welshExample)))
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(fromStdin.stdoutBytes == fromFile.stdoutBytes)
    }

    @Test("the CLI writes exactly the golden files of the fixture library",
          arguments: ["wales-full", "england-tight", "evil-scotland"], ["md", "txt", "json", "html"])
    func matchesGoldenFiles(set: String, format: String) throws {
        try Self.expectGolden(in: Runner.coreFixtures, library: "golden-library", answers: "golden-answers/\(set).yaml",
                              expected: "golden-expected/\(set).\(format)", format: format)
    }

    /// Builds `answers` with `library` (both under `folder`) and compares stdout with `expected` byte for byte.
    static func expectGolden(in folder: URL, library: String, answers: String, expected: String, format: String) throws {
        let result = try Runner.run(["build", "--library", folder.appendingPathComponent(library).path,
                                     "--answers", folder.appendingPathComponent(answers).path,
                                     "--date", "2026-01-15", "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try Data(contentsOf: folder.appendingPathComponent(expected))
        #expect(result.stdoutBytes == golden, "\(expected) differs from what the CLI writes")
    }

    @Test("the CLI writes exactly the readiness golden files, verified and self-assessed",
          arguments: ["verified", "self-assessed"], ["md", "txt", "json", "html"])
    func matchesReadinessGoldenFiles(set: String, format: String) throws {
        try Self.expectGolden(in: Runner.coreFixtures.appendingPathComponent("readiness-golden"), library: "library",
                              answers: "answers/\(set).yaml", expected: "expected/\(set).\(format)", format: format)
    }

    @Test("every example in examples/ is the briefing its answers build today")
    func examplesAreCurrent() throws {
        let folder = Runner.repoRoot.appendingPathComponent("examples")
        let answers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(answers.count >= 10)
        for file in answers {
            let result = try Runner.run(["build", "--library", Runner.shippedLibrary, "--answers", folder.appendingPathComponent(file).path,
                                         "--date", "2026-12-01"])
            #expect(result.status == 0, "\(file): \(result.stderr)")
            let expected = try Data(contentsOf: folder.appendingPathComponent(file.replacingOccurrences(of: ".yaml", with: ".md")))
            #expect(result.stdoutBytes == expected, "examples/\(file) no longer builds its .md: regenerate it with --date 2026-12-01")
        }
    }

    // MARK: Budget

    @Test("--set minutes=5 keeps the total within 5 minutes")
    func fiveMinutes() throws {
        let briefing = try Self.json(try Runner.buildWelsh(["--format", "json", "--set", "minutes=5"]))
        #expect(briefing["budget_minutes"] as? Double == 5)
        let total = try #require(briefing["total_minutes"] as? Double)
        #expect(total <= 5)
        #expect(total > 0)
        let provenance = briefing["provenance"] as? [[String: Any]] ?? []
        #expect(provenance.contains { $0["reason"] as? String == "over-budget" })
    }

    @Test("minutes=30 includes more snippets than minutes=10")
    func moreMinutesMoreSnippets() throws {
        let ten = try Self.json(try Runner.buildWelsh(["--format", "json", "--set", "minutes=10"]))
        let thirty = try Self.json(try Runner.buildWelsh(["--format", "json", "--set", "minutes=30"]))
        #expect(Self.includedCount(thirty) > Self.includedCount(ten))
        #expect((thirty["total_minutes"] as? Double ?? 0) <= 30)
        #expect((thirty["total_minutes"] as? Double ?? 0) > (ten["total_minutes"] as? Double ?? 0))
    }

    // MARK: Escaping

    @Test("a hostile organisation name appears literally: no heading, HTML or link")
    func hostileOrganisation() throws {
        let evil = "# Evil <b>x</b> [y](http://z)"
        let result = try Runner.buildWelsh(["--set", "organisation=\(evil)"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = MarkdownDocument(result.stdout)
        let html = document.html()
        #expect(html.components(separatedBy: "<h1>").count == 2, "exactly one h1")
        #expect(html.contains("<h1>Co-production briefing for # Evil &lt;b&gt;x&lt;/b&gt; [y](http://z)</h1>"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("href=\"http://z\""))
        #expect(!html.contains("raw HTML omitted"))
        #expect(html.contains("# Evil &lt;b&gt;x&lt;/b&gt; [y](http://z)</td>"), "the context box shows it literally")

        var links: [String] = []
        var kinds: [MarkdownNode.Kind] = []
        MarkdownNode(pointer: document.root).walk { node in
            kinds.append(node.kind)
            if node.kind == .link { links.append(node.url) }
        }
        #expect(!links.contains("http://z"))
        #expect(!kinds.contains(.htmlInline) && !kinds.contains(.htmlBlock))
        let literal = "# Evil <b>x</b> [y](http://z)"
        let text = try Runner.buildWelsh(["--set", "organisation=\(evil)", "--format", "txt"])
        #expect(text.stdout.contains("Co-production briefing for \(literal)\n"))
    }
}
