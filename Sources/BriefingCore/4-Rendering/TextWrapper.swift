/// Greedy word wrapping by display width. Lines break at spaces; a word wider than the whole line
/// (in practice a long URL) is broken after a `/`, `?`, `&`, `=`, `-` or `.` where it can be, else
/// at the width, so that no line is ever wider than `width`. A URL broken this way stays inside its
/// angle brackets, where RFC 3986 (appendix C) says readers ignore the line breaks.
public enum TextWrapper {
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        wrap(text, width: width) { lines.append(String(decoding: $0, as: UTF8.self)) }
        return lines
    }

    /// Wraps `text`, handing each line's UTF-8 to `emit` in turn, valid only during the call.
    static func wrap(_ text: String, width: Int, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { wrap(bytes: $0, width: width, emit: emit) }
    }

    /// Wraps text given as valid UTF-8, handing each line's UTF-8 to `emit` in turn.
    static func wrap(utf8 text: [UInt8], width: Int, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        text.withUnsafeBufferPointer { wrap(bytes: $0, width: width, emit: emit) }
    }

    /// Wraps UTF-8 text. Working on bytes is safe: a space or a newline byte never sits inside a
    /// character, so every piece cut at one is whole UTF-8.
    private static func wrap(bytes: UnsafeBufferPointer<UInt8>, width: Int, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        func emitPieces(_ pieces: [String]) {
            for var piece in pieces { piece.withUTF8(emit) }
        }
        var line = LineBuffer(bytes: bytes)
        let count = bytes.count
        if DisplayWidth.isPrintableASCII(bytes) {
            wrapPrintableASCII(bytes, width: width, line: &line, emit: emit)
            return
        }
        var index = 0
        while true {
            // One line of the text, up to its line break: its words are wrapped on their own.
            line.clear()
            var lineWidth = 0
            var brokeLastWord = false
            while index < count, bytes[index] != 0x0A {
                if bytes[index] == 0x20 {
                    index += 1
                    continue
                }
                let wordStart = index
                var isPrintableASCII = true
                while index < count {
                    let byte = bytes[index]
                    if byte == 0x20 || byte == 0x0A { break }
                    // 0x20...0x7E, in one comparison.
                    if byte &- 0x20 >= 0x5F { isPrintableASCII = false }
                    index += 1
                }
                let word = wordStart..<index
                let wordWidth = isPrintableASCII ? word.count : DisplayWidth.of(String(decoding: bytes[word], as: UTF8.self))
                if wordWidth > width, width > 0 {
                    // The broken word takes whole lines of its own, so its pieces read as one block.
                    if lineWidth > 0 { line.emit(emit) }
                    let pieces = UnsafeBufferPointer(rebasing: bytes[word])
                    emitPieces(isPrintableASCII ? breakPrintableASCII(pieces, width: width)
                        : breakWord(Substring(String(decoding: pieces, as: UTF8.self)), width: width))
                    line.clear()
                    lineWidth = 0
                    brokeLastWord = true
                    continue
                }
                brokeLastWord = false
                place(word, width: wordWidth, in: width, line: &line, lineWidth: &lineWidth, emit: emit)
            }
            if !(line.isEmpty && brokeLastWord) { line.emit(emit) }
            if index == count { break }
            index += 1
        }
    }

    /// `wrap(bytes:width:emit:)` for text of printable ASCII alone, the usual case: no line breaks,
    /// and every byte one column wide.
    private static func wrapPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, line: inout LineBuffer,
                                           emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        let count = bytes.count
        var lineWidth = 0
        var brokeLastWord = false
        var index = 0
        while index < count {
            if bytes[index] == 0x20 {
                index += 1
                continue
            }
            let wordStart = index
            while index < count, bytes[index] != 0x20 { index += 1 }
            let word = wordStart..<index
            let wordWidth = word.count
            if wordWidth > width, width > 0 {
                if lineWidth > 0 { line.emit(emit) }
                for var piece in breakPrintableASCII(UnsafeBufferPointer(rebasing: bytes[word]), width: width) { piece.withUTF8(emit) }
                line.clear()
                lineWidth = 0
                brokeLastWord = true
                continue
            }
            brokeLastWord = false
            place(word, width: wordWidth, in: width, line: &line, lineWidth: &lineWidth, emit: emit)
        }
        if !(line.isEmpty && brokeLastWord) { line.emit(emit) }
    }

    /// Puts a word that fits a line on the current line, one space after the last word, or starts
    /// the next line with it.
    @inline(__always)
    private static func place(_ word: Range<Int>, width wordWidth: Int, in width: Int, line: inout LineBuffer,
                              lineWidth: inout Int, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        if lineWidth == 0 {
            line.start(with: word)
            lineWidth = wordWidth
        } else if lineWidth + 1 + wordWidth <= width {
            line.append(word)
            lineWidth += 1 + wordWidth
        } else {
            line.emit(emit)
            line.start(with: word)
            lineWidth = wordWidth
        }
    }

    /// The line being filled: while its words are one space apart in the text, just a range of it;
    /// once they are not, a copy.
    private struct LineBuffer {
        let bytes: UnsafeBufferPointer<UInt8>
        private var range = 0..<0
        private var copy: [UInt8] = []
        private var isCopied = false

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        var isEmpty: Bool { isCopied ? copy.isEmpty : range.isEmpty }

        /// Hands the line's bytes to `body`.
        func emit(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            if isCopied {
                copy.withUnsafeBufferPointer(body)
            } else {
                body(UnsafeBufferPointer(rebasing: bytes[range]))
            }
        }

        mutating func clear() {
            range = 0..<0
            isCopied = false
        }

        /// The line becomes `word` alone.
        mutating func start(with word: Range<Int>) {
            range = word
            isCopied = false
        }

        /// Adds a space and `word`.
        @inline(__always)
        mutating func append(_ word: Range<Int>) {
            if !isCopied {
                if word.lowerBound == range.upperBound + 1 {
                    range = range.lowerBound..<word.upperBound
                    return
                }
                copy.removeAll(keepingCapacity: true)
                copy.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
                isCopied = true
            }
            copy.append(0x20)
            copy.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[word]))
        }
    }

    /// Pieces of `word`, each at most `width` columns wide: broken after the last `/`, `?`, `&` or `=`
    /// that fits, else after a `-` or `.`, else at the width.
    static func breakWord(_ word: Substring, width: Int) -> [String] {
        if word.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            var word = String(word)
            return word.withUTF8 { breakPrintableASCII($0, width: width) }
        }
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

    /// `breakWord` for a word of printable ASCII, where every character is one byte and one column.
    private static func breakPrintableASCII(_ word: UnsafeBufferPointer<UInt8>, width: Int) -> [String] {
        func isStrongBreak(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "=")
        }
        func isWeakBreak(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
        var pieces: [String] = []
        // The piece being built is word[start..<index]; the breaks are offsets into the word.
        var start = 0
        var strongBreak: Int?
        var weakBreak: Int?
        for index in 0..<word.count {
            if index - start + 1 > width, index > start {
                let cut = strongBreak ?? weakBreak ?? index
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: word[start..<cut]), as: UTF8.self))
                start = cut
                strongBreak = nil
                weakBreak = nil
                for offset in start..<index {
                    if isStrongBreak(word[offset]) { strongBreak = offset + 1 } else if isWeakBreak(word[offset]) { weakBreak = offset + 1 }
                }
            }
            if isStrongBreak(word[index]) { strongBreak = index + 1 } else if isWeakBreak(word[index]) { weakBreak = index + 1 }
        }
        pieces.append(String(decoding: UnsafeBufferPointer(rebasing: word[start...]), as: UTF8.self))
        return pieces
    }
}
