import BriefingCore

/// What a line typed at "Which organisation is this briefing for?" says. A name on its own
/// ("NHS Highland") is the name. A sentence ("We're the chief exec of Fife Council, about to go out
/// to formal consultation") gives the organisation's name, the leader's role if it names one, and
/// the rest of the sentence, which may answer other questions.
struct OrganisationSentence: Equatable {
    /// The organisation's name, if the line gives one.
    var name: String?
    /// The leader's role, if the line names one ("Chief Executive").
    var role: String?
    /// The line without the name and the role, for the other questions to read.
    var rest: String
    /// True when the line is a sentence rather than just a name.
    var isSentence: Bool

    init(_ line: String) {
        let tokens = Token.split(line)
        let lower = tokens.map(\.lower)
        let role = LeaderRoles.find(in: lower, clauseEnds: Set(tokens.indices.filter { tokens[$0].breakAfter }))
        let sentence = Self.looksLikeSentence(tokens, role: role)
        isSentence = sentence
        guard sentence else {
            // A line that is only a role ("Chief Executive") names no organisation.
            if let role, role.range == tokens.indices {
                name = nil
                self.role = role.title
                rest = ""
            } else {
                name = line.trimmingSpaces()
                self.role = nil
                rest = ""
            }
            return
        }
        self.role = role?.title
        let excluded = role?.range ?? 0..<0
        let nameRange = Self.capitalisedName(tokens, excluding: excluded) ?? Self.lowerCaseName(tokens, excluding: excluded)
        name = nameRange.map { range in
            let words = tokens[range].map(\.text)
            let allLower = words.allSatisfy { $0 == $0.lowercased() }
            return (allLower ? words.map(Self.titleCased) : words).joined(separator: " ")
        }
        let used = Set(excluded).union(nameRange.map { Set($0) } ?? [])
        rest = tokens.indices.filter { !used.contains($0) }.map { tokens[$0].text + (tokens[$0].breakAfter ? "," : "") }
            .joined(separator: " ")
    }

    /// A word of the line as typed, its lower-case form, and whether punctuation ends a clause after it.
    struct Token: Equatable {
        var text: String
        var lower: String
        var breakAfter: Bool

        var isCapitalised: Bool {
            guard let first = text.unicodeScalars.first else { return false }
            return first.properties.isUppercase || first.properties.numericType != nil
        }

        static func split(_ line: String) -> [Token] {
            var tokens: [Token] = []
            for raw in line.split(whereSeparator: \.isWhitespace) {
                var text = Substring(raw)
                var breakAfter = false
                while let last = text.last, ",;:.!?)\"”".contains(last) {
                    if ",;:.!?".contains(last) { breakAfter = true }
                    text = text.dropLast()
                }
                while let first = text.first, "(\"“".contains(first) { text = text.dropFirst() }
                let words = PhraseMatcher.words(String(text))
                guard !words.isEmpty else {
                    if breakAfter, !tokens.isEmpty { tokens[tokens.count - 1].breakAfter = true }
                    continue
                }
                tokens.append(Token(text: String(text), lower: words.joined(separator: " "), breakAfter: breakAfter))
            }
            return tokens
        }
    }

    /// Words a sentence starts with that a name never does.
    private static let openers: Set<String> = [
        "we", "we're", "were", "we've", "i", "i'm", "im", "i've", "i'd", "our", "my", "it", "it's", "its", "this", "that",
        "they", "they're", "he", "he's", "she", "she's", "hi", "hello", "working", "currently", "so", "well", "basically",
    ]

    private static func looksLikeSentence(_ tokens: [Token], role: LeaderRoles.Found?) -> Bool {
        guard let first = tokens.first else { return false }
        if openers.contains(first.lower) { return true }
        if tokens.dropLast().contains(where: \.breakAfter) { return true }
        if tokens.count >= 9 { return true }
        // "Chief Executive of Fife Council": a role and something else.
        if let role, role.range != tokens.indices, role.range.lowerBound == 0 { return true }
        return false
    }

