import Testing
@testable import BriefingCore

/// Escaping answers so that they stay literal text wherever they land in Markdown: mid-line, at the
/// start of a line, and inside a GFM table cell. Checked by parsing with cmark-gfm, on a sample, on
/// hand-picked edge cases and on thousands of random strings from a fixed seed.
@Suite struct MarkdownEscapingTests {
    static let sample = "# Evil <b>x</b> [y](http://z) *a* _b_ 1. list"

    // MARK: The sample from cmark.md

    @Test("the sample renders as literal text after a prefix")
    func sampleAfterPrefix() {
        let html = MarkdownInspection.html("Prefix " + MarkdownEscaping.escape(Self.sample))
        #expect(html == "<p>Prefix # Evil &lt;b&gt;x&lt;/b&gt; [y](http://z) *a* _b_ 1. list</p>\n")
    }

    @Test("the sample renders as literal text at the start of a line")
    func sampleAtLineStart() {
        let html = MarkdownInspection.html(MarkdownEscaping.escape(Self.sample))
        #expect(html == "<p># Evil &lt;b&gt;x&lt;/b&gt; [y](http://z) *a* _b_ 1. list</p>\n")
    }

    @Test("the sample renders as literal text in a heading and in a table cell")
    func sampleInHeadingAndTable() {
        let heading = MarkdownInspection.html("# Briefing for " + MarkdownEscaping.escape(Self.sample))
        #expect(heading == "<h1>Briefing for # Evil &lt;b&gt;x&lt;/b&gt; [y](http://z) *a* _b_ 1. list</h1>\n")

        let table = MarkdownInspection.html("| A | B |\n| --- | --- |\n| Organisation | \(MarkdownEscaping.escape(Self.sample)) |\n")
        #expect(table.contains("<td># Evil &lt;b&gt;x&lt;/b&gt; [y](http://z) *a* _b_ 1. list</td>"))
        #expect(!table.contains("<a "))
        #expect(!table.contains("<b>"))
    }

    // MARK: Readability and normalisation

    @Test("plain words, digits and ordinary punctuation are left alone", arguments: [
        "Cardiff and Vale University Health Board",
        "NHS Greater Glasgow and Clyde",
        "Ysbyty Gwynedd, Bangor",
        "Llywodraeth Cymru 2026",
        "主任 🚀",
    ])
    func readable(text: String) {
        #expect(MarkdownEscaping.escape(text) == text)
    }

    @Test("whitespace runs become one space, ends are trimmed, NUL becomes U+FFFD, controls become spaces")
    func normalisation() {
        #expect(MarkdownEscaping.escape("  a \t\n b\r\n\r\nc  ") == "a b c")
        #expect(MarkdownEscaping.escape("a\u{0}b") == "a\u{FFFD}b")
        #expect(MarkdownEscaping.escape("a\u{1B}[0mb") == "a \\[0mb")
        #expect(MarkdownEscaping.escape(" \n\t ") == "")
    }

    // MARK: The property

