import Foundation

/// Finds the option an answer means.
public enum OptionMatcher {
    /// The option whose value, label, synonym or number (1-based) is exactly `text`, ignoring case
    /// and surrounding space.
    public static func exactMatch(_ text: String, in question: Question) -> ChoiceOption? {
        let wanted = normalise(text)
        guard !wanted.isEmpty else { return nil }
        if let option = question.options.first(where: { normalise($0.value) == wanted }) { return option }
        if let option = question.options.first(where: { normalise($0.label) == wanted }) { return option }
        if let option = question.options.first(where: { $0.synonyms.contains(wanted) }) { return option }
        return nil
    }

    /// The closest option value or label to `text`, for a did-you-mean.
    public static func suggestion(for text: String, in question: Question) -> ChoiceOption? {
        let wanted = normalise(text)
        if let value = Suggestion.closest(to: wanted, in: question.options.map(\.value)) {
            return question.option(value)
        }
        guard let label = Suggestion.closest(to: wanted, in: question.options.map(\.label)) else { return nil }
        return question.options.first { $0.label == label }
    }

    /// Lower case, single spaces, curly apostrophes straightened.
    public static func normalise(_ text: String) -> String {
        text.lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
