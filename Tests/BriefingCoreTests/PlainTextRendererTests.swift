import Foundation
import Testing
@testable import BriefingCore

/// Plain text from the cmark-gfm syntax tree: wrapping at 72 columns by display width, URLs never
/// split, underlined headings, lists with hanging indents, aligned tables, links as `text <url>`,
/// and no Markdown markers left.
@Suite struct PlainTextRendererTests {
    static func render(_ markdown: String, width: Int = 72) -> String {
        PlainTextRenderer.render(markdown: markdown, width: width)
    }

    static func lines(_ markdown: String, width: Int = 72) -> [String] {
        var lines = render(markdown, width: width).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    static let paragraph = """
        Co-production means people with lived experience and community partners share real influence over \
        priorities, governance, budgets and system culture, rather than commenting on a strategy that officers \
        have already drafted. It asks leaders to let go of some control early, when the problem is still being \
        defined, and to keep a record of what changed because people took part.
        """

    // MARK: Display width

    @Test("display width: ASCII and accents count 1, CJK and emoji count 2, combining marks 0", arguments: [
        ("Cardiff", 7), ("é", 1), ("e\u{301}", 1), ("Llŷn", 4), ("主任", 4), ("二〇二六", 8), ("🚀", 2),
        ("👩‍👩‍👧", 2), ("한국", 4), ("ｆｕｌｌ", 8), ("a🚀b", 4), ("", 0),
    ])
    func displayWidth(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    // MARK: Wrapping

    @Test("paragraphs wrap greedily at 72 columns without losing or splitting words")
    func wrapsAt72() {
        let lines = Self.lines(Self.paragraph)
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 72 }, "\(lines)")
        #expect(lines.joined(separator: " ") == Self.paragraph)
        for (line, next) in zip(lines, lines.dropFirst()) {
            let nextWord = next.split(separator: " ").first.map(String.init) ?? ""
            #expect(DisplayWidth.of(line) + 1 + DisplayWidth.of(nextWord) > 72, "'\(nextWord)' would have fitted after '\(line)'")
        }
    }

    @Test("wide characters count two columns when wrapping")
    func wrapsCJKByDisplayWidth() {
        let words = Array(repeating: "主任主任", count: 20).joined(separator: " ")
        let lines = Self.lines(words)
        // 8 words of width 8 and 7 spaces make 71 columns; a ninth would need 80.
        #expect(lines.first == Array(repeating: "主任主任", count: 8).joined(separator: " "))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 72 })

        let emoji = Array(repeating: "🚀🚀🚀", count: 20).joined(separator: " ")
        // 10 words of width 6 and 9 spaces make 69 columns; an eleventh would need 76.
        #expect(Self.lines(emoji).first == Array(repeating: "🚀🚀🚀", count: 10).joined(separator: " "))
    }

