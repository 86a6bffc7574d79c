/// The numbers of a readiness assessment, as the report's tables and charts and the JSON give them:
/// per dimension and overall, self and verified; every statement with its evidence and the
/// verifier's score and note; the verification; and the dimensions to work on first.
public struct ReadinessReport: Sendable, Codable, Hashable {
    public var dimensions: [DimensionResult]
    public var overall: OverallResult
    public var verification: VerificationSummary
    public var statements: [StatementResult]
    public var focus: [FocusArea]
    /// When to score again.
    public var rescoreDate: CalendarDate?

    enum CodingKeys: String, CodingKey {
        case dimensions, overall, verification, statements, focus
        case rescoreDate = "rescore_date"
    }

    /// The statements where the verifier's score and the self-score differ by 1 or more.
    public var differences: [StatementResult] {
        statements.filter { ($0.difference ?? 0) != 0 }
    }

    /// The report for `scope`, or nil when its blueprint has no dimensions or nothing is scored.
    public init?(scope: EvaluationScope) {
        let blueprint = scope.blueprint
        let computed = scope.computed
        guard !blueprint.dimensions.isEmpty, !computed.isEmpty else { return nil }
        let record = scope.answers.assessment
        let verified = computed.status != .none

        dimensions = blueprint.dimensions.map { dimension in
            let own = computed.own.scores[dimension.id]
            let checked = verified ? computed.verified.scores[dimension.id] : nil
            return DimensionResult(
                id: dimension.id, title: dimension.title,
                statements: blueprint.questions.filter { $0.kind == .scale && $0.dimension == dimension.id }.count,
                score: own, level: computed.own.levels[dimension.id],
                verifiedScore: checked, verifiedLevel: verified ? computed.verified.levels[dimension.id] : nil,
                difference: Self.difference(own, checked))
        }
        overall = OverallResult(
            score: computed.own.scores["overall"], level: computed.own.levels["overall"],
            averageLevel: computed.own.averageLevel, cappedBy: computed.own.cappedBy,
            verifiedScore: verified ? computed.verified.scores["overall"] : nil,
            verifiedLevel: verified ? computed.verified.levels["overall"] : nil,
            verifiedAverageLevel: verified ? computed.verified.averageLevel : nil,
            verifiedCappedBy: verified ? computed.verified.cappedBy : nil,
            difference: Self.difference(computed.own.scores["overall"], verified ? computed.verified.scores["overall"] : nil))
        verification = VerificationSummary(
            status: computed.status, verifier: record.verification.verifier, date: record.verification.date,
            statementsVerified: computed.verifiedStatements, statements: computed.statementCount,
            statementsWithEvidence: blueprint.questions.filter { $0.kind == .scale && record.evidence[$0.id] != nil }.count)
        statements = blueprint.questions.filter { $0.kind == .scale && $0.dimension != nil }.map { question in
            var own: Int?
            if case .number(let score) = scope.answers[question.id] { own = Int(score) }
            let checked = record.verification.scores[question.id]
            return StatementResult(id: question.id, dimension: question.dimension ?? "", text: question.ask,
                                   score: own, verifiedScore: checked, difference: Self.difference(own, checked),
                                   evidence: record.evidence[question.id], note: record.verification.notes[question.id])
        }
        focus = computed.focus.compactMap { id in
            guard let dimension = blueprint.dimensions.first(where: { $0.id == id }),
                  let score = computed.verified.exact[id] else { return nil }
            let count = blueprint.questions.filter { $0.kind == .scale && $0.dimension == id }.count
            let target = computed.targets[id]
            let points = target.map { target in
                max(0, Int((Double(target) / 100 * Double(3 * count)).rounded() - (score / 100 * Double(3 * count)).rounded()))
            }
            let checkedCount = blueprint.questions.filter {
                $0.kind == .scale && $0.dimension == id && record.verification.scores[$0.id] != nil
            }.count
            let basis: VerificationStatus = checkedCount == 0 ? .none : checkedCount == count ? .complete : .partial
            return FocusArea(dimension: id, title: dimension.title, baseline: Int(score.rounded()),
                             baselineLevel: ReadinessLevel(score: score), baselineVerification: basis,
                             target: target, targetLevel: target.map { ReadinessLevel(score: Double($0)) },
                             pointsNeeded: points, statements: count, owner: dimension.owner)
        }
        rescoreDate = computed.rescoreDate
    }

