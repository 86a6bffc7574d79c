/// A parsed condition with its source text, ready to evaluate many times.
///
/// Conditions are parsed once, when the library loads, never per briefing.
public struct Condition: Sendable, Hashable {
    /// The condition as written.
    public let source: String
    public let expression: ConditionExpression

    public init(source: String, expression: ConditionExpression) {
        self.source = source
        self.expression = expression
    }

    /// Parses `source`.
    public init(parsing source: String) throws(ConditionSyntaxError) {
        self.source = source
        self.expression = try ConditionParser.parse(source)
    }

    /// Evaluates the condition against a scope.
    public func holds(in scope: some ConditionScope) -> Bool {
        ConditionEvaluator.holds(expression, in: scope)
    }

    /// Evaluates the condition and explains the outcome in terms of the answers it read.
    public func evaluate(in scope: some ConditionScope) -> ConditionOutcome {
        let explanation = ConditionExplainer.explain(expression, in: scope)
        let reads = expression.identifiers.map { ConditionRead(identifier: $0, value: scope.value(of: $0)) }
        return ConditionOutcome(holds: explanation.holds, explanation: explanation.text, reads: reads)
    }
}

/// The result of evaluating a condition, for provenance.
public struct ConditionOutcome: Sendable, Hashable {
    public var holds: Bool
    /// Why, in words: "nation is england, not wales".
    public var explanation: String
    /// Every identifier the condition read, with its value.
    public var reads: [ConditionRead]
}

/// One identifier that a condition read, and the value it had.
public struct ConditionRead: Sendable, Hashable, Codable {
    public var identifier: String
    public var value: ConditionValue
}