    /// Words that end or make an organisation's name.
    static let organisationWords: Set<String> = [
        "council", "councils", "trust", "board", "authority", "nhs", "hsc", "health", "care", "partnership", "agency",
        "department", "executive", "government", "association", "housing", "homes", "group", "commission", "office",
        "service", "services", "foundation", "university", "college", "police", "fire", "rescue", "combined", "county",
        "borough", "city", "district", "icb", "hscp", "ijb", "hub", "network", "alliance", "forum", "society", "company",
        "ltd", "limited", "plc", "cic", "charity", "cvs", "directorate", "ministry", "corporation", "collaborative",
        "uhb", "trust's", "system", "region", "regional", "unit", "centre", "center", "institute", "scotland", "wales",
        "england", "ireland", "cymru", "highland", "grampian", "lothian", "tayside",
    ]

    /// Words allowed inside a name between capitalised words: "Cardiff and Vale", "Newcastle upon Tyne".
    private static let connectors: Set<String> = ["of", "and", "&", "for", "the", "upon", "on", "de", "y", "a'"]
    /// Words that introduce a name: "the chief exec of Fife Council", "we work at …".
    private static let cues: Set<String> = ["of", "at", "for", "from", "with", "represent", "representing", "called", "named"]

    /// The best run of capitalised words: one holding an organisation word, else one after a cue.
    private static func capitalisedName(_ tokens: [Token], excluding excluded: Range<Int>) -> Range<Int>? {
        var runs: [Range<Int>] = []
        var index = 0
        while index < tokens.count {
            guard canStart(tokens, index, excluded) else { index += 1; continue }
            var end = index + 1
            while end < tokens.count, !tokens[end - 1].breakAfter, !excluded.contains(end) {
                if tokens[end].isCapitalised { end += 1; continue }
                // A connector counts only when a capitalised word follows it.
                if connectors.contains(tokens[end].lower), end + 1 < tokens.count, tokens[end + 1].isCapitalised,
                   !tokens[end].breakAfter, !excluded.contains(end + 1) {
                    end += 2
                    continue
                }
                break
            }
            runs.append(index..<end)
            index = end
        }
        func score(_ run: Range<Int>) -> Int {
            var score = run.count
            if tokens[run].contains(where: { organisationWords.contains($0.lower) }) { score += 20 }
            if run.lowerBound > 0, cues.contains(tokens[run.lowerBound - 1].lower) { score += 10 }
            return score
        }
        let scored = runs.map { ($0, score($0)) }.filter { $0.1 > 10 }
        return scored.max { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0.lowerBound > $1.0.lowerBound) }?.0
    }

    private static func canStart(_ tokens: [Token], _ index: Int, _ excluded: Range<Int>) -> Bool {
        let token = tokens[index]
        guard token.isCapitalised, !excluded.contains(index) else { return false }
        // The sentence's first word is capitalised by grammar, not because it is a name.
        if index == 0, openers.contains(token.lower) || ["the", "a", "an", "about", "just"].contains(token.lower) { return false }
        return !openers.contains(token.lower)
    }

    /// For a sentence typed all in lower case: the words before an organisation word, back to a cue
    /// ("the chief exec of fife council" gives "fife council").
    private static func lowerCaseName(_ tokens: [Token], excluding excluded: Range<Int>) -> Range<Int>? {
        guard let keyword = tokens.indices.first(where: { organisationWords.contains(tokens[$0].lower) && !excluded.contains($0) })
        else { return nil }
        var end = keyword + 1
        while end < tokens.count, !tokens[end - 1].breakAfter, organisationWords.contains(tokens[end].lower) { end += 1 }
        var start = keyword
        while start > 0, !tokens[start - 1].breakAfter, !excluded.contains(start - 1),
              !cues.contains(tokens[start - 1].lower), !stopWords.contains(tokens[start - 1].lower) {
            start -= 1
        }
        // "a council in fife" names no organisation: a bare organisation word is not a name, but
        // "at nhs lothian" is.
        guard start < keyword || end - start >= 2, start == 0 || cues.contains(tokens[start - 1].lower) else { return nil }
        return start..<end
    }

    private static let stopWords: Set<String> = openers.union(["the", "a", "an", "in", "is", "are", "am", "to", "about", "our", "my"])

    private static func titleCased(_ word: String) -> String {
        if ["nhs", "hsc", "icb", "hscp", "ijb", "uhb", "cvs", "cic", "plc"].contains(word) { return word.uppercased() }
        if connectors.contains(word) { return word }
        return word.prefix(1).uppercased() + word.dropFirst()
    }
}
