/// Values computed from the answers of an assessment blueprint: the self-assessed and the verified
/// scores and levels, the verification status, the dimensions to work on first, their targets and
/// the date to score again.
public struct ComputedValues: Sendable, Hashable {
    /// `score.*` and `level.*`: from the self-scores.
    public private(set) var own = ScoreSet()
    /// `verified.score.*` and `verified.level.*`: from the verifier's scores, falling back to the
    /// self-score for a statement the verifier did not score. Without a verification, the same as `own`.
    public private(set) var verified = ScoreSet()
    /// `verification.status`.
    public private(set) var status = VerificationStatus.none
    /// How many statements the verifier scored, of how many.
    public private(set) var verifiedStatements = 0
    public private(set) var statementCount = 0
    /// `focus`: at most two dimensions to work on first, weakest first, only those below Established
    /// on the verified scores. Ties go to the dimension the blueprint lists first.
    public private(set) var focus: [String] = []
    /// `weakest`: the dimension with the lowest verified score.
    public private(set) var weakest: String?
    /// `target.score.<dimension>`: the lowest score that reaches the next level, for each dimension
    /// below Embedded.
    public private(set) var targets: [String: Int] = [:]
    /// `rescore.date`: when to score again.
    public private(set) var rescoreDate: CalendarDate?

    /// The days after the assessment date to score again, unless the answers say otherwise.
    public static let defaultRescoreDays = 90
    /// The question that sets the days to score again.
    public static let rescoreQuestion = "rescore_days"

    public init() {}

    /// Scores each dimension as the share of the maximum (3 per statement) its scored statements
    /// reach; the overall score is the mean of the dimension scores, so every dimension weighs the same.
    public init(blueprint: Blueprint, answers: Answers, date: CalendarDate? = nil) {
        let statements = blueprint.questions.filter { $0.kind == .scale && $0.dimension != nil }
        let verification = answers.assessment.verification
        func own(_ question: Question) -> Double? {
            if case .number(let value) = answers[question.id] { return min(max(value, 0), 3) }
            return nil
        }
        func checked(_ question: Question) -> Double? {
            verification.scores[question.id].map { Double(min(max($0, 0), 3)) } ?? own(question)
        }
        self.own = ScoreSet(blueprint: blueprint, statements: statements, score: own)
        self.verified = ScoreSet(blueprint: blueprint, statements: statements, score: checked)
        statementCount = statements.count
        verifiedStatements = statements.filter { verification.scores[$0.id] != nil }.count
        status = verifiedStatements == 0 ? .none : verifiedStatements == statementCount ? .complete : .partial

        let ranked = blueprint.dimensions.enumerated()
            .compactMap { position, dimension in verified.exact[dimension.id].map { (dimension.id, $0, position) } }
            .sorted { ($0.1, $0.2) < ($1.1, $1.2) }
        weakest = ranked.first?.0
        focus = Array(ranked.filter { ReadinessLevel(score: $0.1).isWeak }.prefix(2).map(\.0))
        for dimension in blueprint.dimensions {
            guard let score = verified.exact[dimension.id], let next = ReadinessLevel(score: score).next else { continue }
            let count = statements.filter { $0.dimension == dimension.id }.count
            guard count > 0 else { continue }
            // The fewest whole points, out of 3 per statement, that reach the next level.
            let maximum = Double(3 * count)
            let points = (next.threshold / 100 * maximum - 1e-9).rounded(.up)
            targets[dimension.id] = Int((points / maximum * 100).rounded())
        }
        if let date, !verified.exact.isEmpty {
            var days = Self.defaultRescoreDays
            if case .number(let given) = answers[Self.rescoreQuestion] { days = Int(given) }
            rescoreDate = date.adding(days: days)
        }
    }

    /// `score.<dimension>` and `score.overall` from the self-scores (kept for older callers).
    public var scores: [String: Int] { own.scores }
    /// `level.<dimension>` and `level.overall` from the self-scores.
    public var levels: [String: ReadinessLevel] { own.levels }

    public var isEmpty: Bool { own.scores.isEmpty && verified.scores.isEmpty }

