/// The message for a required question left unanswered, shared by single builds and batch rows.
public enum MissingAnswers {
    /// "missing an answer to required question 'nation' (Which nation…?); options: england, …"
    public static func message(for question: Question) -> String {
        "missing an answer to required question '\(question.id)' (\(question.ask))"
            + (question.options.isEmpty ? "" : "; options: \(question.options.map(\.value).joined(separator: ", "))")
    }
}