    /// The input as readers should see it: whitespace and control runs collapsed to one space, ends
    /// trimmed, NUL as U+FFFD.
    static func normalised(_ text: String) -> String {
        var words: [String] = []
        var word = ""
        for character in text {
            let isBlank = character.isWhitespace
                || (character != "\0" && character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control })
            if isBlank {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(character == "\0" ? "\u{FFFD}" : character)
            }
        }
        if !word.isEmpty { words.append(word) }
        return withFullWidthAt(words.joined(separator: " "))
    }

    /// The text with each `@` between two letters or digits (an e-mail address) as `＠`, as escaping writes it.
    static func withFullWidthAt(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            if character == "@", index > 0, index + 1 < characters.count,
               characters[index - 1].isLetter || characters[index - 1].isNumber || "._+-".contains(characters[index - 1]),
               characters[index + 1].isLetter || characters[index + 1].isNumber {
                out.append("＠")
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// The text of an inline container whose children must all be text nodes; nil (with the reason) otherwise.
    static func textOnly(_ node: MarkdownNode) -> Result<String, Failure> {
        var text = ""
        for child in node.children {
            guard child.kind == .text else { return .failure(Failure("child \(child.kind) in \(node.kind)")) }
            text += child.literal
        }
        return .success(text)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// `"Prefix " + escape(s)`: one paragraph of text nodes reading "Prefix " and the normalised input.
    static func checkAfterPrefix(_ input: String) -> Failure? {
        let markdown = "Prefix " + MarkdownEscaping.escape(input)
        let document = MarkdownDocument(markdown)
        let blocks = MarkdownNode(pointer: document.root).children
        guard blocks.count == 1, blocks[0].kind == .paragraph else {
            return Failure("after a prefix: blocks \(blocks.map(\.kind))")
        }
        switch textOnly(blocks[0]) {
        case .failure(let failure): return Failure("after a prefix: \(failure)")
        case .success(let text):
            let expected = normalised("Prefix " + input)
            return text == expected ? nil : Failure("after a prefix: text \(text.debugDescription) != \(expected.debugDescription)")
        }
    }

    /// `escape(s)` alone at the start of a line: one paragraph of text nodes with the normalised input
    /// (or nothing, when the input is blank).
    static func checkAtLineStart(_ input: String) -> Failure? {
        let expected = normalised(input)
        let document = MarkdownDocument(MarkdownEscaping.escape(input))
        let blocks = MarkdownNode(pointer: document.root).children
        if expected.isEmpty {
            return blocks.isEmpty ? nil : Failure("at line start: blank input gave blocks \(blocks.map(\.kind))")
        }
        guard blocks.count == 1, blocks[0].kind == .paragraph else {
            return Failure("at line start: blocks \(blocks.map(\.kind))")
        }
        switch textOnly(blocks[0]) {
        case .failure(let failure): return Failure("at line start: \(failure)")
        case .success(let text):
            return text == expected ? nil : Failure("at line start: text \(text.debugDescription) != \(expected.debugDescription)")
        }
    }

    /// `escape(s)` as the only cell of a table's body row: one table, one body row, one cell of text nodes.
    static func checkInTableCell(_ input: String) -> Failure? {
        let markdown = "| Answer |\n| --- |\n| \(MarkdownEscaping.escape(input)) |\n"
        let document = MarkdownDocument(markdown)
        let blocks = MarkdownNode(pointer: document.root).children
        guard blocks.count == 1, blocks[0].kind == .table else {
            return Failure("in a table cell: blocks \(blocks.map(\.kind))")
        }
        let rows = blocks[0].children
        guard rows.count == 2, rows.allSatisfy({ $0.kind == .tableRow }) else {
            return Failure("in a table cell: \(rows.count) rows")
        }
        let cells = rows[1].children
        guard cells.count == 1, cells[0].kind == .tableCell else {
            return Failure("in a table cell: \(cells.count) cells in the body row")
        }
        switch textOnly(cells[0]) {
        case .failure(let failure): return Failure("in a table cell: \(failure)")
        case .success(let text):
            let expected = normalised(input)
            return text == expected ? nil : Failure("in a table cell: text \(text.debugDescription) != \(expected.debugDescription)")
        }
    }

    static func failures(for input: String) -> [Failure] {
        [checkAfterPrefix(input), checkAtLineStart(input), checkInTableCell(input)].compactMap { $0 }
    }

    static let edgeCases: [String] = [
        "", " ", "   \t\n  ", "a", "#", "# heading", "#hashtag", "###### six", "####### seven", "-", "- item", "--",
        "---", "- - -", "***", "* * *", "___", "_ _ _", "+", "+ item", "+1", "-1", "* item", "=", "===", "= x",
        "1.", "1. item", "1)", "2) item", "123456789. nine digits", "1234567890. ten digits", "0. zero", "1.5 million",
        "> quote", ">", ">>", "    indented code", "\tindented code", "```", "```swift", "~~~", "~~strike~~",
        "`code`", "``", "<div>", "</div>", "<b>bold</b>", "<!-- comment -->", "<?php ?>", "<![CDATA[x]]>",
        "<http://example.org>", "<mailto:a@b.c>", "<a@b.c>", "http://example.org", "www.example.org",
        "a@example.org", "&amp;", "&#35;", "&#x23;", "&copy;", "&", "[link](http://x)", "[ref]", "[ref]: http://x",
        "[a][b]", "![img](http://x.png)", "[^1]", "[ ] task", "- [x] done", "*emph*", "**strong**", "_emph_",
        "__strong__", "x_y_z", "snake_case_name", "a*b*c", "|", "a | b", "| a | b |", "|---|", "| --- |", ":-:",
        "\\", "\\*", "a\\", "\\\\", "trailing backslash \\", "hard  \nbreak", "soft\nbreak", "a\r\nb", "a\rb",
        "line\u{2028}separator", "para\u{2029}separator", "nbsp\u{A0}here", "ideographic\u{3000}space", "nel\u{85}x",
        "vt\u{0B}ff\u{0C}x", "nul\u{0}here", "\u{0}", "esc\u{1B}[31mred", "del\u{7F}x", "csi\u{9B}x", "bell\u{7}",
        "é", "e\u{301}", "ŵ ŷ", "主任", "🚀", "👩‍👩‍👧", "🏴󠁧󠁢󠁷󠁬󠁳󠁿", "zero\u{200B}width", "\u{FEFF}bom", "\u{FEFF}# heading", "mid\u{FEFF}bom",
        "Ω≈ç√∫", "\"quoted\" 'single'", "(parens)", "{braces}", "a^b", "50% off", "$100", "#1 priority", "C#",
        "!important", "!", "![", "](", "]:", ":smile:", "~", "~~", "a~b~c", "x < y > z", "a<b", "1 < 2",
        "# Evil <b>x</b> [y](http://z) *a* _b_ 1. list", "=\n=", "a\n=", "a\n-", "a\n---", "a\n===", "a\n\nb",
        "   # indented heading", " 1. indented list", "\n\n- item\n\n", "\\# escaped", "\\[x\\]",
    ]

    @Test("edge cases stay literal in all three places")
    func edgeCasesStayLiteral() {
        for input in Self.edgeCases {
            for failure in Self.failures(for: input) {
                Issue.record("escape(\(input.debugDescription)) = \(MarkdownEscaping.escape(input).debugDescription): \(failure)")
            }
        }
    }

    /// SplitMix64: small, fast and the same on every machine, so the random cases are reproducible.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces: [String] = {
        let punctuation = ##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##.map(String.init)
        let words = ["a", "Z", "co", "Vale", "0", "1", "9", "42", "é", "e\u{301}", "主", "任", "🚀", "👩‍👩‍👧", "ß", "Ω", "ŵ"]
        let blanks = [" ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{A0}", "\u{2028}", "\u{3000}",
                      "\u{85}", "    "]
        let controls = ["\u{0}", "\u{1}", "\u{1B}", "\u{7F}", "\u{9B}", "\u{200B}", "\u{FEFF}"]
        let tokens = ["http://", "https://x.org/a_b", "www.", "a@b.co", "1.", "1)", "- ", "* ", "+ ", "# ", "## ", "> ",
                      "```", "~~~", "***", "---", "===", "&amp;", "&#35;", "<div>", "<b>", "</b>", "<!--", "-->",
                      "![", "](", "[^", "| ", " |", "\\", "\\\\", "`", "``", "__", "**", "\n\n", "  \n", "\\\n"]
        return punctuation + punctuation + words + words + blanks + controls + tokens
    }()

    static func randomString(using generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...24, using: &generator)
        var text = ""
        for _ in 0..<count { text += pieces.randomElement(using: &generator)! }
        return text
    }

    @Test("5,000 random strings from a fixed seed stay literal in all three places")
    func randomStringsStayLiteral() {
        var generator = SeededGenerator(state: 20_260_115)
        var reported = 0
        var failed = 0
        for _ in 0..<5_000 {
            let input = Self.randomString(using: &generator)
            let failures = Self.failures(for: input)
            guard !failures.isEmpty else { continue }
            failed += 1
            if reported < 10 {
                reported += 1
                Issue.record("escape(\(input.debugDescription)) = \(MarkdownEscaping.escape(input).debugDescription): \(failures.map(\.description).joined(separator: "; "))")
            }
        }
        #expect(failed == 0, "\(failed) of 5000 random strings did not stay literal")
    }

    @Test("the generator is deterministic, so a failure can be replayed")
    func generatorIsDeterministic() {
        var first = SeededGenerator(state: 7)
        var second = SeededGenerator(state: 7)
        let a = (0..<20).map { _ in Self.randomString(using: &first) }
        let b = (0..<20).map { _ in Self.randomString(using: &second) }
        #expect(a == b)
        #expect(Set(a).count > 10)
    }
}

