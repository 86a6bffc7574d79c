import BriefingCore

/// Text laid out for a terminal: widths are display columns (a CJK character or an emoji counts
/// two, a combining mark none) and never count ANSI escape sequences; lines break at spaces, never
/// inside a word, with continuation lines indented under the text they continue.
enum ScreenText {
    /// The columns `text` takes on screen, escape sequences left out.
    static func width(_ text: String) -> Int {
        DisplayWidth.of(withoutEscapes(text))
    }

    /// `text` without its ANSI escape sequences (`ESC [ … final`).
    static func withoutEscapes(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var out = ""
        var inEscape = false
        var sawBracket = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if !sawBracket {
                    sawBracket = true
                    if scalar != "[" { inEscape = false }
                    continue
                }
                if (0x40...0x7E).contains(scalar.value) { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" { inEscape = true; sawBracket = false; continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Every line of `text` wrapped to `width` columns.
    static func wrap(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrapLine(String($0), width: width) }
    }

    /// One line wrapped to `width` columns. The first line keeps its own spacing (table columns,
    /// aligned help); the lines after it start under the text: after a list marker ("1. ", "• "),
    /// after a column gap of two or more spaces, or at the line's own indent.
    static func wrapLine(_ line: String, width: Int) -> [String] {
        let width = max(width, 10)
        guard self.width(line) > width else { return [line] }
        let pieces = Piece.split(line)
        let hang = min(hangingIndent(withoutEscapes(line), width: width), width / 2)
        let pad = String(repeating: " ", count: hang)
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        var onFirstLine = true
        var lineHasWord = false
        for piece in pieces {
            let gap = lineHasWord ? (onFirstLine ? piece.spaces : 1) : (onFirstLine ? piece.spaces : 0)
            // A word too long for any line starts where it is and is broken; any other word that
            // does not fit starts the next line.
            let fitsNoLine = piece.width > width - hang && currentWidth + gap + 1 < width
            if lineHasWord, currentWidth + gap + piece.width > width, !fitsNoLine {
                lines.append(current)
                current = pad
                currentWidth = hang
                onFirstLine = false
                lineHasWord = false
            }
            let spacing = lineHasWord || onFirstLine ? gap : 0
            current += String(repeating: " ", count: spacing)
            currentWidth += spacing
            // A word longer than the line (a URL, a path) is the only thing ever broken: after a '/'
            // where it can be, else at the edge.
            var word = piece.text
            var wordWidth = piece.width
            while currentWidth + wordWidth > width, wordWidth > width - hang {
                let room = width - currentWidth
                let (head, tail) = splitWord(word, room: room)
                guard !head.isEmpty else { break }
                lines.append(current + head)
                current = pad
                currentWidth = hang
                onFirstLine = false
                word = tail
                wordWidth = self.width(tail)
            }
            current += word
            currentWidth += wordWidth
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// Where continuation lines start.
    static func hangingIndent(_ line: String, width: Int) -> Int {
        let characters = Array(line)
        var index = 0
        while index < characters.count, characters[index] == " " { index += 1 }
        let leading = index
        // A list marker: "1. ", "12) ", "• ", "- ", "* ", "✓ ", "+ ".
        var marker = index
        while marker < characters.count, characters[marker].isNumber { marker += 1 }
        if marker > index, marker < characters.count, ".)".contains(characters[marker]),
           marker + 1 < characters.count, characters[marker + 1] == " " {
            return DisplayWidth.of(String(characters[0...(marker + 1)]))
        }
        if index + 1 < characters.count, "•-*✓+·✗".contains(characters[index]), characters[index + 1] == " " {
            return DisplayWidth.of(String(characters[0...(index + 1)]))
        }
        // An indented label: "  when: nation == …" continues under what follows the label.
        if leading > 0, let colon = characters[leading...].prefix(14).firstIndex(of: ":"), colon + 1 < characters.count,
           characters[colon + 1] == " ", characters[leading..<colon].allSatisfy({ $0.isLetter }) {
            return DisplayWidth.of(String(characters[0...(colon + 1)]))
        }
        // A column gap: two or more spaces after the first word, within the first part of the line.
        var position = leading
        var lastGapEnd: Int?
        while position < characters.count {
            if characters[position] == " ", position + 1 < characters.count, characters[position + 1] == " " {
                var end = position
                while end < characters.count, characters[end] == " " { end += 1 }
                let column = DisplayWidth.of(String(characters[0..<end]))
                if column <= width * 3 / 5, end < characters.count { lastGapEnd = column }
                position = end
            } else {
                position += 1
            }
        }
        return lastGapEnd ?? leading
    }

    /// The part of `word` that fits in `room` columns, broken after a '/' when one fits, and the rest.
    private static func splitWord(_ word: String, room: Int) -> (String, String) {
        var head = ""
        var headWidth = 0
        var lastSlash: String.Index?
        var index = word.startIndex
        while index < word.endIndex {
            let character = word[index]
            let characterWidth = character == "\u{1B}" ? 0 : DisplayWidth.of(String(character))
            if headWidth + characterWidth > room { break }
            head.append(character)
            headWidth += characterWidth
            index = word.index(after: index)
            if character == "/" { lastSlash = index }
        }
        if let lastSlash, lastSlash < index, lastSlash > word.startIndex {
            return (String(word[..<lastSlash]), String(word[lastSlash...]))
        }
        return (head, String(word[index...]))
    }

    /// A word and the spaces before it.
    private struct Piece {
        var spaces: Int
        var text: String
        var width: Int

        static func split(_ line: String) -> [Piece] {
            var pieces: [Piece] = []
            var spaces = 0
            var word = ""
            func flush() {
                if !word.isEmpty {
                    pieces.append(Piece(spaces: spaces, text: word, width: ScreenText.width(word)))
                    spaces = 0
                    word = ""
                }
            }
            for character in line {
                if character == " " {
                    if !word.isEmpty, !ScreenText.withoutEscapes(word).isEmpty { flush() }
                    if word.isEmpty { spaces += 1 } else { word.append(character) }
                } else {
                    word.append(character)
                }
            }
            flush()
            // Escape sequences left at the end (a colour reset after a trailing space) keep their place.
            return pieces
        }
    }
}
