/// A modular piece of briefing content: Markdown with front matter saying where and when it belongs.
public struct Snippet: Sendable, Identifiable {
    public var id: String
    public var title: String
    public var section: String
    /// The blueprints it belongs to; nil means every blueprint that has its section.
    public var blueprints: [String]?
    public var when: Condition?
    /// 1 essential, 2 important, 3 optional.
    public var priority: Int
    public var order: Int
    public var minutes: Double
    public var body: Template
    public var sources: [Citation]
    /// The date the content was last reviewed, as YYYY-MM-DD.
    public var reviewed: String?
    public var wordCount: Int
    /// The file, at line 1.
    public var location: SourceLocation
    /// Where the `when:` value starts, for diagnostics.
    public var whenLocation: SourceLocation?
    /// The line on which the body starts.
    public var bodyLine: Int

    public init(id: String, title: String, section: String, blueprints: [String]? = nil, when: Condition? = nil,
                priority: Int = 2, order: Int = 50, minutes: Double? = nil, body: Template,
                sources: [Citation] = [], reviewed: String? = nil, wordCount: Int,
                location: SourceLocation, whenLocation: SourceLocation? = nil, bodyLine: Int = 1) {
        self.id = id
        self.title = title
        self.section = section
        self.blueprints = blueprints
        self.when = when
        self.priority = priority
        self.order = order
        self.minutes = minutes ?? Snippet.minutes(forWords: wordCount)
        self.body = body
        self.sources = sources
        self.reviewed = reviewed
        self.wordCount = wordCount
        self.location = location
        self.whenLocation = whenLocation
        self.bodyLine = bodyLine
    }

    /// Reading time at 200 words a minute, to the hundredth.
    public static func minutes(forWords words: Int) -> Double {
        (Double(words) / 2).rounded() / 100
    }

    /// Whether the snippet is meant for `blueprint`.
    public func belongs(to blueprint: Blueprint) -> Bool {
        if let blueprints { return blueprints.contains(blueprint.id) }
        return blueprint.section(section) != nil
    }
}

/// A citation gathered into the briefing's Sources section.
public struct Citation: Sendable, Hashable, Codable {
    public var title: String
    public var url: String

    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}
