/// An answer the engine read from another answer's text, rather than one that was given: `topics`
/// inferred from the `challenge`. The same text always gives the same inference.
public struct AnswerInference: Sendable, Hashable, Codable {
    /// A phrase of the source text and the option it named.
    public struct Match: Sendable, Hashable, Codable {
        public var phrase: String
        public var value: String
    }

    /// The inferred question, e.g. `topics`.
    public var question: String
    /// The text question it was read from, e.g. `challenge`.
    public var source: String
    /// The phrases that named options, in the order they appear in the text.
    public var matches: [Match]

    /// The values inferred, without repeats, in the order the text names them.
    public var values: [String] { matches.map(\.value).withoutRepeats() }

    /// `topics inferred from the challenge: "closing" → service-change, "care homes" → service-change`
    public var explanation: String {
        "\(question) inferred from the \(source): "
            + matches.map { "\"\($0.phrase)\" → \($0.value)" }.joined(separator: ", ")
    }

    /// Reads `question` from the text answer of its source, when the question itself is unanswered
    /// (an explicit answer, even an empty list, turns inference off). Nil when nothing matched.
    /// The matcher is only made when there is text to read.
    static func infer(_ question: Question, from answers: Answers, matcher: @autoclosure () -> PhraseMatcher) -> AnswerInference? {
        guard let source = question.inferredFrom, answers[question.id] == nil,
              case .text(let text)? = answers[source] else { return nil }
        var matches: [Match] = []
        for match in matcher().matches(in: text) where match.questionID == question.id {
            let found = Match(phrase: match.phrase, value: match.option.value)
            if !matches.contains(found) { matches.append(found) }
        }
        guard !matches.isEmpty else { return nil }
        return AnswerInference(question: question.id, source: source, matches: matches)
    }

    /// The answer the inference gives: every matched option for a multi-choice question, the first
    /// one named for a choice question.
    func answer(for question: Question) -> AnswerValue {
        let found = values
        if question.kind == .multi { return .choices(question.options.map(\.value).filter(found.contains)) }
        return found.first.map(AnswerValue.choice) ?? .choices([])
    }
}

extension Array where Element: Equatable {
    /// The elements in order, each kept only the first time it appears.
    func withoutRepeats() -> [Element] {
        reduce(into: []) { kept, element in if !kept.contains(element) { kept.append(element) } }
    }
}
