/// The answers given so far, by question id.
public struct Answers: Sendable, Hashable {
    public private(set) var values: [String: AnswerValue]
    /// Evidence for the self-scores and an independent verification, for assessment blueprints.
    public var assessment = AssessmentRecord()
    /// The consultant's pins, drops and notes.
    public var overrides = ConsultantOverrides()

    public init(_ values: [String: AnswerValue] = [:], assessment: AssessmentRecord = AssessmentRecord(),
                overrides: ConsultantOverrides = ConsultantOverrides()) {
        self.values = values
        self.assessment = assessment
        self.overrides = overrides
    }

    public subscript(id: String) -> AnswerValue? {
        get { values[id] }
        set { values[id] = newValue }
    }

    /// True when the question has a non-empty answer.
    public func isAnswered(_ id: String) -> Bool {
        values[id].map { !$0.isEmpty } ?? false
    }

    public mutating func remove(_ id: String) {
        values[id] = nil
    }

    /// These answers with `other`'s answers laid over them.
    public func merging(_ other: Answers) -> Answers {
        Answers(values.merging(other.values) { _, new in new }, assessment: assessment.merging(other.assessment),
                overrides: overrides.merging(other.overrides))
    }

    /// The answers with each question's default filled in where it is unanswered.
    public func withDefaults(from blueprint: Blueprint) -> Answers {
        var filled = self
        for question in blueprint.questions where !isAnswered(question.id) {
            if let value = question.defaultValue { filled[question.id] = value }
        }
        return filled
    }

    /// Ids of the answered questions in blueprint order, then any others by name.
    public func orderedIDs(in blueprint: Blueprint) -> [String] {
        let known = blueprint.questions.map(\.id).filter { values[$0] != nil }
        let others = values.keys.filter { blueprint.question($0) == nil }.sorted()
        return known + others
    }
}

/// Encoded as the mapping of question ids to answers; the assessment record travels separately
/// (in a briefing's `readiness`, and as dotted keys in session files).
extension Answers: Codable {
    public init(from decoder: any Decoder) throws {
        values = try [String: AnswerValue](from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try values.encode(to: encoder)
    }
}