@Suite struct AutolinkEscapingTests {
    /// The link URLs GFM (with its autolink extension, as GitHub renders) finds in `markdown`.
    static func links(in markdown: String) -> [String] {
        let document = MarkdownDocument(markdown, extensions: ["table", "autolink"])
        var urls: [String] = []
        MarkdownNode(pointer: document.root).walk { node in
            if node.kind == .link { urls.append(node.url) }
        }
        return urls
    }

    @Test(arguments: ["https://evil.example/path", "see http://x.example", "www.evil.example", "visit www.Evil.example",
                      "bob@evil.example", "mailto:bob@evil.example", "ftp://files.example"])
    func answersNeverBecomeAutolinks(text: String) {
        #expect(Self.links(in: text).count == 1 || text.hasPrefix("ftp"), "the check itself sees a link in \(text)")
        let escaped = MarkdownEscaping.escape(text)
        #expect(Self.links(in: escaped).isEmpty, "\(escaped)")
        #expect(PlainTextRenderer.render(markdown: escaped).trimmingCharacters(in: .whitespacesAndNewlines)
                == text.replacingOccurrences(of: "@", with: "＠"))
    }

    @Test func invisibleFormattingIsRemovedFromAnswers() {
        let cleaned = AnswerResolver.withoutControlCharacters("Chief\u{202E}Executive\u{200B} of\u{2066} X\u{FEFF}")
        #expect(cleaned == "ChiefExecutive of X")
    }
}