    /// The value of a computed identifier, or nil when the identifier is not a computed one.
    public func value(of identifier: String) -> ConditionValue? {
        switch ComputedName(identifier) {
        case .score(let verified, let id)?:
            return (verified ? self.verified : own).scores[id].map { .number(Double($0)) } ?? .null
        case .level(let verified, let id)?:
            return (verified ? self.verified : own).level(id).map { .string($0.rawValue) } ?? .null
        case .targetScore(let id)?:
            return targets[id].map { .number(Double($0)) } ?? .null
        case .targetLevel(let id)?:
            return targets[id].map { .string(ReadinessLevel(score: Double($0)).rawValue) } ?? .null
        case .status?:
            return .string(status.rawValue)
        case .verifiedCount?:
            return .number(Double(verifiedStatements))
        case .focus?:
            return focus.isEmpty ? .null : .list(focus.map { .string($0) })
        case .weakest?:
            return weakest.map { .string($0) } ?? .null
        case .rescoreDate?:
            return rescoreDate.map { .string($0.description) } ?? .null
        case .verifier?, .verificationDate?:
            // Read from the answers by the scope.
            return nil
        case nil:
            return nil
        }
    }
}

/// Scores and levels for every dimension and overall, from one way of scoring the statements.
public struct ScoreSet: Sendable, Hashable {
    /// Rounded scores by dimension id and `overall`.
    public private(set) var scores: [String: Int] = [:]
    /// Levels by dimension id and `overall`; the overall level is capped at one above the weakest
    /// dimension's level.
    public private(set) var levels: [String: ReadinessLevel] = [:]
    /// The level the mean score alone gives, before the cap.
    public private(set) var averageLevel: ReadinessLevel?
    /// Unrounded scores by dimension id and `overall`.
    public private(set) var exact: [String: Double] = [:]
    /// The dimension that holds the overall level down, when the cap applies.
    public private(set) var cappedBy: String?

    public init() {}

    init(blueprint: Blueprint, statements: [Question], score: (Question) -> Double?) {
        var dimensionScores: [(id: String, score: Double)] = []
        for dimension in blueprint.dimensions {
            let points = statements.filter { $0.dimension == dimension.id }.compactMap(score)
            guard !points.isEmpty else { continue }
            let value = points.reduce(0, +) / (3 * Double(points.count)) * 100
            dimensionScores.append((dimension.id, value))
            exact[dimension.id] = value
            scores[dimension.id] = Int(value.rounded())
            levels[dimension.id] = ReadinessLevel(score: value)
        }
        guard !dimensionScores.isEmpty else { return }
        let mean = dimensionScores.map(\.score).reduce(0, +) / Double(dimensionScores.count)
        exact["overall"] = mean
        scores["overall"] = Int(mean.rounded())
        let average = ReadinessLevel(score: mean)
        averageLevel = average
        // The weakest dimension, the first listed on a tie.
        let weakest = dimensionScores.enumerated().min { ($0.element.score, $0.offset) < ($1.element.score, $1.offset) }
        if let weakest, let ceiling = ReadinessLevel(score: weakest.element.score).next, ceiling < average {
            levels["overall"] = ceiling
            cappedBy = weakest.element.id
        } else {
            levels["overall"] = average
        }
    }

    /// The level of a dimension, `overall`, or `average` (the mean's own level, before the cap).
    public func level(_ id: String) -> ReadinessLevel? {
        id == "average" ? averageLevel : levels[id]
    }
}

/// The computed identifiers, parsed.
enum ComputedName: Equatable {
    case score(verified: Bool, String)
    case level(verified: Bool, String)
    case targetScore(String)
    case targetLevel(String)
    case status, verifiedCount, verifier, verificationDate
    case focus, weakest, rescoreDate

    init?(_ identifier: String) {
        var rest = Substring(identifier)
        let verified = rest.hasPrefix("verified.")
        if verified { rest = rest.dropFirst("verified.".count) }
        if rest.hasPrefix("score.") {
            self = .score(verified: verified, String(rest.dropFirst(6)))
        } else if rest.hasPrefix("level.") {
            self = .level(verified: verified, String(rest.dropFirst(6)))
        } else if verified {
            return nil
        } else if rest.hasPrefix("target.score.") {
            self = .targetScore(String(rest.dropFirst(13)))
        } else if rest.hasPrefix("target.level.") {
            self = .targetLevel(String(rest.dropFirst(13)))
        } else {
            switch identifier {
            case "verification.status": self = .status
            case "verification.count": self = .verifiedCount
            case "verification.verifier": self = .verifier
            case "verification.date": self = .verificationDate
            case "focus": self = .focus
            case "weakest": self = .weakest
            case "rescore.date": self = .rescoreDate
            default: return nil
            }
        }
    }
}
