import Foundation
import Testing
@testable import BriefingCore

/// The byte-level fast paths of loading give exactly what the code they replace gave: each is run
/// against the slower original (Foundation, Character by Character, or a full cmark-gfm parse) on
/// the shipped library and on many generated texts full of Unicode and Markdown corner cases.
@Suite struct LoadingFastPathTests {
    /// A small seeded generator, so that every run tries the same texts.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// `count` texts of up to `pieces` pieces drawn from `alphabet`.
    static func texts(_ alphabet: [String], count: Int, pieces: Int, seed: UInt64) -> [String] {
        var generator = SplitMix(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...pieces, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
        }
    }

    /// Characters that compose, decompose, join graphemes or look like ASCII.
    static let unicodeCorners = ["é", "e\u{301}", "\u{301}", "K", "\u{212A}", "\u{600}", "\u{A0}", "\u{2028}", "\u{85}",
                                 "٣", "½", "🎉", "👩‍👩‍👧", "\u{FEFF}", "\u{0}", "ß", "ﬁ", "\r\n", "\r", "\n", "\t", " "]

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bodies and summaries of every shipped snippet.
    static func shippedTexts() throws -> [String] {
        let library = try LibraryLoader.load(from: repository.path)
        return library.snippets.flatMap { [$0.body.source] + ($0.summary.map { [$0.source] } ?? []) }
    }

