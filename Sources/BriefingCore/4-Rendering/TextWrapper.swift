/// Greedy word wrapping by display width. Lines break only at spaces, so a URL is never split;
/// a word longer than the width gets a line of its own.
public enum TextWrapper {
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        // Working on UTF-8 bytes is safe: a space or a newline byte never sits inside a character.
        for paragraphLine in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for bytes in paragraphLine.split(separator: 0x20) {
                let word = Substring(bytes)
                let wordWidth = DisplayWidth.of(word)
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
            lines.append(line)
        }
        return lines
    }
}
