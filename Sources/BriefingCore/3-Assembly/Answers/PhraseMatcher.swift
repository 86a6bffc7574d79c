import Foundation

/// Finds the options a free-text sentence mentions, across questions: "We're an NHS trust in Cardiff"
/// names a sector, a kind of body and a nation. Longer phrases win and each word counts for one match
/// only: "a health board" is not the board audience, "consultation fatigue" is a driver and not the
/// formal-consultation stage. The questions that say what the organisation is (`identity: true`:
/// nation, sector, kind of body) read the same words independently of each other, so "Clarion
/// Housing" names both the housing sector and a housing provider, and "NHS Highland" both a nation
/// and an NHS body.
///
/// The chat reads whole sentences with it, and assembly infers answers such as `topics` from the
/// `challenge` text with it. Matching is deterministic: the same text always gives the same matches.
public struct PhraseMatcher: Sendable {
    /// An option recognised in the text, and the phrase that named it.
    public struct Match: Equatable, Sendable {
        public var questionID: String
        public var option: ChoiceOption
        public var phrase: String
    }

    private struct Phrase: Sendable {
        var words: [String]
        var questionID: String
        var option: ChoiceOption
    }

    /// Per question, in blueprint order: its phrases, longest first.
    private let phrasesByQuestion: [[Phrase]]
    /// Per question: whether it is an identity question, whose words other identity questions share.
    private let sharesWords: [Bool]

    /// Prepares the phrases of every choice and multi-choice question in `questions`.
    public init(questions: [Question]) {
        var groups: [[Phrase]] = []
        var shares: [Bool] = []
        for question in questions where question.kind == .choice || question.kind == .multi {
            var phrases: [Phrase] = []
            for option in question.options {
                var texts = Set([option.label] + option.synonyms)
                texts.insert(option.value)
                texts.insert(option.value.replacingOccurrences(of: "-", with: " "))
                for text in texts {
                    let words = PhraseMatcher.words(text)
                    if !words.isEmpty { phrases.append(Phrase(words: words, questionID: question.id, option: option)) }
                }
            }
            // Longest first; ties broken by the words and the value, so the order never depends on
            // how a Set happened to iterate. The keys are worked out once, not in every comparison.
            let keys = phrases.map { ($0.words.count, $0.words.joined().count, $0.words.joined(separator: " "), $0.option.value) }
            let order = keys.indices.sorted { a, b in
                (keys[a].0, keys[a].1) != (keys[b].0, keys[b].1)
                    ? (keys[a].0, keys[a].1) > (keys[b].0, keys[b].1)
                    : (keys[a].2, keys[a].3) < (keys[b].2, keys[b].3)
            }
            groups.append(order.map { phrases[$0] })
            shares.append(question.identity)
        }
        phrasesByQuestion = groups
        sharesWords = shares
    }

    /// Every option the text mentions, in the order the phrases appear in the text (then by question).
    /// An option the text denies ("not budget pressure", "without a board") is left out, and so is a
    /// place named only inside a longer name elsewhere ("New South Wales" is not Wales).
    public func matches(in text: String) -> [Match] {
        reading(text).affirmed
    }

    /// The options the text mentions, split into those it affirms and those it denies.
    public func reading(_ text: String) -> (affirmed: [Match], denied: [Match]) {
        let tokens = SentenceTokens(text)
        let words = tokens.words
        guard !words.isEmpty else { return ([], []) }
        let foreign = ForeignPlaceNames.coveredPositions(in: words)
        var found: [(position: Int, length: Int, group: Int, match: Match)] = []
        for (group, phrases) in phrasesByQuestion.enumerated() {
            var used = [Bool](repeating: false, count: words.count)
            for phrase in phrases where phrase.words.count <= words.count {
                var start = 0
                while start + phrase.words.count <= words.count {
                    let range = start..<(start + phrase.words.count)
                    if !used[range].contains(true), words[range].elementsEqual(phrase.words) {
                        for index in range { used[index] = true }
                        found.append((start, phrase.words.count, group, Match(questionID: phrase.questionID, option: phrase.option,
                                                          phrase: phrase.words.joined(separator: " "))))
                        start += phrase.words.count
                    } else {
                        start += 1
                    }
                }
            }
        }
        let kept = found.filter { candidate in
            !found.contains { claim in
                claim.group != candidate.group && claim.length > candidate.length
                    && !(sharesWords[claim.group] && sharesWords[candidate.group])
                    && claim.position <= candidate.position
                    && candidate.position + candidate.length <= claim.position + claim.length
            }
        }
        var affirmed: [Match] = [], denied: [Match] = []
        for candidate in kept.sorted(by: { ($0.position, $0.group) < ($1.position, $1.group) }) {
            let span = candidate.position..<(candidate.position + candidate.length)
            if span.contains(where: foreign.contains) { continue }
            if tokens.isDenied(at: candidate.position) { denied.append(candidate.match) } else { affirmed.append(candidate.match) }
        }
        return (affirmed, denied)
    }

    /// The words that deny what follows them ("not budget pressure"), as `reading(_:)` knows them.
    public static var denialWords: Set<String> { SentenceTokens.denials }

    /// Lower-case words, with punctuation other than inner hyphens and apostrophes treated as spaces.
    public static func words(_ text: String) -> [String] {
        var cleaned = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "'" || character == "\u{2019}" {
                cleaned.append(character == "\u{2019}" ? "'" : character)
            } else {
                cleaned.append(" ")
            }
        }
        return cleaned.split(separator: " ").map { word in
            var word = Substring(word)
            while let first = word.first, first == "-" || first == "'" { word = word.dropFirst() }
            while let last = word.last, last == "-" || last == "'" { word = word.dropLast() }
            if word.hasSuffix("'s") { word = word.dropLast(2) }
            return String(word)
        }.filter { !$0.isEmpty }
    }
}
