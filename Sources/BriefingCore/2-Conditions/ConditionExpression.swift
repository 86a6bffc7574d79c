/// The syntax tree of a condition.
public indirect enum ConditionExpression: Sendable, Hashable {
    /// A question id or computed value such as `score.power`, at a character offset.
    case identifier(String, offset: Int)
    case string(String, offset: Int)
    case number(Double, offset: Int)
    case list([ConditionExpression], offset: Int)
    case not(ConditionExpression)
    case and(ConditionExpression, ConditionExpression)
    case or(ConditionExpression, ConditionExpression)
    case comparison(ComparisonOperator, ConditionExpression, ConditionExpression)
    /// `x in [..]`
    case membership(ConditionExpression, ConditionExpression)
    /// `x contains "v"`
    case contains(ConditionExpression, ConditionExpression)

    /// Where the expression starts in the condition text.
    public var offset: Int {
        switch self {
        case .identifier(_, let offset), .string(_, let offset), .number(_, let offset), .list(_, let offset):
            offset
        case .not(let operand):
            operand.offset
        case .and(let left, _), .or(let left, _), .comparison(_, let left, _),
             .membership(let left, _), .contains(let left, _):
            left.offset
        }
    }

    /// Every identifier the expression reads, in reading order, without repeats.
    public var identifiers: [String] {
        var seen: [String] = []
        collectIdentifiers(into: &seen)
        return seen
    }

    private func collectIdentifiers(into seen: inout [String]) {
        switch self {
        case .identifier(let name, _):
            if !seen.contains(name) { seen.append(name) }
        case .string, .number:
            break
        case .list(let items, _):
            for item in items { item.collectIdentifiers(into: &seen) }
        case .not(let operand):
            operand.collectIdentifiers(into: &seen)
        case .and(let left, let right), .or(let left, let right), .comparison(_, let left, let right),
             .membership(let left, let right), .contains(let left, let right):
            left.collectIdentifiers(into: &seen)
            right.collectIdentifiers(into: &seen)
        }
    }
}

/// The comparison operators of the condition language.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// True for `<`, `<=`, `>` and `>=`, which need numbers.
    public var isOrdering: Bool { self != .equal && self != .notEqual }
}
