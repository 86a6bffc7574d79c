/// Greedy word wrapping by display width. Lines break at spaces; a word wider than the whole line
/// (in practice a long URL) is broken after a `/`, `?`, `&`, `=`, `-` or `.` where it can be, else
/// at the width, so that no line is ever wider than `width`. A URL broken this way stays inside its
/// angle brackets, where RFC 3986 (appendix C) says readers ignore the line breaks.
public enum TextWrapper {
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        // Working on UTF-8 bytes is safe: a space or a newline byte never sits inside a character.
        for paragraphLine in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            var brokeLastWord = false
            for bytes in paragraphLine.split(separator: 0x20) {
                let word = Substring(bytes)
                let wordWidth = DisplayWidth.of(word)
                if wordWidth > width, width > 0 {
                    // The broken word takes whole lines of its own, so its pieces read as one block.
                    if lineWidth > 0 { lines.append(line) }
                    lines += breakWord(word, width: width)
                    line = ""
                    lineWidth = 0
                    brokeLastWord = true
                    continue
                }
                brokeLastWord = false
                if lineWidth == 0 {
                    line = String(word)
                    lineWidth = wordWidth
                } else if lineWidth + 1 + wordWidth <= width {
                    line += " "
                    line += word
                    lineWidth += 1 + wordWidth
                } else {
                    lines.append(line)
                    line = String(word)
                    lineWidth = wordWidth
                }
            }
            if !(line.isEmpty && brokeLastWord) { lines.append(line) }
        }
        return lines
    }

    /// Pieces of `word`, each at most `width` columns wide: broken after the last `/`, `?`, `&` or `=`
    /// that fits, else after a `-` or `.`, else at the width.
    static func breakWord(_ word: Substring, width: Int) -> [String] {
        var pieces: [String] = []
        var current: [Character] = []
        var currentWidth = 0
        // How many characters of `current` come before its last strong and weak break points.
        var strongBreak: Int?
        var weakBreak: Int?
        func markBreaks() {
            strongBreak = nil
            weakBreak = nil
            for (offset, character) in current.enumerated() {
                if "/?&=".contains(character) { strongBreak = offset + 1 } else if "-.".contains(character) { weakBreak = offset + 1 }
            }
        }
        for character in word {
            let characterWidth = DisplayWidth.of(String(character))
            if currentWidth + characterWidth > width, !current.isEmpty {
                let cut = strongBreak ?? weakBreak ?? current.count
                pieces.append(String(current[..<cut]))
                current = Array(current[cut...])
                currentWidth = DisplayWidth.of(String(current))
                markBreaks()
            }
            current.append(character)
            currentWidth += characterWidth
            if "/?&=".contains(character) { strongBreak = current.count } else if "-.".contains(character) { weakBreak = current.count }
        }
        pieces.append(String(current))
        return pieces
    }
}
