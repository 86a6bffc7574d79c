import BriefingCore

/// How the chat lays out what it says: every line wrapped to the terminal's width (at most 100
/// columns), measured in display columns without escape codes, and long reports paged.
extension ChatEngine {
    /// Writes `text`, wrapped to the page.
    func say(_ text: String, newline: Bool = true) {
        output.write(pageLines(text).joined(separator: "\n") + (newline ? "\n" : ""))
    }

    /// Writes long text (a whole briefing) through the pager on a terminal.
    func sayPaged(_ text: String) {
        output.page(pageLines(text).joined(separator: "\n") + (text.hasSuffix("\n") ? "" : "\n"))
    }

    /// The lines of `text` wrapped to the page.
    func pageLines(_ text: String) -> [String] {
        ScreenText.wrap(text, width: pageWidth)
    }

    /// The width text is laid out to: the terminal's, less a margin of two columns.
    var pageWidth: Int {
        min(output.columns, chatMaximumColumns) - 2
    }

    /// Writes `text` wrapped to the page, every line indented by `indent` spaces.
    func sayIndented(_ text: String, indent: Int = 3) {
        let pad = String(repeating: " ", count: indent)
        say(ScreenText.wrap(text, width: pageWidth - indent).map { pad + $0 }.joined(separator: "\n"))
    }

    func sayError(_ text: String) {
        output.write(pageLines(text).map(style.error).joined(separator: "\n") + "\n")
    }
}

extension Int {
    /// 16384 as "16,384".
    func formatted() -> String {
        let digits = Array(String(self))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