    @Test("a URL longer than the line takes lines of its own, broken after a '/' so none is over 72 columns")
    func longURLsBreakAfterASlash() {
        let url = "https://www.legislation.gov.uk/anaw/2015/2/contents/enacted/part/2/section/5/subsection/2/c?view=plain"
        let lines = Self.lines("See \(url) for the text of the Act and the guidance that goes with it.")
        #expect(lines == ["See", "https://www.legislation.gov.uk/anaw/2015/2/contents/enacted/part/2/",
                          "section/5/subsection/2/c?view=plain", "for the text of the Act and the guidance that goes with it."])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 72 })
    }

    @Test("a link's long URL stays inside its angle brackets, whose line breaks RFC 3986 says to ignore")
    func linkURLsBreakInsideTheirBrackets() {
        let url = "https://www.thinklocalactpersonal.org.uk/Latest/Co-production-The-ladder-of-co-production/"
        let lines = Self.lines("Think Local Act Personal publish the [Ladder of Co-production](\(url)) for anyone to use.")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 72 }, "\(lines)")
        #expect(lines.joined().contains("<\(url)>"), "\(lines)")
    }

    @Test("a word without break points is cut at the width")
    func unbreakableWordsAreCut() {
        let word = String(repeating: "x", count: 100)
        #expect(Self.lines(word) == [String(repeating: "x", count: 72), String(repeating: "x", count: 28)])
    }

    // MARK: Headings

    @Test("a level 1 heading is ruled above and below with '='")
    func heading1() {
        #expect(Self.lines("# Briefing for Cardiff") == ["====================", "Briefing for Cardiff", "===================="])
    }

    @Test("a level 2 heading is underlined with '=', deeper levels with '-'")
    func headings2And3() {
        #expect(Self.lines("## At a glance") == ["At a glance", "==========="])
        #expect(Self.lines("### First steps") == ["First steps", "-----------"])
        #expect(Self.lines("#### Detail") == ["Detail", "------"])
    }

    @Test("the underline matches the display width of the heading")
    func headingUnderlineWidth() {
        #expect(Self.lines("## 主任 🚀") == ["主任 🚀", "=======" ])
        #expect(Self.lines("## Llŷn") == ["Llŷn", "===="])
    }

    @Test("a long heading wraps, and the underline matches its longest line")
    func longHeading() {
        let title = "Co-production strengthens formal consultation but it does not replace it, and the law still applies"
        let lines = Self.lines("## " + title)
        let text = lines.dropLast()
        #expect(text.count == 2)
        #expect(text.joined(separator: " ") == title)
        #expect(lines.last == String(repeating: "=", count: text.map { DisplayWidth.of($0) }.max()!))
    }

    @Test("inline markup inside a heading is dropped")
    func headingWithMarkup() {
        #expect(Self.lines("### Use `lint` and *check*") == ["Use lint and check", "------------------"])
    }

    // MARK: Lists

    @Test("unordered lists use bullets")
    func unorderedList() {
        #expect(Self.lines("- one\n- two\n- three\n") == ["• one", "• two", "• three"])
        #expect(Self.lines("* one\n+ two\n") == ["• one", "", "• two"])
    }

    @Test("ordered lists keep their numbers and start")
    func orderedList() {
        #expect(Self.lines("1. one\n2. two\n") == ["1. one", "2. two"])
        #expect(Self.lines("3. three\n4. four\n") == ["3. three", "4. four"])
        #expect(Self.lines("1) one\n2) two\n") == ["1. one", "2. two"])
    }

    @Test("items of a list of ten or more line up after the widest number")
    func orderedListAlignment() {
        let markdown = (1...10).map { "\($0). item \($0)" }.joined(separator: "\n")
        let lines = Self.lines(markdown)
        #expect(lines.first == "1.  item 1")
        #expect(lines.last == "10. item 10")
    }

    @Test("wrapped list items hang under their text, not under the marker")
    func hangingIndent() {
        let lines = Self.lines("- \(Self.paragraph)\n- short\n")
        #expect(lines.first?.hasPrefix("• Co-production") == true)
        let continuation = lines.dropFirst().prefix { !$0.hasPrefix("•") }
        #expect(continuation.count >= 3)
        #expect(continuation.allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }, "\(continuation)")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 72 })
        #expect(lines.last == "• short")

        let ordered = Self.lines("1. \(Self.paragraph)\n")
        #expect(ordered.first?.hasPrefix("1. Co-production") == true)
        #expect(ordered.dropFirst().allSatisfy { $0.hasPrefix("   ") && !$0.hasPrefix("    ") }, "\(ordered)")
    }

    @Test("a tight nested list stays tight: no blank lines inside it")
    func nestedTightList() {
        #expect(Self.lines("- a\n  - b\n  - c\n- d\n") == ["• a", "  • b", "  • c", "• d"])
        #expect(Self.lines("- Plan\n  1. Agree criteria\n  2. Publish them\n- Report back\n")
                == ["• Plan", "  1. Agree criteria", "  2. Publish them", "• Report back"])
    }

    @Test("nested items hang under their own text")
    func nestedHangingIndent() {
        let lines = Self.lines("1. Step\n   - \(Self.paragraph)\n")
        let nested = lines.filter { !$0.hasPrefix("1.") && !$0.isEmpty }
        #expect(nested.first?.hasPrefix("   • Co-production") == true, "\(lines)")
        #expect(nested.dropFirst().allSatisfy { $0.hasPrefix("     ") && !$0.hasPrefix("      ") }, "\(lines)")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 72 })
    }

    @Test("a loose list keeps a blank line between items")
    func looseList() {
        #expect(Self.lines("- a\n\n- b\n") == ["• a", "", "• b"])
    }

    // MARK: Tables

    @Test("table columns follow the header's alignment: left, centre, right")
    func alignedTable() {
        let markdown = "| Left | Centre | Right |\n|:--|:--:|--:|\n| a | b | c |\n| long cell | mid | 1000 |\n"
        #expect(Self.lines(markdown) == [
            "Left       Centre  Right",
            "---------  ------  -----",
            "a            b         c",
            "long cell   mid     1000",
        ])
    }

    @Test("a table without alignments is left-aligned and padded by display width")
    func tableWithWideCharacters() {
        let markdown = "| 名前 | Role |\n|---|---|\n| 主任 | Chief |\n| Ann | Director |\n"
        #expect(Self.lines(markdown) == [
            "名前  Role",
            "----  --------",
            "主任  Chief",
            "Ann   Director",
        ])
    }

    @Test("inline markup in cells is dropped and links keep their URL")
    func tableCellsWithMarkup() {
        let markdown = "| Act | Where |\n|---|---|\n| **Wales** | [2015](https://x.org/a) |\n"
        #expect(Self.lines(markdown) == ["Act    Where", "-----  ----------------------", "Wales  2015 <https://x.org/a>"])
    }

    @Test("a table too wide for the page is stacked as 'Header: value' lines")
    func stackedTable() {
        let markdown = """
            | Name | Description |
            |------|-------------|
            | Alpha | The first option keeps every service on its current site and adds evening clinics in three towns |
            | Beta | Close one site |
            """
        #expect(Self.lines(markdown) == [
            "Name: Alpha",
            "Description: The first option keeps every service on its current site",
            "  and adds evening clinics in three towns",
            "",
            "Name: Beta",
            "Description: Close one site",
        ])
    }

    // MARK: Inlines and other blocks

    @Test("links read as 'text <url>'; an autolink is just its URL")
    func links() {
        #expect(Self.render("Read the [SCIE charter](https://www.scie.org.uk/co-production/) today.")
                == "Read the SCIE charter <https://www.scie.org.uk/co-production/> today.\n")
        #expect(Self.render("See <https://www.gov.wales/>.") == "See https://www.gov.wales/.\n")
    }

    @Test("inline code loses its backticks; emphasis and strong lose their markers")
    func inlineMarkup() {
        #expect(Self.render("Run `briefing lint` first.") == "Run briefing lint first.\n")
        #expect(Self.render("*a* **b** _c_ __d__ ***e***") == "a b c d e\n")
    }

    @Test("raw HTML is dropped, escaped characters stay literal")
    func htmlAndEscapes() {
        #expect(Self.render("a <b>bold</b> c") == "a bold c\n")
        #expect(Self.render("\\# not a heading, \\*not emphasis\\*") == "# not a heading, *not emphasis*\n")
    }

    @Test("block quotes and code blocks are indented four spaces")
    func quotesAndCode() {
        #expect(Self.lines("> quoted text\n> more") == ["    quoted text more"])
        #expect(Self.lines("```\nlet x = 1\n  nested\n```") == ["    let x = 1", "      nested"])
        let quote = Self.lines("> " + Self.paragraph)
        #expect(quote.allSatisfy { $0.hasPrefix("    ") && DisplayWidth.of($0) <= 72 })
    }

    @Test("a hard line break starts a new line; a soft break is a space")
    func lineBreaks() {
        #expect(Self.lines("one  \ntwo\nthree") == ["one", "two three"])
    }

    @Test("a thematic break is a centred row of dots")
    func thematicBreak() {
        #expect(Self.lines("a\n\n---\n\nb") == ["a", "", String(repeating: " ", count: 33) + "· · ·", "", "b"])
    }

    @Test("blocks are separated by one blank line and the text ends with one newline")
    func blockSeparation() {
        #expect(Self.render("# T\n\nPara one.\n\n\n\nPara two.\n\n") == "=\nT\n=\n\nPara one.\n\nPara two.\n")
    }

    @Test("no Markdown markers are left in a rich document")
    func noMarkersLeft() {
        let markdown = """
            # Title with *emphasis*

            | Context | Details |
            | --- | --- |
            | Organisation | Cardiff and Vale |

            ## Section with `code`

            ### Snippet **title**

            Some **strong**, *emphasis*, __also strong__, `code` and a [link](https://example.org/x).

            - item with [a link](https://example.org/y)
              - nested *item*
            1. ordered **item**

            > a quote with `code`

            ---

            ```
            fenced
            ```
            """
        let text = Self.render(markdown)
        for marker in ["**", "__", "`", "](", "|---", "| ---", "##", "```"] {
            #expect(!text.contains(marker), "'\(marker)' left in:\n\(text)")
        }
        for line in text.split(separator: "\n") {
            #expect(!line.hasPrefix("#") && !line.hasPrefix("> ") && !line.hasPrefix("- ") && !line.hasPrefix("|"),
                    "marker at the start of '\(line)'")
        }
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains("a link <https://example.org/x>"))
        #expect(text.contains("Organisation  Cardiff and Vale"))
    }

    @Test("no line ends in spaces")
    func noTrailingSpaces() {
        let text = Self.render("| a | b |\n|:-:|:-:|\n| x | y |\n\n- \(Self.paragraph)\n\n> quote\n>\n> more")
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }
}
