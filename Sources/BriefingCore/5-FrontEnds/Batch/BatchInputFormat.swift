/// The kinds of answers input `briefing build` reads: one document (YAML or JSON) or many rows
/// (CSV or JSON Lines).
public enum BatchInputFormat: String, Sendable, CaseIterable {
    case csv
    case jsonl
    case yaml
    case json

    /// The format a file name's extension implies, if any: `.csv`, `.jsonl` or `.ndjson`, `.yaml` or
    /// `.yml`, `.json`.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "csv": self = .csv
        case "jsonl", "ndjson": self = .jsonl
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        default: return nil
        }
    }

    /// The format to read `path` as: `explicit` when given, else the extension's; YAML otherwise
    /// (which reads JSON too), as for standard input.
    public static func resolve(path: String, explicit: BatchInputFormat?) -> BatchInputFormat {
        explicit ?? BatchInputFormat(path: path) ?? .yaml
    }

    /// True for the formats that hold many rows.
    public var isRowBased: Bool { self == .csv || self == .jsonl }
}
