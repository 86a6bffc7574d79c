/// A failure that ends a command, with the sysexits code the product promises for it.
public enum BriefingError: Error, Sendable, CustomStringConvertible {
    /// The command line was wrong (64).
    case usage(String)
    /// Answers or content were invalid (65); the diagnostics say where.
    case badData([Diagnostic])
    /// An input file or folder does not exist (66).
    case inputNotFound(path: String)
    /// An output could not be created, or would overwrite a file without `--force` (73).
    case cannotCreateOutput(path: String, reason: String)
    /// Reading or writing failed part-way (74).
    case io(path: String, reason: String)

    /// A bad-data error with a single message at a location.
    public static func badData(at location: SourceLocation, _ message: String) -> BriefingError {
        .badData([.error(at: location, message)])
    }

    /// The exit code from sysexits.h.
    public var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .badData: 65
        case .inputNotFound: 66
        case .cannotCreateOutput: 73
        case .io: 74
        }
    }

    public var description: String {
        if case .badData(let diagnostics) = self { return diagnostics.map(\.description).joined(separator: "\n") }
        return "error: " + message
    }

    /// What went wrong, without the `error:` prefix.
    public var message: String {
        switch self {
        case .usage(let message):
            message
        case .badData(let diagnostics):
            diagnostics.map(\.message).joined(separator: "; ")
        case .inputNotFound(let path):
            "not found: \(path)"
        case .cannotCreateOutput(let path, let reason):
            "cannot create \(path): \(reason)"
        case .io(let path, let reason):
            "\(path): \(reason)"
        }
    }
}
