import Foundation
import Testing
@testable import BriefingCore

/// The plain-text renderer and the word wrapper were rewritten for speed; their output must not
/// change by a byte. Each test compares them with the versions they replaced
/// (`Support/ReferencePlainText.swift`) on the shipped content and on generated Markdown full of
/// the awkward cases: nesting, loose and tight lists, empty items, wide tables, long URLs, wide and
/// zero-width characters, combining and prepended marks, tabs and trailing spaces.
@Suite struct PlainTextEquivalenceTests {
    /// A small, seeded generator, so that every run checks the same inputs.
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }

        mutating func pick<T>(_ items: [T]) -> T {
            items[next(items.count)]
        }
    }

    static let words = [
        "co-production", "the", "board", "of", "Cardiff", "and", "Vale", "trust", "a", "I", "é", "e\u{301}", "\u{301}x",
        "中文字", "🎉", "👨‍👩‍👧", "Ünïcödé", "\t", "tab\there", "zero\u{200B}width", "\u{600} ", "\u{600}", "x\u{600}",
        "https://www.legislation.gov.uk/asc/2021/1/section/39?view=plain&x=1",
        "averyveryveryverylongwordwithoutanybreakpointsatallthatgoesonandonforeverandeverandever",
        "a.b-c/d?e&f=g", "中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文", "**bold**", "_em_",
        "`code`", "[link](https://example.org/a/b)", "<https://example.org/x>", "<b>html</b>", "\\*", "&amp;", "1.", "-", "#",
        "|", "  ", "end.  ",
    ]

    static func sentence(_ generator: inout Generator) -> String {
        (0..<(1 + generator.next(25))).map { _ in generator.pick(words) }.joined(separator: generator.pick([" ", " ", "  ", "\n"]))
    }

    /// One block of Markdown, nested up to `depth` more levels.
    static func block(_ generator: inout Generator, depth: Int) -> String {
        switch generator.next(depth > 0 ? 11 : 7) {
        case 0: return String(repeating: "#", count: 1 + generator.next(4)) + " " + sentence(&generator).replacingOccurrences(of: "\n", with: " ")
        case 1: return "```\n" + sentence(&generator) + "\n  \t\n```"
        case 2: return "---"
        case 3:
            let columns = 1 + generator.next(4)
            let row = { (generator: inout Generator) in
                "| " + (0..<columns).map { _ in sentence(&generator).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "/") }
                    .joined(separator: " | ") + " |"
            }
            let alignment = "|" + (0..<columns).map { _ in generator.pick([" --- ", " :--- ", " ---: ", " :---: "]) }.joined(separator: "|") + "|"
            return ([row(&generator), alignment] + (0..<generator.next(4)).map { _ in row(&generator) }).joined(separator: "\n")
        case 4: return "<div>\nraw html\n</div>"
        case 5: return sentence(&generator) + "  \nafter a hard break\\\nand another"
        case 6: return sentence(&generator)
        case 7, 8:
            let ordered = generator.next(2) == 0
            let start = generator.pick([1, 3, 9, 99])
            let loose = generator.next(2) == 0
            return (0..<(1 + generator.next(4))).map { index in
                let marker = ordered ? "\(start + index). " : generator.pick(["- ", "* "])
                let indent = String(repeating: " ", count: marker.count)
                let body = generator.next(6) == 0 ? "" : (0..<(1 + generator.next(2))).map { _ in block(&generator, depth: depth - 1) }
                    .joined(separator: "\n\n")
                return marker + body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                    .map { $0.offset == 0 ? String($0.element) : ($0.element.isEmpty ? "" : indent + $0.element) }.joined(separator: "\n")
            }.joined(separator: loose ? "\n\n" : "\n")
        default:
            return (0..<(1 + generator.next(3))).map { _ in block(&generator, depth: depth - 1) }.joined(separator: "\n\n")
                .split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        }
    }

    static func document(seed: UInt64) -> String {
        var generator = Generator(state: seed)
        return (0..<(generator.next(6))).map { _ in block(&generator, depth: 3) }.joined(separator: generator.pick(["\n\n", "\n\n\n", "\n"]))
    }

    static func expectSame(_ markdown: String, width: Int, _ what: @autoclosure () -> String) {
        let fast = PlainTextRenderer.render(markdown: markdown, width: width)
        let reference = ReferencePlainTextRenderer.render(markdown: markdown, width: width)
        #expect(fast == reference, "\(what()) at width \(width):\n\(RendererGoldenTests.firstDifference(fast, reference))")
    }

    @Test func generatedMarkdownRendersAsBefore() {
        for seed in UInt64(1)...1_500 {
            let markdown = Self.document(seed: seed)
            Self.expectSame(markdown, width: [72, 72, 40, 100, 12, 5, 1][Int(seed % 7)], "document \(seed): \(markdown.debugDescription)")
        }
    }

    @Test func shippedSnippetsRenderAsBefore() {
        let library = ShippedContentTests.library
        for blueprint in library.blueprints {
            let scope = EvaluationScope(blueprint: blueprint, answers: Answers())
            for snippet in library.snippets(for: blueprint) {
                let markdown = snippet.body.render(in: scope)
                for width in [72, 33] { Self.expectSame(markdown, width: width, snippet.id) }
            }
        }
    }

    @Test func wholeBriefingsRenderAsBefore() throws {
        let library = ShippedContentTests.library
        let blueprint = ShippedContentTests.seniorLeader
        let assembler = Assembler(library: library, blueprint: blueprint)
        for (index, nation) in ["england", "scotland", "wales", "northern-ireland", "uk-wide"].enumerated() {
            let answers = try AnswerResolver.resolve([
                ("organisation", RawAnswer.Value.text("Test 🎉 Council")), ("nation", .text(nation)), ("sector", .text("local-government")),
                ("level", .text("strategic")), ("stage", .text(["options", "decision", "early-thinking", "formal-consultation", "delivery-review"][index])),
                ("maturity", .text("developing")), ("audience", .text("board")), ("drivers", .list(["trust", "net-zero"])), ("minutes", .number(30)),
                ("challenge", .text("We must consult on closing two care homes")),
            ].map { RawAnswer(id: $0.0, value: $0.1, location: SourceLocation(file: "test", line: 0, column: 0)) }, for: blueprint)
            let markdown = MarkdownRenderer.render(assembler.assemble(answers, date: ShippedContentTests.date))
            Self.expectSame(markdown, width: PlainTextRenderer.width, nation)
        }
    }

    @Test func wrappingAndWordBreakingAsBefore() {
        var generator = Generator(state: 42)
        for round in 0..<4_000 {
            let text = Self.sentence(&generator) + generator.pick(["", " ", "\n", "\n\n", "  "])
            let width = [72, 10, 3, 1, 0, -1, 100][round % 7]
            #expect(TextWrapper.wrap(text, width: width) == ReferenceTextWrapper.wrap(text, width: width), "\(text.debugDescription) at \(width)")
            let word = Substring(text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: ""))
            #expect(TextWrapper.breakWord(word, width: max(1, width)) == ReferenceTextWrapper.breakWord(word, width: max(1, width)),
                    "\(word.debugDescription) at \(width)")
        }
        #expect(TextWrapper.wrap("", width: 72) == ReferenceTextWrapper.wrap("", width: 72))
    }
}
