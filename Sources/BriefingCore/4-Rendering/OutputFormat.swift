/// The formats a briefing can be rendered in.
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    case markdown = "md"
    case text = "txt"
    case json
    case html
    case docx

    /// The file extension for exports.
    public var fileExtension: String { rawValue }

    /// "md, txt, json, html or docx", for messages.
    public static var names: String { ListPhrase.join(allCases.map(\.rawValue), conjunction: "or") }

    /// The format a file name's extension asks for: `.md` (or `.markdown`), `.txt` (or `.text`),
    /// `.json`, `.html` (or `.htm`), `.docx`. Nil for a name without an extension; an unknown
    /// extension is a usage error that lists the formats.
    public static func forPath(_ path: String) throws(BriefingError) -> OutputFormat? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        switch ext {
        case "md", "markdown": return .markdown
        case "txt", "text": return .text
        case "json": return .json
        case "html", "htm": return .html
        case "docx": return .docx
        default:
            throw .usage("cannot tell the format of '\(name)' from its extension '.\(ext)': the formats are \(names) "
                         + "(give --format, or a file name ending .md, .txt, .json, .html or .docx)")
        }
    }

    /// A format named by a user: `md`, `markdown`, `txt`, `text`, `json`, `html`, `docx`.
    public init?(name: String) {
        switch name.lowercased() {
        case "md", "markdown": self = .markdown
        case "txt", "text": self = .text
        case "json": self = .json
        case "html", "htm": self = .html
        case "docx", "word": self = .docx
        default: return nil
        }
    }

    /// The formats that render as text (all but docx).
    public static let textFormats: [OutputFormat] = allCases.filter(\.isText)

    /// True for formats that are text; docx is a binary zip.
    public var isText: Bool { self != .docx }

    /// The briefing as a file holds it: text ending with exactly one newline, or the .docx bytes.
    /// `build`, batch runs and the chat's `/export` all write this, so they give the same bytes.
    public func fileBytes(_ briefing: Briefing, options: RenderOptions = RenderOptions()) throws(BriefingError) -> [UInt8] {
        if self == .docx { return try DocxRenderer.render(briefing, template: options.wordTemplate) }
        if self == .text {
            // Plain text already ends with one line break after a character that is not one, as
            // fileContents makes it: its bytes need no round trip through a String.
            let bytes = PlainTextRenderer.renderUTF8(briefing)
            if bytes.count >= 2, bytes[bytes.count - 1] == 0x0A, bytes[bytes.count - 2] != 0x0A, bytes[bytes.count - 2] != 0x0D {
                return bytes
            }
        }
        return Array(fileContents(briefing, options: options).utf8)
    }

    /// A text format's file contents, ending with exactly one newline.
    public func fileContents(_ briefing: Briefing, options: RenderOptions = RenderOptions()) -> String {
        var text = render(briefing, options: options)
        while text.hasSuffix("\n") { text.removeLast() }
        return text + "\n"
    }

    /// Renders `briefing` in this text format (docx renders as Markdown here: use `fileBytes`).
    public func render(_ briefing: Briefing, options: RenderOptions = RenderOptions()) -> String {
        switch self {
        case .markdown, .docx: MarkdownRenderer.render(briefing, options: options)
        case .text: PlainTextRenderer.render(briefing)
        case .json: JSONRenderer.render(briefing)
        case .html: HTMLRenderer.render(briefing)
        }
    }
}

/// Choices that change how a briefing renders.
public struct RenderOptions: Sendable {
    /// Markdown only: start with YAML front matter.
    public var frontMatter: Bool
    /// Word only: the consultant's template, whose styles and theme the document takes.
    public var wordTemplate: WordTemplate?

    public init(frontMatter: Bool = false, wordTemplate: WordTemplate? = nil) {
        self.frontMatter = frontMatter
        self.wordTemplate = wordTemplate
    }
}
