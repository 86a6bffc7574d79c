/// A value that a condition reads or computes.
public enum ConditionValue: Sendable, Hashable {
    /// An unanswered question.
    case null
    case boolean(Bool)
    case number(Double)
    case string(String)
    case list([ConditionValue])

    /// True when the value is answered and not empty: what an identifier alone means in a condition.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .boolean(let value): value
        case .number: true
        case .string(let text): !text.isEmpty
        case .list(let items): !items.isEmpty
        }
    }

    /// How the value reads in an explanation: `england`, `10`, `trust, net-zero`.
    public var display: String {
        switch self {
        case .null: "not answered"
        case .boolean(let value): value ? "true" : "false"
        case .number(let value): Self.format(value)
        case .string(let text): text
        case .list(let items): items.isEmpty ? "none" : items.map(\.display).joined(separator: ", ")
        }
    }

    /// A number without a trailing `.0` when it is whole.
    public static func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 {
            return String(Int64(number))
        }
        return String(number)
    }
}

extension ConditionValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .boolean(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else {
            self = .list(try container.decode([ConditionValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .boolean(let value): try container.encode(value)
        case .number(let value):
            if value.rounded() == value, abs(value) < 1e15 {
                try container.encode(Int64(value))
            } else {
                try container.encode(value)
            }
        case .string(let text): try container.encode(text)
        case .list(let items): try container.encode(items)
        }
    }
}

/// Anything that can say what an identifier's value is: answers, computed scores, the blueprint id.
public protocol ConditionScope {
    /// The value of a question id or computed value; `.null` when unanswered or unknown.
    func value(of identifier: String) -> ConditionValue
}
