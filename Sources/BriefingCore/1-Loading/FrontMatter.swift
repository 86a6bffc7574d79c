/// A Markdown file split into its YAML front matter and its body.
struct FrontMatter {
    var yaml: String
    var body: String
    /// The 1-based line on which the body starts.
    var bodyLine: Int

    /// Splits `text`, which must open with a `---` line and close the front matter with `---` (or `...`).
    ///
    /// Lines end at a `\n` that is its own character: Swift reads `\r\n` as one character, so a
    /// `\r\n` does not end a line here. A `\r` that ends the whole text is dropped. The split works on
    /// UTF-8 bytes, since every file of the library passes through it.
    static func split(_ text: String) -> FrontMatter? {
        var text = text
        return text.withUTF8 { bytes -> FrontMatter? in
            let count = bytes.count
            /// The end of the line starting at `start`: the index of its `\n`, or `count`.
            func lineEnd(from start: Int) -> Int {
                var index = start
                while index < count {
                    if bytes[index] == 0x0A, index == 0 || bytes[index - 1] != 0x0D { return index }
                    index += 1
                }
                return index
            }
            /// True when the line is `marker` followed only by spaces and tabs.
            func isMarker(_ start: Int, _ end: Int, _ marker: UInt8) -> Bool {
                var last = end == count && end > start && bytes[end - 1] == 0x0D ? end - 1 : end
                while last > start, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
                return last - start == 3 && bytes[start] == marker && bytes[start + 1] == marker && bytes[start + 2] == marker
            }
            func string(_ start: Int, _ end: Int) -> String {
                start >= end ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }

            let firstEnd = lineEnd(from: 0)
            guard isMarker(0, firstEnd, 0x2D), firstEnd < count else { return nil }
            let yamlStart = firstEnd + 1
            var lineStart = yamlStart, lineNumber = 2
            while true {
                let end = lineEnd(from: lineStart)
                if isMarker(lineStart, end, 0x2D) || isMarker(lineStart, end, 0x2E) {
                    let yaml = string(yamlStart, max(yamlStart, lineStart - 1))
                    var bodyEnd = count
                    if bodyEnd > end, bytes[bodyEnd - 1] == 0x0D { bodyEnd -= 1 }
                    let body = end < count ? string(end + 1, bodyEnd) : ""
                    return FrontMatter(yaml: yaml, body: body, bodyLine: lineNumber + 1)
                }
                guard end < count else { return nil }
                lineStart = end + 1
                lineNumber += 1
            }
        }
    }
}
