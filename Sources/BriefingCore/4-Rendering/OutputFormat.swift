/// The formats a briefing can be rendered in.
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    case markdown = "md"
    case text = "txt"
    case json

    /// The file extension for exports.
    public var fileExtension: String { rawValue }

    /// The briefing as a file holds it: rendered, ending with exactly one newline. `build` and the
    /// chat's `/export` both write this, so the two give the same bytes.
    public func fileContents(_ briefing: Briefing, options: RenderOptions = RenderOptions()) -> String {
        var text = render(briefing, options: options)
        while text.hasSuffix("\n") { text.removeLast() }
        return text + "\n"
    }

    /// Renders `briefing` in this format.
    public func render(_ briefing: Briefing, options: RenderOptions = RenderOptions()) -> String {
        switch self {
        case .markdown: MarkdownRenderer.render(briefing, options: options)
        case .text: PlainTextRenderer.render(briefing)
        case .json: JSONRenderer.render(briefing)
        }
    }
}

/// Choices that change how a briefing renders.
public struct RenderOptions: Sendable {
    /// Markdown only: start with YAML front matter.
    public var frontMatter: Bool

    public init(frontMatter: Bool = false) {
        self.frontMatter = frontMatter
    }
}
