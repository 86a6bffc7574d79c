import Foundation
import Testing
import Yams
@testable import BriefingCore

/// The shortcuts behind loading speed must change nothing: front matter composed with Yams' basic
/// resolver gives exactly the tree of `Yams.compose` (marks and styles included), and the byte-level
/// helpers agree with the Foundation calls they replace.
@Suite struct LoadingShortcutsTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A tree as text, with every mark and style, so that two trees compare as strings.
    static func describe(_ node: Node?) -> String {
        guard let node else { return "nil" }
        switch node {
        case .scalar(let scalar):
            return "scalar(\(scalar.string.debugDescription) \(scalar.style) @\(scalar.mark.map { "\($0)" } ?? "-"))"
        case .mapping(let mapping):
            let pairs = mapping.map { "\(describe($0.key)): \(describe($0.value))" }
            return "mapping(\(mapping.style) @\(mapping.mark.map { "\($0)" } ?? "-") {\(pairs.joined(separator: ", "))})"
        case .sequence(let sequence):
            let items = sequence.map(describe)
            return "sequence(\(sequence.style) @\(sequence.mark.map { "\($0)" } ?? "-") [\(items.joined(separator: ", "))])"
        case .alias:
            return "alias"
        }
    }

    /// Front matter as the authoring guide writes it.
    static let plainDocuments = [
        "id: x\ntitle: y",
        "# a comment\n\nid: x   # trailing comment\ntitle: \"Quoted: with # and \\\"escapes\\\"\"\n",
        "title: 'It''s single-quoted' # comment\nsection: summary",
        "title: Plain with a colon:inside and a hash#inside\nurl: https://example.org/a#b",
        "title:     lots of spaces before   \norder: 20\npriority: 1",
        "blueprints: [senior-leader, readiness]\nwhen: nation == \"wales\" and stage != \"delivery\"",
        "blueprints: [ a , \"b\" , 'c' ]\nempty: []",
        "blueprints: [é, b, ünïcödé]\ntitle: Café — “quoted” ’s 🎉 done",
        "sources:\n  - title: A\n    url: https://a.example\n  - title: \"B\"\n    url: https://b.example\nreviewed: 2026-01-01",
        "sources:\n- title: A\n  url: https://a.example\n- title: B\n  url: https://b.example\nid: x",
        "sources: # the citations\n  # first\n  - title: A\n\n    url: https://a.example\n\n  - title: B\n    url: https://b.example\n",
        "blueprints:\n  - senior-leader\n  - 'readiness'\nid: x",
        "title: x\n  # an indented comment\nid: y",
        "title: x\n\n\nid: y\n\n",
        "minutes: 1.5\nreviewed: 2026-11-01\nnothing: ~\nflag: yes",
    ]

    /// Unusual YAML, valid or not: tags, anchors, block scalars, duplicate keys, odd whitespace.
    static let unusualDocuments = [
        "", "# only a comment\n", "title:", "title:\nid: x", "- a\n- b", "title: a: b", "title: trailing:",
        "title: \"unterminated", "title: \"x\"y", "title: \"\\n escape\"", "title: a\n  continued", "title: |\n  block",
        "title: >\n  folded", "title: &anchor x", "title: *alias", "title: !!str x", "? complex\n: key", "title: @x",
        "title: `x`", "%YAML 1.1\n---\ntitle: x", "title: x\ntitle: y", "title:\tx", "title: x\r\nid: y",
        "1key: x", "title : x", "key:value", "blueprints: [a, [b]]", "blueprints: [a, b", "blueprints: [a, b]x",
        "blueprints: [a: b]", "blueprints: [a, ]", "blueprints: {a: b}", "order: -5", "sources:\n  - title: A\n     url: B",
        "sources:\n  - title: A\n  url: B", "sources:\n  -\n    title: A", "sources:\n  - title:\n      nested: x",
        "sources:\n  - [a, b]", "title: x\u{2028}y", "title: x\u{85}y", "title: \u{FEFF}x",
    ]

    @Test func composeReadsEveryDocumentExactlyAsYamsDoes() throws {
        for text in Self.plainDocuments + Self.unusualDocuments {
            let ours = Result { try YAMLDocument.compose(text) }
            let theirs = Result { try Yams.compose(yaml: text) }
            switch (ours, theirs) {
            case (.success(let a), .success(let b)):
                #expect(Self.describe(a) == Self.describe(b), "\(text.debugDescription)")
            case (.failure(let a), .failure(let b)):
                #expect("\(a)" == "\(b)", "\(text.debugDescription)")
            default:
                Issue.record("one parser accepts \(text.debugDescription), the other does not")
            }
        }
    }

    @Test func whitespaceHelpersAgreeWithFoundation() {
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isWhitespaceOrNewline != CharacterSet.whitespacesAndNewlines.contains(scalar)
                || scalar.isSpaceOrTab != CharacterSet.whitespaces.contains(scalar) {
                mismatches.append("U+\(String(value, radix: 16))")
            }
            guard value < 0x3100 || value == 0xFEFF else { continue }
            let text = "\(Character(scalar))x\(Character(scalar))"
            let alone = String(Character(scalar))
            if text.trimmingWhitespaceAndNewlines() != text.trimmingCharacters(in: .whitespacesAndNewlines)
                || Substring(text).trimmingSpacesAndTabs() != text.trimmingCharacters(in: .whitespaces)
                || alone.isBlank != alone.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                mismatches.append("trimming U+\(String(value, radix: 16))")
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test func wordCountAgreesWithUnicodeProperties() {
        func reference(_ text: String) -> Int {
            var count = 0, inWord = false, hasText = false
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace {
                    if inWord, hasText { count += 1 }
                    inWord = false
                    hasText = false
                } else {
                    inWord = true
                    if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { hasText = true }
                }
            }
            return inWord && hasText ? count + 1 : count
        }
        let ascii = String((0..<128).compactMap { Unicode.Scalar($0).map(Character.init) })
        for text in [ascii, "Co-production — it’s 100% about people, not *process*.\n\n- one\n- two", "½ ² Ⅻ café", " - -- * 1 "] {
            #expect(WordCount.count(in: text) == reference(text), "\(text.debugDescription)")
        }
    }

    /// The line-based splitter the byte-level one replaced, kept here as the reference.
    static func referenceSplit(_ text: String) -> (String, String, Int)? {
        func trimmed(_ line: Substring) -> Substring {
            var result = line
            while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
            return result
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        guard let first = lines.first, trimmed(first) == "---" else { return nil }
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { trimmed($0) == "---" || trimmed($0) == "..." }) else { return nil }
        return (lines[..<end].joined(separator: "\n"), lines[(end + 1)...].joined(separator: "\n"), end + 3)
    }

    @Test(arguments: [
        "---\nid: x\n---\nBody\n", "---\n---\n", "---\nid: x\n...\nBody", "---  \nid: x\n--- \t\nBody\r",
        "---\r\nid: x\r\n---\r\nBody\r\n", "--- x\nid: x\n---\n", "---", "---\n", "---\nid: x\n", "\n---\nid: x\n---\n",
        "---\nid: x\n---", "---\nid: x\n---\r", "---\nid: é\n----\n---\n\nBody ’s\n\n", "---\n\n\n---\nb\n\n",
    ])
    func frontMatterSplitMatchesTheLineBasedReference(_ text: String) {
        let split = FrontMatter.split(text)
        let reference = Self.referenceSplit(text)
        #expect(split?.yaml == reference?.0)
        #expect(split?.body == reference?.1)
        #expect(split?.bodyLine == reference?.2)
    }

    @Test func decimalNumbersReadAsYamsReadsThem() throws {
        for text in ["0", "7", "-12", "007", "-0", "0x1F", "1_000", "+5", "1.5", "-2.25", "1e3", ".5", "5.", "1-2", "99999999999999999999"] {
            let node = try #require(try Yams.compose(yaml: "value: \(text)")?["value"])
            if let fast = YAMLFields.decimalInt(node) { #expect(fast == node.int, "\(text)") }
            if let fast = YAMLFields.decimalDouble(node) { #expect(fast == node.float, "\(text)") }
        }
    }

    /// `MarkdownEscaping.escape` as it was before its ASCII fast path, kept as the reference.
    static func referenceEscape(_ text: String) -> String {
        let inlineSpecial: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~", "!"]
        let blockStart: Set<Character> = ["#", "-", "+", "="]
        var words = ""
        var pendingSpace = false
        for var character in text {
            if character == "\0" { character = "\u{FFFD}" }
            let isControl = character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
            if character.isWhitespace || isControl {
                pendingSpace = !words.isEmpty
                continue
            }
            if pendingSpace { words.append(" ") }
            pendingSpace = false
            words.append(character)
        }
        var listMarker: Int?
        var digits = 0
        for character in words {
            if character.isASCII, character.isNumber {
                digits += 1
                continue
            }
            listMarker = digits > 0 && digits <= 9 && (character == "." || character == ")") ? digits : nil
            break
        }
        var result = ""
        for (offset, character) in words.enumerated() {
            if inlineSpecial.contains(character) || (offset == 0 && blockStart.contains(character)) || offset == listMarker {
                result.append("\\")
            }
            result.append(character)
        }
        return result
    }

    @Test func escapingMatchesTheReferenceOnTrickyAndRandomText() {
        var samples = ["", " ", "#", "# Heading", "-", "- item", "+x", "=x", "1. one", "12) two", "1234567890. ten", "1 . x",
                       "  12.  x  ", "a\r\nb", "tab\tsep", "\u{1C}x\u{7F}y", "a*b_c`d[e]f<g>h&i|j~k!l\\m",
                       "NUL\0here", "Café ’s “q”", "e\u{301}*", "\r\n1. x", "9)", "0.5", "a\u{85}b", "x\u{2028}y"]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(" \t\r\n#-+=.)0123456789ab*_`[]<>&|~!\\\u{1}\u{7F}")
        for _ in 0..<2_000 {
            samples.append(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for sample in samples {
            #expect(MarkdownEscaping.escape(sample) == Self.referenceEscape(sample), "\(sample.debugDescription)")
        }
    }
}
