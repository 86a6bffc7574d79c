import Foundation

/// Static checks of a condition against a blueprint's vocabulary: unknown identifiers, option literals
/// that do not exist, and comparisons between mismatched types.
public enum ConditionChecker {
    /// A problem with a condition, at a character offset.
    public struct Problem: Sendable, Equatable {
        public var severity: Diagnostic.Severity
        public var message: String
        public var offset: Int
    }

    /// All the problems of `expression` in `vocabulary`.
    public static func check(_ expression: ConditionExpression, in vocabulary: Vocabulary) -> [Problem] {
        var problems: [Problem] = []
        visit(expression, vocabulary, &problems)
        return problems
    }

    private static func visit(_ expression: ConditionExpression, _ vocabulary: Vocabulary, _ problems: inout [Problem]) {
        switch expression {
        case .identifier(let name, let offset):
            if vocabulary.entry(name) == nil {
                problems.append(Problem(
                    severity: .error,
                    message: "unknown identifier '\(name)' in blueprint \(vocabulary.blueprintID)"
                        + Suggestion.didYouMean(name, in: vocabulary.names).replacingQuotes(),
                    offset: offset))
            }
        case .string, .number:
            break
        case .list(let items, _):
            items.forEach { visit($0, vocabulary, &problems) }
        case .not(let operand):
            visit(operand, vocabulary, &problems)
        case .and(let left, let right), .or(let left, let right):
            visit(left, vocabulary, &problems)
            visit(right, vocabulary, &problems)
        case .comparison(let comparison, let left, let right):
            visit(left, vocabulary, &problems)
            visit(right, vocabulary, &problems)
            checkComparison(comparison, left, right, vocabulary, &problems)
        case .membership(let left, let right):
            visit(left, vocabulary, &problems)
            visit(right, vocabulary, &problems)
            if case .identifier(let name, _) = left, vocabulary.entry(name) != nil, case .list(let items, _) = right {
                for item in items { checkLiteral(item, against: name, vocabulary, &problems) }
            }
        case .contains(let left, let right):
            visit(left, vocabulary, &problems)
            visit(right, vocabulary, &problems)
            if case .identifier(let name, let offset) = left, let entry = vocabulary.entry(name) {
                if case .question(let question) = entry, question.kind == .multi || question.kind == .text {
                    checkLiteral(right, against: name, vocabulary, &problems)
                } else if case .focus = entry {
                    checkLiteral(right, against: name, vocabulary, &problems)
                } else {
                    problems.append(Problem(
                        severity: .error,
                        message: "'contains' is for multi-choice and text questions, but '\(name)' is \(vocabulary.kindName(of: name)); use '=='",
                        offset: offset))
                }
            }
        }
    }

    private static func checkComparison(_ comparison: ComparisonOperator, _ left: ConditionExpression,
                                        _ right: ConditionExpression, _ vocabulary: Vocabulary,
                                        _ problems: inout [Problem]) {
        let pair: (name: String, offset: Int, other: ConditionExpression)?
        if case .identifier(let name, let offset) = left { pair = (name, offset, right) }
        else if case .identifier(let name, let offset) = right { pair = (name, offset, left) }
        else { pair = nil }
        guard let pair, let entry = vocabulary.entry(pair.name) else { return }

        if comparison.isOrdering, !vocabulary.isNumeric(pair.name) {
            problems.append(Problem(
                severity: .error,
                message: "'\(comparison.rawValue)' compares numbers, but '\(pair.name)' is \(vocabulary.kindName(of: pair.name))",
                offset: pair.offset))
            return
        }
        if (entry.isList), !comparison.isOrdering, case .string(let value, _) = pair.other {
            problems.append(Problem(
                severity: .warning,
                message: "'\(pair.name)' is multi-choice: write '\(pair.name) contains \"\(value)\"' to test for one value",
                offset: pair.offset))
        }
        checkLiteral(pair.other, against: pair.name, vocabulary, &problems)
    }

    /// A literal compared with `name` must have the right type, and a string must be one of its options.
    private static func checkLiteral(_ literal: ConditionExpression, against name: String,
                                     _ vocabulary: Vocabulary, _ problems: inout [Problem]) {
        switch literal {
        case .string(let value, let offset):
            if vocabulary.isNumeric(name) {
                problems.append(Problem(
                    severity: .error,
                    message: "'\(name)' is \(vocabulary.kindName(of: name)); compare it with a number, not \"\(value)\"",
                    offset: offset))
            } else if let options = vocabulary.optionValues(of: name), !options.contains(value) {
                var message = "\"\(value)\" is not an option of '\(name)'"
                if let match = Suggestion.closest(to: value, in: options) {
                    message += "; did you mean \"\(match)\"?"
                } else {
                    message += " (options: \(options.joined(separator: ", ")))"
                }
                problems.append(Problem(severity: .error, message: message, offset: offset))
            }
        case .number(let number, let offset):
            if !vocabulary.isNumeric(name) {
                problems.append(Problem(
                    severity: .error,
                    message: "'\(name)' is \(vocabulary.kindName(of: name)); it cannot be compared with the number \(ConditionValue.format(number))",
                    offset: offset))
            }
        default:
            break
        }
    }
}

private extension String {
    /// Identifiers are quoted with single quotes in messages.
    func replacingQuotes() -> String { replacingOccurrences(of: "\"", with: "'") }
}