    @Test func textSearchAgreesWithFoundation() {
        let alphabet = Self.unicodeCorners + ["a", "b", "{", "{{", "}", " ", "http://", "x y"]
        let needles = ["{{", " ", "\n", "e", "K", "é", "a b", "\r\n", "\u{301}"]
        var checked = 0
        for text in Self.texts(alphabet, count: 4_000, pieces: 6, seed: 1) {
            for needle in needles {
                #expect(TextSearch.contains(text, needle) == (text.range(of: needle) != nil),
                        "\(text.debugDescription) contains \(needle.debugDescription)")
                let slice = text.dropFirst()
                #expect(TextSearch.contains(slice, needle) == (slice.range(of: needle) != nil))
                checked += 1
            }
        }
        #expect(checked == 36_000)
    }

    /// The word count as it was: Unicode scalar by scalar.
    static func referenceWordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false, wordHasText = false
        for scalar in text.unicodeScalars {
            let isWhitespace = scalar.properties.isWhitespace
            let hasText = !isWhitespace && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            if isWhitespace {
                if inWord, wordHasText { count += 1 }
                inWord = false
                wordHasText = false
            } else {
                inWord = true
                if hasText { wordHasText = true }
            }
        }
        if inWord, wordHasText { count += 1 }
        return count
    }

    @Test func wordCountAgreesWithScalarByScalar() throws {
        let alphabet = Self.unicodeCorners + ["word", "1", "-", "—", "’", " ", "\u{3000}", "漢字", "\u{10FFFF}", "ǅ"]
        for text in try Self.shippedTexts() + Self.texts(alphabet, count: 5_000, pieces: 10, seed: 2) {
            #expect(WordCount.count(in: text) == Self.referenceWordCount(text), "\(text.debugDescription)")
        }
        // Every scalar on its own, and between words.
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a\(Character(scalar))b"
            if WordCount.count(in: text) != Self.referenceWordCount(text) {
                Issue.record("U+\(String(value, radix: 16))")
                return
            }
        }
    }

    @Test func theBodyCheckIsSkippedOnlyWhenCmarkWouldFindNothing() throws {
        let alphabet = ["#", "<", ">", "-", "=", "!", "[", "]", "(", ")", "*", "_", "`", "~", "|", ":", "1", ".", "a", "word",
                        " ", "   ", "\t", "\n", "\r", "\r\n", "\n\n", "x", "<b>", "![i](u)", "---", "===", "- ", "> "]
        var skipped = 0
        for text in try Self.shippedTexts() + Self.texts(alphabet, count: 20_000, pieces: 12, seed: 3) {
            let full = MarkdownBodyChecker.parsedFindings(text, file: "f", firstLine: 1)
            if !MarkdownBodyChecker.mayHaveFindings(text) {
                skipped += 1
                #expect(full.isEmpty, "\(text.debugDescription): \(full)")
            }
            #expect(MarkdownBodyChecker.check(text, file: "f", firstLine: 1) == full, "\(text.debugDescription)")
        }
        #expect(skipped > 1_000)
    }

    @Test func theSummaryCheckIsSkippedOnlyWhenCmarkWouldFindNothing() throws {
        let alphabet = ["#", "<", ">", "-", "=", "+", "*", "_", "`", "~", "|", "1", ".", ")", "a", "word", "{{x}}",
                        " ", "    ", "\t", "\n", "\r", "\n\n", "[a]: /u", "<b>", "```", "***", "- a", "1. a"]
        let at = SourceLocation(file: "f", line: 1, column: 1)
        var skipped = 0
        for text in try Self.shippedTexts() + Self.texts(alphabet, count: 20_000, pieces: 8, seed: 4) {
            let full = MarkdownBodyChecker.parsedInlineFindings(text, at: at)
            if !MarkdownBodyChecker.inlineMayHaveFindings(text) {
                skipped += 1
                #expect(full.isEmpty, "\(text.debugDescription): \(full)")
            }
            #expect(MarkdownBodyChecker.checkInline(text, at: at) == full, "\(text.debugDescription)")
        }
        #expect(skipped > 1_000)
    }

    @Test func theConditionLexerAgreesWithTheCharacterByCharacterOne() throws {
        let alphabet = Self.unicodeCorners + ["nation", "score.power", "_x", "a-b", "x.", ".y", "==", "!=", "<", "<=", ">", ">=",
                                              "=", "&", "|", "!", "(", ")", "[", "]", ",", "\"", "'", "\\", "\"wales\"",
                                              "and", "or", "not", "in", "contains", "1", "-", ".", "2.5", "-3", "1a", "x\u{301}"]
        let shipped = try LibraryLoader.load(from: Self.repository.path).snippets.compactMap { $0.when?.source }
        #expect(shipped.count > 100)
        for text in shipped + Self.texts(alphabet, count: 20_000, pieces: 8, seed: 5) {
            let fast = Result { () throws(ConditionSyntaxError) in try ConditionLexer.tokens(of: text) }
            let reference = Result { () throws(ConditionSyntaxError) in try ReferenceConditionLexer.tokens(of: text) }
            switch (fast, reference) {
            case (.success(let a), .success(let b)):
                #expect(a == b, "\(text.debugDescription)")
            case (.failure(let a), .failure(let b)):
                #expect(a.message == b.message && a.offset == b.offset, "\(text.debugDescription): \(a.message) / \(b.message)")
            default:
                Issue.record("one lexer accepts \(text.debugDescription), the other does not")
            }
        }
    }

    /// Variable positions as they were worked out, character by character over the whole template:
    /// each variable's `line:column`, and where the first broken one starts.
    static func referencePositions(_ source: String) -> (variables: [String], error: String?) {
        var line = 0, column = 1
        var variables: [String] = []
        func advance(over text: Substring) {
            for character in text {
                if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += 1 }
            }
        }
        var rest = source[...]
        while let open = rest.range(of: "{{", options: .literal) {
            advance(over: rest[..<open.lowerBound])
            guard let close = rest[open.upperBound...].range(of: "}}", options: .literal) else { return (variables, "\(line):\(column)") }
            let inside = rest[open.upperBound..<close.lowerBound]
            let name = inside.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingSpacesAndTabs()
            if inside.range(of: "\n") != nil || name.isEmpty { return (variables, "\(line):\(column)") }
            variables.append("\(line):\(column)")
            advance(over: rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return (variables, nil)
    }

    @Test func templatePositionsAgreeWithCharacterByCharacter() throws {
        let alphabet = Self.unicodeCorners + ["word", "{{x}}", "{{ y | z }}", "{{", "}}", "{", "}", "|", "\n\n"]
        var compared = 0, broken = 0
        for source in try Self.shippedTexts() + Self.texts(alphabet, count: 10_000, pieces: 10, seed: 6) {
            // A brace carrying a combining mark is a different character, but the same byte: the
            // template reads bytes, the reference characters, so such texts are left out.
            guard !source.unicodeScalars.contains(where: { $0 == "\u{301}" }) else { continue }
            let reference = Self.referencePositions(source)
            do {
                let variables = try Template(parsing: source).variables.map { "\($0.line):\($0.column)" }
                #expect(reference.error == nil && variables == reference.variables, "\(source.debugDescription)")
            } catch {
                broken += 1
                #expect(reference.error == "\(error.line):\(error.column)", "\(source.debugDescription): \(error.message)")
            }
            compared += 1
        }
        #expect(compared > 5_000 && broken > 100)
    }

    /// The extension and stem of a file name as they were worked out: character by character.
    static func characterExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    static func characterStem(_ relative: String) -> String {
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        let suffix = characterExtension(name)
        return suffix.isEmpty ? name : String(name.dropLast(suffix.count + 1))
    }

    @Test func fileNameHelpersAgreeWithCharacterOperations() {
        let names = ["a.md", "a.b.md", ".md", "a.", "a", "", "dir/a.md", "dir/sub/b.yaml", "dir/.hidden", "d.x/a", "a/b/",
                     "/", "a//b.md", "caf\u{e9}.md", "e\u{301}.md", "a.\u{301}md", "x/\u{301}y.md", "a\r\n.md", "a..md", "a.b."]
        for name in names {
            #expect(LibraryLoader.pathExtension(name) == Self.characterExtension(name), "\(name.debugDescription)")
            #expect(LibraryLoader.stem(name) == Self.characterStem(name), "\(name.debugDescription)")
        }
    }
}
