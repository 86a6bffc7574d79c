/// Evaluates condition syntax trees against a scope, following product.md's semantics:
/// a comparison with an unanswered (null) value is false, and an identifier alone is true when it is
/// answered and not empty.
public enum ConditionEvaluator {
    /// Whether `expression` holds.
    public static func holds(_ expression: ConditionExpression, in scope: some ConditionScope) -> Bool {
        switch expression {
        case .not(let operand):
            return !holds(operand, in: scope)
        case .and(let left, let right):
            return holds(left, in: scope) && holds(right, in: scope)
        case .or(let left, let right):
            return holds(left, in: scope) || holds(right, in: scope)
        case .comparison(let comparison, let left, let right):
            return compare(value(of: left, in: scope), comparison, value(of: right, in: scope))
        case .membership(let left, let right):
            return isMember(value(of: left, in: scope), of: value(of: right, in: scope))
        case .contains(let left, let right):
            return contains(value(of: left, in: scope), value(of: right, in: scope))
        case .identifier, .string, .number, .list:
            return value(of: expression, in: scope).isTruthy
        }
    }

    /// The value of a term; boolean sub-expressions give `.boolean`.
    public static func value(of expression: ConditionExpression, in scope: some ConditionScope) -> ConditionValue {
        switch expression {
        case .identifier(let name, _): scope.value(of: name)
        case .string(let text, _): .string(text)
        case .number(let number, _): .number(number)
        case .list(let items, _): .list(items.map { value(of: $0, in: scope) })
        default: .boolean(holds(expression, in: scope))
        }
    }

    /// `left op right`; false whenever either side is null.
    public static func compare(_ left: ConditionValue, _ comparison: ComparisonOperator, _ right: ConditionValue) -> Bool {
        if left == .null || right == .null { return false }
        switch comparison {
        case .equal: return equal(left, right)
        case .notEqual: return !equal(left, right)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard case .number(let a) = left, case .number(let b) = right else { return false }
            switch comparison {
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .greater: return a > b
            default: return a >= b
            }
        }
    }

    /// `left in right`: for a list on the left, true when any of its values is in `right`.
    public static func isMember(_ left: ConditionValue, of right: ConditionValue) -> Bool {
        guard case .list(let candidates) = right, left != .null else { return false }
        if case .list(let values) = left {
            return values.contains { value in candidates.contains { equal(value, $0) } }
        }
        return candidates.contains { equal(left, $0) }
    }

    /// `left contains right`: a multi-choice value that includes `right`, or text that includes it.
    public static func contains(_ left: ConditionValue, _ right: ConditionValue) -> Bool {
        switch (left, right) {
        case (.list(let values), .list(let wanted)):
            return wanted.allSatisfy { item in values.contains { equal($0, item) } }
        case (.list(let values), _) where right != .null:
            return values.contains { equal($0, right) }
        case (.string(let text), .string(let part)):
            return text.range(of: part, options: .caseInsensitive) != nil
        default:
            return false
        }
    }

    private static func equal(_ left: ConditionValue, _ right: ConditionValue) -> Bool {
        switch (left, right) {
        case (.number(let a), .number(let b)):
            return a == b
        case (.list(let a), .list(let b)):
            return Set(a) == Set(b)
        default:
            return left == right
        }
    }
}
