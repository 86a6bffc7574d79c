/// A Markdown file split into its YAML front matter and its body.
struct FrontMatter {
    var yaml: String
    var body: String
    /// The 1-based line on which the body starts.
    var bodyLine: Int

    /// Splits `text`, which must open with a `---` line and close the front matter with `---` (or `...`).
    static func split(_ text: String) -> FrontMatter? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else { return nil }
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { $0.trimmingTrailingSpaces() == "---" || $0.trimmingTrailingSpaces() == "..." })
        else { return nil }
        let yaml = lines[..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, body: body, bodyLine: end + 3)
    }
}

private extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
