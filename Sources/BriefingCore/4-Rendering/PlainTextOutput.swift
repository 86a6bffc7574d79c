/// The lines of a plain-text document as the renderer writes them, straight into one buffer: a
/// blank line between blocks, block quotes indented, list items under their marker, and no
/// trailing spaces.
///
/// Blocks nest as frames. A frame of blocks puts one blank line between the blocks that write
/// anything (when `separated`). A quote indents each line that is not empty by four spaces. A list
/// item puts its marker before its first line (even an empty one, and on a line of its own when the
/// item writes nothing) and indents its other lines that are not empty.
struct PlainTextOutput {
    private var text: [UInt8] = []
    private var lineCount = 0
    private var frames: [Frame] = []
    /// How many frames, from the outermost, have seen a line. The others were opened since the last
    /// line: a frame of blocks among them has written nothing yet, and a list item is at its first line.
    private var framesWithLines = 0
    /// How many frames are quotes or list items, which add to a line.
    private var indentingFrames = 0
    /// The frame of blocks that owes a blank line before its next line, if one does.
    private var separatorOwner: Int?
    /// Per frame, what the line being written gets from it: reused from line to line.
    private var pieces: [Piece] = []

    private struct Frame {
        enum Kind { case blocks, quote, item }
        var kind: Kind
        var separated = false
        var marker: [UInt8] = []
        var indent: [UInt8] = []
    }

    private enum Piece {
        case none, quote, marker, indent
    }

    private static let quoteIndent = [UInt8]("    ".utf8)

    init(capacity: Int) {
        text.reserveCapacity(capacity)
    }

    /// The text as UTF-8: every line with its line break; a lone line break when there is none.
    mutating func finished() -> [UInt8] {
        if lineCount == 0 { return [0x0A] }
        var result: [UInt8] = []
        swap(&result, &text)
        return result
    }

    // MARK: Frames

    mutating func beginBlocks(separated: Bool) {
        frames.append(Frame(kind: .blocks, separated: separated))
    }

    /// Call before each block of the innermost frame of blocks.
    mutating func beginBlock() {
        let index = frames.count - 1
        if index >= 0, frames[index].separated, index < framesWithLines { separatorOwner = index }
    }

    mutating func endBlocks() {
        if separatorOwner == frames.count - 1 { separatorOwner = nil }
        pop()
    }

    mutating func beginQuote() {
        frames.append(Frame(kind: .quote))
        indentingFrames += 1
    }

    mutating func endQuote() {
        indentingFrames -= 1
        pop()
    }

    /// Opens a list item with `marker` (padded to the width of `indent`) before its first line.
    mutating func beginItem(marker: [UInt8], indent: [UInt8]) {
        frames.append(Frame(kind: .item, marker: marker, indent: indent))
        indentingFrames += 1
    }

    /// Ends a list item; an item that wrote nothing still shows its marker.
    mutating func endItem() {
        if frames.count - 1 >= framesWithLines { line(UnsafeBufferPointer(start: nil, count: 0)) }
        indentingFrames -= 1
        pop()
    }

    private mutating func pop() {
        frames.removeLast()
        framesWithLines = min(framesWithLines, frames.count)
    }

    // MARK: Lines

    mutating func line(_ content: String) {
        var content = content
        content.withUTF8 { line($0) }
    }

    mutating func line(_ content: UnsafeBufferPointer<UInt8>) {
        if separatorOwner != nil {
            separatorOwner = nil
            text.append(0x0A)
            lineCount += 1
        }
        let firstLineFrom = framesWithLines
        framesWithLines = frames.count
        let start = text.count
        if indentingFrames > 0 {
            // What each frame adds, worked out from the innermost out, as each saw the line it was given.
            if pieces.count < frames.count { pieces += Array(repeating: .none, count: frames.count - pieces.count) }
            var isEmpty = content.isEmpty
            for index in frames.indices.reversed() {
                switch frames[index].kind {
                case .blocks:
                    pieces[index] = .none
                case .quote:
                    pieces[index] = isEmpty ? .none : .quote
                case .item where index >= firstLineFrom:
                    pieces[index] = .marker
                    isEmpty = false
                case .item:
                    pieces[index] = isEmpty ? .none : .indent
                }
            }
            for index in frames.indices {
                switch pieces[index] {
                case .none: break
                case .quote: text.append(contentsOf: Self.quoteIndent)
                case .marker: text.append(contentsOf: frames[index].marker)
                case .indent: text.append(contentsOf: frames[index].indent)
                }
            }
        }
        text.append(contentsOf: content)
        if let last = text.last, last == 0x20 || last == 0x09, text.count > start { trimTrailingSpaces(from: start) }
        text.append(0x0A)
        lineCount += 1
    }

    /// Drops the spaces and tabs that end the line starting at `start`, as
    /// `trimmingTrailingSpaces()` does by characters: byte by byte while the byte before is ASCII,
    /// where a space or tab is a character of its own; else by characters.
    private mutating func trimTrailingSpaces(from start: Int) {
        var end = text.count
        while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 {
            if end - 1 > start, text[end - 2] >= 0x80 {
                let trimmed = Array(String(decoding: text[start..<end], as: UTF8.self).trimmingTrailingSpaces().utf8)
                text.replaceSubrange(start..<text.count, with: trimmed)
                return
            }
            end -= 1
        }
        text.removeSubrange(end..<text.count)
    }
}
