import Foundation

/// An answer as read from a file or the command line, before it is checked against its question.
public struct RawAnswer: Sendable, Hashable {
    /// The shapes an answer can arrive in (and is saved in: a session file stores these).
    public enum Value: Sendable, Hashable, Codable {
        case null
        case text(String)
        case number(Double)
        case list([String])

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let items = try? container.decode([String].self) {
                self = .list(items)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .text(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            case .list(let items): try container.encode(items)
            }
        }
    }

    public var id: String
    public var value: Value
    /// Where the answer was written, for error messages.
    public var location: SourceLocation

    public init(id: String, value: Value, location: SourceLocation) {
        self.id = id
        self.value = value
        self.location = location
    }

    /// Parses a `--set id=value` argument; a multi-choice value lists its values separated by `;`.
    public static func parseAssignment(_ argument: String, source: String = "--set") throws(BriefingError) -> RawAnswer {
        guard let equals = argument.firstIndex(of: "=") else {
            throw .usage("\(source) needs id=value, e.g. \(source) nation=wales; got '\(argument)'")
        }
        let id = argument[..<equals].trimmingCharacters(in: .whitespaces)
        let value = String(argument[argument.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty else { throw .usage("\(source) '\(argument)' has no question id before '='") }
        return RawAnswer(id: id, value: value.isEmpty ? .null : .text(value),
                         location: SourceLocation(file: "\(source) \(argument)", line: 0, column: 0))
    }
}