    private static func difference(_ own: Int?, _ checked: Int?) -> Int? {
        guard let own, let checked else { return nil }
        return checked - own
    }
}

/// One dimension's scores.
public struct DimensionResult: Sendable, Codable, Hashable {
    public var id: String
    public var title: String
    /// How many statements score it.
    public var statements: Int
    public var score: Int?
    public var level: ReadinessLevel?
    /// Present when the assessment has been verified, in part or in full.
    public var verifiedScore: Int?
    public var verifiedLevel: ReadinessLevel?
    /// Verified minus self.
    public var difference: Int?

    enum CodingKeys: String, CodingKey {
        case id, title, statements, score, level, difference
        case verifiedScore = "verified_score", verifiedLevel = "verified_level"
    }
}

/// The overall scores and levels; a level is capped at one above the weakest dimension's.
public struct OverallResult: Sendable, Codable, Hashable {
    public var score: Int?
    public var level: ReadinessLevel?
    /// The level the mean score alone gives.
    public var averageLevel: ReadinessLevel?
    /// The dimension that caps `level`, when the cap applies.
    public var cappedBy: String?
    public var verifiedScore: Int?
    public var verifiedLevel: ReadinessLevel?
    public var verifiedAverageLevel: ReadinessLevel?
    public var verifiedCappedBy: String?
    public var difference: Int?

    enum CodingKeys: String, CodingKey {
        case score, level, difference
        case averageLevel = "average_level", cappedBy = "capped_by"
        case verifiedScore = "verified_score", verifiedLevel = "verified_level"
        case verifiedAverageLevel = "verified_average_level", verifiedCappedBy = "verified_capped_by"
    }

    /// The level the report stands by: verified when there is a verification, else self-assessed.
    public var effectiveLevel: ReadinessLevel? { verifiedLevel ?? level }
}

/// Who verified, when, and how much.
public struct VerificationSummary: Sendable, Codable, Hashable {
    public var status: VerificationStatus
    public var verifier: String?
    public var date: CalendarDate?
    public var statementsVerified: Int
    public var statements: Int
    public var statementsWithEvidence: Int

    enum CodingKeys: String, CodingKey {
        case status, verifier, date, statements
        case statementsVerified = "statements_verified", statementsWithEvidence = "statements_with_evidence"
    }
}

/// One statement: the self-score and its evidence, the verifier's score and note.
public struct StatementResult: Sendable, Codable, Hashable {
    public var id: String
    public var dimension: String
    public var text: String
    public var score: Int?
    public var verifiedScore: Int?
    public var difference: Int?
    public var evidence: String?
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case id, dimension, text, score, difference, evidence, note
        case verifiedScore = "verified_score"
    }
}

/// A dimension to work on first: where it stands today, where it should be at the re-score, and
/// who owns it.
public struct FocusArea: Sendable, Codable, Hashable {
    public var dimension: String
    public var title: String
    /// Today's score, verified where the verifier scored, else self-assessed.
    public var baseline: Int
    public var baselineLevel: ReadinessLevel
    /// Whether the verifier scored none, some or all of this dimension's statements.
    public var baselineVerification: VerificationStatus
    /// The lowest score that reaches the next level.
    public var target: Int?
    public var targetLevel: ReadinessLevel?
    /// Whole points (0-3 per statement) still needed to reach the target.
    public var pointsNeeded: Int?
    public var statements: Int
    public var owner: String?

    enum CodingKeys: String, CodingKey {
        case dimension, title, baseline, target, statements, owner
        case baselineLevel = "baseline_level", baselineVerification = "baseline_verification"
        case targetLevel = "target_level", pointsNeeded = "points_needed"
    }
}
