import BriefingCore

/// The roles of senior leaders in UK public services, as people type them ("chief exec", "the CEO",
/// "DPH"), each with the title the briefing uses.
enum LeaderRoles {
    struct Found: Equatable {
        /// The role's title, e.g. "Chief Executive".
        var title: String
        /// The words of the sentence it covers.
        var range: Range<Int>
    }

    /// Titles and the ways of typing them, as lower-case words.
    static let known: [(title: String, phrases: [String])] = [
        ("Chief Executive", ["chief executive officer", "chief executive", "chief exec", "ceo", "c e o"]),
        ("Director of Public Health", ["director of public health", "dph"]),
        ("Director of Adult Social Services", ["director of adult social services", "director of adult social care", "dass"]),
        ("Director of Children's Services", ["director of children's services", "director of childrens services",
                                             "director of children and families"]),
        ("Chief Social Work Officer", ["chief social work officer", "cswo"]),
        ("Chief Officer", ["chief officer of the ijb", "ijb chief officer", "hscp chief officer", "chief officer"]),
        ("Chief Operating Officer", ["chief operating officer", "coo"]),
        ("Chief Finance Officer", ["chief finance officer", "chief financial officer", "director of finance", "finance director",
                                   "section 151 officer", "s151 officer", "cfo"]),
        ("Director of Nursing", ["executive director of nursing", "director of nursing", "chief nurse", "nurse director"]),
        ("Medical Director", ["executive medical director", "medical director"]),
        ("Managing Director", ["managing director"]),
        ("Head of Paid Service", ["head of paid service"]),
        ("Permanent Secretary", ["permanent secretary", "perm sec"]),
        ("Director General", ["director general", "director-general"]),
        ("Chair", ["chair of the board", "chairperson", "chairwoman", "chairman", "chair"]),
        ("Leader of the Council", ["leader of the council", "council leader"]),
        ("Cabinet Member", ["cabinet member", "portfolio holder"]),
        ("Cabinet Secretary", ["cabinet secretary"]),
        ("Minister", ["minister"]),
        ("Non-executive Director", ["non-executive director", "non executive director", "non-exec", "ned"]),
        ("Councillor", ["councillor", "elected member"]),
        ("Chief Constable", ["chief constable"]),
        ("Chief Fire Officer", ["chief fire officer"]),
        ("Accountable Officer", ["accountable officer"]),
        ("Monitoring Officer", ["monitoring officer"]),
    ]

    private static let phrases: [(words: [String], title: String)] = known
        .flatMap { entry in entry.phrases.map { (PhraseMatcher.words($0), entry.title) } }
        .sorted { $0.words.count > $1.words.count }

    /// The first role named in `words` (lower-case, as `PhraseMatcher.words` gives them): a known
    /// title, or "director of …" / "head of …" up to the next "at", "in" or "for".
    /// `clauseEnds` are the positions of words that punctuation follows: a title never runs past one.
    static func find(in words: [String], clauseEnds: Set<Int> = []) -> Found? {
        var best: Found?
        for phrase in phrases where phrase.words.count <= words.count {
            for start in 0...(words.count - phrase.words.count)
            where words[start..<(start + phrase.words.count)].elementsEqual(phrase.words)
                && !clauseEnds.contains { $0 >= start && $0 < start + phrase.words.count - 1 } {
                if best == nil || start < best!.range.lowerBound {
                    best = Found(title: phrase.title, range: start..<(start + phrase.words.count))
                }
                break
            }
        }
        if let best { return best }
        return generalTitle(in: words, clauseEnds: clauseEnds)
    }

    /// "director of transformation at …" as "Director of Transformation".
    private static func generalTitle(in words: [String], clauseEnds: Set<Int>) -> Found? {
        guard let start = words.indices.first(where: { ["director", "head"].contains(words[$0]) }),
              start + 2 < words.count, words[start + 1] == "of" else { return nil }
        var end = start + 2
        while end < words.count, end < start + 6, !stops.contains(words[end]) {
            end += 1
            if clauseEnds.contains(end - 1) { break }
        }
        guard end > start + 2 else { return nil }
        let title = words[start..<end].map { $0 == "of" || $0 == "and" ? $0 : $0.prefix(1).uppercased() + $0.dropFirst() }
        return Found(title: title.joined(separator: " "), range: start..<end)
    }

    private static let stops: Set<String> = ["at", "in", "for", "with", "from", "on", "we", "we're", "i", "and", "about", "who"]

    /// The title when the whole text is one known way of typing a role ("chief exec", "the CEO").
    static func title(ofWhole text: String) -> String? {
        var words = PhraseMatcher.words(text)
        while let first = words.first, ["the", "our", "a", "an", "i'm", "im", "she's", "he's", "they're", "their", "my"].contains(first) {
            words.removeFirst()
        }
        guard let found = find(in: words), found.range == words.indices else { return nil }
        return found.title
    }
}
