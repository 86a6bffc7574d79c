import Foundation
import BriefingCore

/// Finds the options a free-text sentence mentions, across questions: "We're an NHS trust in Cardiff"
/// names a sector and a nation. Longer phrases win, and each word counts for one match only.
struct SentenceReader {
    /// An option recognised in the text, and the phrase that named it.
    struct Match: Equatable {
        var questionID: String
        var option: ChoiceOption
        var phrase: String
    }

    private struct Phrase {
        var words: [String]
        var questionID: String
        var option: ChoiceOption
    }

    private let phrases: [Phrase]

    /// Prepares the phrases of every choice and multi-choice question in `questions`.
    init(questions: [Question]) {
        var phrases: [Phrase] = []
        for question in questions where question.kind == .choice || question.kind == .multi {
            for option in question.options {
                var texts = Set([option.label] + option.synonyms)
                texts.insert(option.value)
                texts.insert(option.value.replacingOccurrences(of: "-", with: " "))
                for text in texts {
                    let words = SentenceReader.words(text)
                    if !words.isEmpty { phrases.append(Phrase(words: words, questionID: question.id, option: option)) }
                }
            }
        }
        self.phrases = phrases.sorted {
            ($0.words.count, $0.words.joined().count) > ($1.words.count, $1.words.joined().count)
        }
    }

    /// Every option the text mentions, in the order the phrases appear in the text.
    func matches(in text: String) -> [Match] {
        let words = SentenceReader.words(text)
        guard !words.isEmpty else { return [] }
        var used = [Bool](repeating: false, count: words.count)
        var found: [(position: Int, match: Match)] = []
        for phrase in phrases where phrase.words.count <= words.count {
            var start = 0
            while start + phrase.words.count <= words.count {
                let range = start..<(start + phrase.words.count)
                if !used[range].contains(true), Array(words[range]) == phrase.words {
                    for index in range { used[index] = true }
                    found.append((start, Match(questionID: phrase.questionID, option: phrase.option,
                                               phrase: phrase.words.joined(separator: " "))))
                    start += phrase.words.count
                } else {
                    start += 1
                }
            }
        }
        return found.sorted { $0.position < $1.position }.map(\.match)
    }

    /// Lower-case words, with punctuation other than inner hyphens and apostrophes treated as spaces.
    static func words(_ text: String) -> [String] {
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
