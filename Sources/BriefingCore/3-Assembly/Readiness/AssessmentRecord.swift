/// What a readiness self-assessment carries beside its scores: the evidence each self-score rests
/// on, and an independent verifier's pass over the same statements.
public struct AssessmentRecord: Sendable, Hashable {
    /// Per statement id: what the self-score rests on.
    public var evidence: [String: String] = [:]
    public var verification = Verification()

    public init(evidence: [String: String] = [:], verification: Verification = Verification()) {
        self.evidence = evidence
        self.verification = verification
    }

    public var isEmpty: Bool { evidence.isEmpty && verification.isEmpty }

    /// This record with `other`'s fields laid over it, one field at a time.
    public func merging(_ other: AssessmentRecord) -> AssessmentRecord {
        var merged = self
        merged.evidence.merge(other.evidence) { _, new in new }
        merged.verification.verifier = other.verification.verifier ?? verification.verifier
        merged.verification.date = other.verification.date ?? verification.date
        merged.verification.scores.merge(other.verification.scores) { _, new in new }
        merged.verification.notes.merge(other.verification.notes) { _, new in new }
        return merged
    }

    /// The record as dotted answers (`evidence.ID`, `verification.scores.ID`, ...), the shape CSV
    /// columns and session files use, in a stable order.
    public var flattened: [(id: String, value: RawAnswer.Value)] {
        var pairs: [(String, RawAnswer.Value)] = evidence.sorted { $0.key < $1.key }.map { ("evidence.\($0.key)", .text($0.value)) }
        if let verifier = verification.verifier { pairs.append(("verification.verifier", .text(verifier))) }
        if let date = verification.date { pairs.append(("verification.date", .text(date.description))) }
        pairs += verification.scores.sorted { $0.key < $1.key }.map { ("verification.scores.\($0.key)", .number(Double($0.value))) }
        pairs += verification.notes.sorted { $0.key < $1.key }.map { ("verification.notes.\($0.key)", .text($0.value)) }
        return pairs
    }
}

/// An independent verifier's pass over a self-assessment: who, when, their own score for each
/// statement they checked (0-3), and their notes.
public struct Verification: Sendable, Hashable {
    public var verifier: String?
    public var date: CalendarDate?
    public var scores: [String: Int] = [:]
    public var notes: [String: String] = [:]

    public init(verifier: String? = nil, date: CalendarDate? = nil, scores: [String: Int] = [:], notes: [String: String] = [:]) {
        self.verifier = verifier
        self.date = date
        self.scores = scores
        self.notes = notes
    }

    public var isEmpty: Bool { verifier == nil && date == nil && scores.isEmpty && notes.isEmpty }
}

/// How much of a self-assessment an independent verifier has scored: `verification.status`.
public enum VerificationStatus: String, Sendable, CaseIterable, Codable {
    /// No statement has a verified score.
    case none
    /// Some statements have one.
    case partial
    /// Every statement has one.
    case complete
}
