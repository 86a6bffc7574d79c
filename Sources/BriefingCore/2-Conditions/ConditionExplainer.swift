/// Explains, in words, why a condition holds or not: "nation is england, not wales".
enum ConditionExplainer {
    struct Explanation {
        var holds: Bool
        var text: String
    }

    static func explain(_ expression: ConditionExpression, in scope: some ConditionScope) -> Explanation {
        switch expression {
        case .not(let operand):
            let inner = explain(operand, in: scope)
            return Explanation(holds: !inner.holds, text: inner.text)

        case .and(let left, let right):
            let parts = [explain(left, in: scope), explain(right, in: scope)]
            if parts.allSatisfy(\.holds) {
                return Explanation(holds: true, text: parts.map(\.text).joined(separator: " and "))
            }
            return Explanation(holds: false, text: parts.filter { !$0.holds }.map(\.text).joined(separator: "; "))

        case .or(let left, let right):
            let parts = [explain(left, in: scope), explain(right, in: scope)]
            if parts.contains(where: \.holds) {
                return Explanation(holds: true, text: parts.filter(\.holds).map(\.text).joined(separator: "; "))
            }
            return Explanation(holds: false, text: parts.map(\.text).joined(separator: " and "))

        case .comparison(let comparison, let left, let right):
            return explainComparison(comparison, left, right, in: scope)

        case .membership(let left, let right):
            let value = ConditionEvaluator.value(of: left, in: scope)
            let list = ConditionEvaluator.value(of: right, in: scope)
            let holds = ConditionEvaluator.isMember(value, of: list)
            let name = describe(left)
            if value == .null { return Explanation(holds: holds, text: "\(name) is not answered") }
            if holds { return Explanation(holds: true, text: "\(name) is \(value.display)") }
            return Explanation(holds: false, text: "\(name) is \(value.display), not one of \(list.display)")

        case .contains(let left, let right):
            let value = ConditionEvaluator.value(of: left, in: scope)
            let wanted = ConditionEvaluator.value(of: right, in: scope)
            let holds = ConditionEvaluator.contains(value, wanted)
            let name = describe(left)
            if value == .null { return Explanation(holds: holds, text: "\(name) is not answered") }
            return Explanation(holds: holds,
                               text: holds ? "\(name) includes \(wanted.display)"
                                           : "\(name) does not include \(wanted.display) (it is \(value.display))")

        case .identifier(let name, _):
            let value = scope.value(of: name)
            return Explanation(holds: value.isTruthy,
                               text: value.isTruthy ? "\(name) is answered" : "\(name) is not answered")

        case .string, .number, .list:
            let value = ConditionEvaluator.value(of: expression, in: scope)
            return Explanation(holds: value.isTruthy, text: "\(value.display) is \(value.isTruthy ? "true" : "false")")
        }
    }

    private static func explainComparison(_ comparison: ComparisonOperator, _ left: ConditionExpression,
                                          _ right: ConditionExpression, in scope: some ConditionScope) -> Explanation {
        var (subject, literal) = (left, right)
        if case .identifier = right, !isIdentifier(left) { (subject, literal) = (right, left) }
        let value = ConditionEvaluator.value(of: subject, in: scope)
        let expected = ConditionEvaluator.value(of: literal, in: scope)
        let holds = ConditionEvaluator.compare(ConditionEvaluator.value(of: left, in: scope), comparison,
                                               ConditionEvaluator.value(of: right, in: scope))
        let name = describe(subject)
        if value == .null { return Explanation(holds: holds, text: "\(name) is not answered") }
        switch comparison {
        case .equal:
            return Explanation(holds: holds, text: holds ? "\(name) is \(value.display)"
                                                         : "\(name) is \(value.display), not \(expected.display)")
        case .notEqual:
            return Explanation(holds: holds, text: holds ? "\(name) is \(value.display), not \(expected.display)"
                                                         : "\(name) is \(value.display)")
        default:
            return Explanation(holds: holds, text: holds ? "\(name) is \(value.display) (\(comparison.rawValue) \(expected.display))"
                                                         : "\(name) is \(value.display), not \(comparison.rawValue) \(expected.display)")
        }
    }

    private static func isIdentifier(_ expression: ConditionExpression) -> Bool {
        if case .identifier = expression { return true }
        return false
    }

    private static func describe(_ expression: ConditionExpression) -> String {
        switch expression {
        case .identifier(let name, _): name
        case .string(let text, _): "\"\(text)\""
        case .number(let number, _): ConditionValue.format(number)
        default: "the expression"
        }
    }
}
