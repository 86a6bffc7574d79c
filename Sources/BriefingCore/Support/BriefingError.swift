#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// A signal (SIGINT, SIGTERM) stopped the run; the exit status is 128 + the signal.
    case interrupted(signal: Int32, detail: String)

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
        case .interrupted(let signal, _): 128 + signal
        }
    }

    public var description: String {
        if case .badData(let diagnostics) = self { return Self.listing(diagnostics) }
        return "error: " + message
    }

    /// The first `InputLimits.printedDiagnostics` diagnostics, one a line, then how many more there are.
    public static func listing(_ diagnostics: [Diagnostic]) -> String {
        let limit = InputLimits.printedDiagnostics
        var lines = diagnostics.prefix(limit).map(\.description)
        if diagnostics.count > limit {
            lines.append("… and \(diagnostics.count - limit) more problem\(diagnostics.count - limit == 1 ? "" : "s") (\(diagnostics.count) in all)")
        }
        return lines.joined(separator: "\n")
    }

    /// What went wrong, without the `error:` prefix.
    public var message: String {
        switch self {
        case .usage(let message):
            message
        case .badData(let diagnostics):
            diagnostics.prefix(InputLimits.printedDiagnostics).map(\.message).joined(separator: "; ")
                + (diagnostics.count > InputLimits.printedDiagnostics ? "; and \(diagnostics.count - InputLimits.printedDiagnostics) more" : "")
        case .inputNotFound(let path):
            "not found: \(path)"
        case .cannotCreateOutput(let path, let reason):
            "cannot create \(path): \(reason)"
        case .io(let path, let reason):
            "\(path): \(reason)"
        case .interrupted(let signal, let detail):
            "interrupted by \(signal == SIGINT ? "Ctrl-C (SIGINT)" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"): \(detail)"
        }
    }
}
