import Foundation

/// Any JSON value of a JSON Lines row, decoded by Foundation's `JSONDecoder`.
enum JSONValue: Decodable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Why `bytes` are not a JSON object, as precisely as Foundation can say: "invalid JSON: Invalid
    /// value around character 9."
    static func problem(in bytes: [UInt8]) -> String {
        do {
            if try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) is [String: Any] {
                return "invalid JSON: the line could not be read"
            }
            return "each line must be a JSON object, {\"id\": value, ...}"
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            return "invalid JSON: " + (detail ?? "the line could not be read")
        }
    }
}
