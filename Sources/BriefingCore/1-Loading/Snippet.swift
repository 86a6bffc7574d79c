/// A modular piece of briefing content: Markdown with front matter saying where and when it belongs.
///
/// Snippets never change once loaded, so they are shared by reference: assembling a briefing walks
/// every snippet of a blueprint, and passing one around costs a single reference count.
public final class Snippet: Sendable, Identifiable {
    public let id: String
    public let title: String
    public let section: String
    /// The blueprints it belongs to; nil means every blueprint that has its section.
    public let blueprints: [String]?
    public let when: Condition?
    /// 1 essential, 2 important, 3 optional.
    public let priority: Int
    public let order: Int
    public let minutes: Double
    public let body: Template
    /// The snippet in one or two sentences, used in place of the body when time is short.
    public let summary: Template?
    /// The reading time of the summary, at 200 words a minute.
    public let summaryMinutes: Double
    public let summaryWordCount: Int
    /// The ideas the snippet states; a briefing keeps only the first snippet, in fill order, per idea.
    public let covers: [String]
    /// The assessment dimension the snippet is about: in the section that shows the dimensions to
    /// work on first, such snippets follow the order of that list.
    public let dimension: String?
    public let sources: [Citation]
    /// The date the content was last reviewed, as YYYY-MM-DD.
    public let reviewed: String?
    public let wordCount: Int
    /// The file, at line 1.
    public let location: SourceLocation
    /// Where the `when:` value starts, for diagnostics.
    public let whenLocation: SourceLocation?
    /// For a `when:` written over several lines: the file location of each of its characters.
    public let whenLocations: [SourceLocation]
    /// The line on which the body starts.
    public let bodyLine: Int

    public init(id: String, title: String, section: String, blueprints: [String]? = nil, when: Condition? = nil,
                priority: Int = 2, order: Int = 50, minutes: Double? = nil, body: Template,
                summary: Template? = nil, summaryWordCount: Int = 0, covers: [String] = [],
                dimension: String? = nil, sources: [Citation] = [], reviewed: String? = nil, wordCount: Int,
                location: SourceLocation, whenLocation: SourceLocation? = nil,
                whenLocations: [SourceLocation] = [], bodyLine: Int = 1) {
        self.id = id
        self.title = title
        self.section = section
        self.blueprints = blueprints
        self.when = when
        self.priority = priority
        self.order = order
        self.minutes = minutes ?? Snippet.minutes(forWords: wordCount)
        self.body = body
        self.summary = summary
        self.summaryWordCount = summaryWordCount
        self.summaryMinutes = Snippet.minutes(forWords: summaryWordCount)
        self.covers = covers
        self.dimension = dimension
        self.sources = sources
        self.reviewed = reviewed
        self.wordCount = wordCount
        self.location = location
        self.whenLocation = whenLocation
        self.whenLocations = whenLocations
        self.bodyLine = bodyLine
    }

    /// The file location of character `offset` of the `when:` condition.
    public func whenLocation(ofOffset offset: Int) -> SourceLocation {
        if offset < whenLocations.count { return whenLocations[offset] }
        return (whenLocation ?? location).advanced(lines: 0, column: offset + 1)
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
