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
        if let escaped = escapeASCII(text) { return breakingAutolinks(escaped) }
        let words = normalise(text)
        var result = ""
        result.reserveCapacity(words.utf8.count + 8)
        let listMarker = orderedListMarkerIndex(words)
        for (offset, character) in words.enumerated() {
            if offset == 0, character == "\u{FEFF}" {
                result += "&#xFEFF;"
                continue
            }
            if inlineSpecial.contains(character) || (offset == 0 && blockStart.contains(character))
                || offset == listMarker {
                result.append("\\")
            }
            result.append(character)
        }
        return breakingAutolinks(result)
    }

    /// GFM turns bare `https://…`, `www.…` and e-mail addresses into links; answers must never add
    /// links. The `:` of `://` and the `.` after a leading `www` are escaped, so the text reads the
    /// same. No escape stops GFM linking an e-mail address, so the `@` between two letters or digits
    /// is written as the full-width `＠` (U+FF20): still visible, never a link.
    static func breakingAutolinks(_ text: String) -> String {
        guard text.contains("://") || text.contains("@") || text.lowercased().contains("www.") else { return text }
        let characters = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count + 4)
        for (index, character) in characters.enumerated() {
            if character == ":", index + 2 < characters.count, characters[index + 1] == "/", characters[index + 2] == "/",
               index == 0 || characters[index - 1] != "\\" {
                out.append("\\")
            } else if character == ".", index >= 3, characters[(index - 3)..<index].map({ $0.lowercased() }).joined() == "www",
                      index == 3 || !(characters[index - 4].isLetter || characters[index - 4].isNumber) {
                out.append("\\")
            } else if character == "@", index > 0, index + 1 < characters.count,
                      characters[index - 1].isLetter || characters[index - 1].isNumber || "._+-".contains(characters[index - 1]),
                      characters[index + 1].isLetter || characters[index + 1].isNumber {
                out.append("＠")
                continue
            }
            out.append(character)
        }
        return out
    }

    /// `escape` for text that is all ASCII and free of NUL, byte by byte: every ASCII character is a
    /// single byte, and a "\r\n" pair, one character to Swift, is whitespace either way. Nil for
    /// other text, which takes the general path.
    private static func escapeASCII(_ text: String) -> String? {
        var text = text
        if text.withUTF8(needsNoChange) { return text }
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var pendingSpace = false
            var offset = 0
            // While every character so far is a digit, a "." or ")" right after them opens a list.
            var leadingDigits = 0, inLeadingDigits = true
            for byte in bytes {
                guard byte < 0x80, byte != 0 else { return nil }
                if byte <= 0x20 || byte == 0x7F {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace {
                    out.append(0x20)
                    offset += 1
                    inLeadingDigits = false
                    pendingSpace = false
                }
                var isListMarker = false
                if inLeadingDigits {
                    if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                        leadingDigits += 1
                    } else {
                        inLeadingDigits = false
                        isListMarker = (1...9).contains(leadingDigits) && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")"))
                    }
                }
                if isInlineSpecial(byte) || (offset == 0 && isBlockStart(byte)) || isListMarker {
                    out.append(UInt8(ascii: "\\"))
                }
                out.append(byte)
                offset += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// True for ASCII text that escaping leaves as it is: printable, single spaces between words,
    /// nothing to escape, and no block or list marker at the start. Most titles and labels are.
    private static func needsNoChange(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20, !isBlockStart(first)
        else { return false }
        var previousWasSpace = false
        var leadingDigits = 0, inLeadingDigits = true
        for byte in bytes {
            guard byte >= 0x20, byte < 0x7F, !isInlineSpecial(byte), byte != UInt8(ascii: ":"), byte != UInt8(ascii: "."),
                  byte != UInt8(ascii: "@") else { return false }
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
                inLeadingDigits = false
                continue
            }
            previousWasSpace = false
            if inLeadingDigits {
                if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    leadingDigits += 1
                } else {
                    if (1...9).contains(leadingDigits), byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")") { return false }
                    inLeadingDigits = false
                }
            }
        }
        return true
    }

    private static func isInlineSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "|"),
             UInt8(ascii: "~"), UInt8(ascii: "!"):
            true
        default:
            false
        }
    }

    private static func isBlockStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "#") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "=")
    }

    /// Single spaces between words, no control characters, no NUL.
    private static func normalise(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for var character in text {
            if character == "\0" { character = "\u{FFFD}" }
            if character.isWhitespace || character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
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
