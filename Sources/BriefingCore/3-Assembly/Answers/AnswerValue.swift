/// A validated answer to one question.
public enum AnswerValue: Sendable, Hashable {
    /// Free text.
    case text(String)
    /// The value of one option.
    case choice(String)
    /// The values of the chosen options, in the blueprint's option order.
    case choices([String])
    /// A number, including scale scores.
    case number(Double)

    /// The value a condition sees.
    public var conditionValue: ConditionValue {
        switch self {
        case .text(let text): .string(text)
        case .choice(let value): .string(value)
        case .choices(let values): .list(values.map { .string($0) })
        case .number(let number): .number(number)
        }
    }

    /// True for an empty text or an empty selection.
    public var isEmpty: Bool {
        switch self {
        case .text(let text): text.isEmpty
        case .choices(let values): values.isEmpty
        case .choice, .number: false
        }
    }

    /// The answer as people read it: labels for options, the text for text.
    public func display(for question: Question?) -> String {
        switch self {
        case .text(let text):
            return text
        case .choice(let value):
            return question?.option(value)?.label ?? value
        case .choices(let values):
            return ListPhrase.join(values.map { question?.option($0)?.label ?? $0 })
        case .number(let number):
            if question?.kind == .scale, let option = question?.option(ConditionValue.format(number)) {
                return "\(ConditionValue.format(number)) (\(option.label.lowercased()))"
            }
            return ConditionValue.format(number)
        }
    }

    /// The answer in the shape an answers file gives it, ready to be resolved again.
    public var rawValue: RawAnswer.Value {
        switch self {
        case .text(let text): .text(text)
        case .choice(let value): .text(value)
        case .choices(let values): .list(values)
        case .number(let number): .number(number)
        }
    }

    /// The answer as a script writes it: option values, the text, or the number.
    public var raw: String {
        switch self {
        case .text(let text): text
        case .choice(let value): value
        case .choices(let values): values.joined(separator: ";")
        case .number(let number): ConditionValue.format(number)
        }
    }
}

extension AnswerValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let values = try? container.decode([String].self) {
            self = .choices(values)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try conditionValue.encode(to: encoder)
    }
}

/// Joining words for prose: "A", "A and B", "A, B and C".
public enum ListPhrase {
    public static func join(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
        }
    }
}
