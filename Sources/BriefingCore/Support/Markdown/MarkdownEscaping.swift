/// Escaping text so that it stays literal when placed inline in Markdown, wherever it lands:
/// mid-line, at the start of a line, in a table cell or in link text.
public enum MarkdownEscaping {
    /// Characters that can open or close inline markup anywhere: emphasis, code, links, images,
    /// HTML, entities, table cells, and the backslash itself.
    private static let inlineSpecial: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~", "!"]
    /// Characters that open a block (heading, list, quote, setext underline) at the start of a line.
    private static let blockStart: Set<Character> = ["#", "-", "+", "="]

    /// Escapes `text` so that it can never add headings, lists, links, HTML, emphasis, code or line
    /// breaks. Whitespace runs become one space, the ends are trimmed, control characters become
    /// spaces and NUL becomes U+FFFD. Only characters that could mean something are escaped, so the
    /// Markdown stays readable.
    public static func escape(_ text: String) -> String {
        let words = normalise(text)
        var result = ""
        result.reserveCapacity(words.utf8.count + 8)
        let listMarker = orderedListMarkerIndex(words)
        for (offset, character) in words.enumerated() {
            if inlineSpecial.contains(character) || (offset == 0 && blockStart.contains(character))
                || offset == listMarker {
                result.append("\\")
            }
            result.append(character)
        }
        return result
    }

    /// Single spaces between words, no control characters, no NUL.
    private static func normalise(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for var character in text {
            if character == "\0" { character = "\u{FFFD}" }
            let isControl = character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
            if character.isWhitespace || isControl {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }

    /// The offset of the `.` or `)` in a leading "12." or "3)", which would open an ordered list.
    private static func orderedListMarkerIndex(_ text: String) -> Int? {
        var digits = 0
        for character in text {
            if character.isASCII, character.isNumber {
                digits += 1
                continue
            }
            return digits > 0 && digits <= 9 && (character == "." || character == ")") ? digits : nil
        }
        return nil
    }
}
