/// Values computed from the answers: readiness scores and levels per dimension and overall.
public struct ComputedValues: Sendable, Hashable {
    /// `score.<dimension>` and `score.overall`, 0-100, present once at least one statement is scored.
    public private(set) var scores: [String: Int] = [:]
    /// `level.<dimension>` and `level.overall`.
    public private(set) var levels: [String: ReadinessLevel] = [:]

    public init() {}

    /// Scores each dimension as the share of the maximum (3 per statement) its answered statements reach;
    /// the overall score is the mean of the dimension scores, so every dimension weighs the same.
    public init(blueprint: Blueprint, answers: Answers) {
        var dimensionScores: [Double] = []
        for dimension in blueprint.dimensions {
            let points = blueprint.questions
                .filter { $0.kind == .scale && $0.dimension == dimension.id }
                .compactMap { question -> Double? in
                    if case .number(let value) = answers[question.id] { return min(max(value, 0), 3) }
                    return nil
                }
            guard !points.isEmpty else { continue }
            let score = points.reduce(0, +) / (3 * Double(points.count)) * 100
            dimensionScores.append(score)
            scores[dimension.id] = Int(score.rounded())
            levels[dimension.id] = ReadinessLevel(score: score)
        }
        if !dimensionScores.isEmpty {
            let overall = dimensionScores.reduce(0, +) / Double(dimensionScores.count)
            scores["overall"] = Int(overall.rounded())
            levels["overall"] = ReadinessLevel(score: overall)
        }
    }

    /// The value of `score.x` or `level.x`, or nil when the identifier is not computed.
    public func value(of identifier: String) -> ConditionValue? {
        if identifier.hasPrefix("score.") {
            return scores[String(identifier.dropFirst(6))].map { .number(Double($0)) } ?? .null
        }
        if identifier.hasPrefix("level.") {
            return levels[String(identifier.dropFirst(6))].map { .string($0.rawValue) } ?? .null
        }
        return nil
    }

    public var isEmpty: Bool { scores.isEmpty }
}
