/// Why one row of a batch produced no briefing: one message per problem, without location (the
/// caller prints `FILE:ROW: error: line L: message`).
public struct BatchRowFailure: Error, Sendable {
    public var messages: [String]

    public init(_ messages: [String]) {
        self.messages = messages
    }

    public init(_ message: String) {
        self.messages = [message]
    }

    /// The problems of a `BriefingError`, as messages.
    public init(_ error: BriefingError) {
        switch error {
        case .badData(let diagnostics):
            messages = diagnostics.map(\.message)
        case .usage(let message):
            messages = [message]
        case .inputNotFound, .cannotCreateOutput, .io, .interrupted:
            messages = [String(error.description.dropFirst("error: ".count))]
        }
    }

    /// The messages joined into one, for the manifest.
    public var summary: String { messages.joined(separator: "; ") }
}
