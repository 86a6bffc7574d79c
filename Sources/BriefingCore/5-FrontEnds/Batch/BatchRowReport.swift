/// A failed row, as a batch run reports it while it goes.
public struct BatchRowReport: Sendable {
    /// The input, as shown in messages.
    public var file: String
    public var row: Int
    /// The physical line the row starts on (0 for a YAML or JSON document).
    public var line: Int
    public var failure: BatchRowFailure
    /// For a YAML or JSON document: the problems with their own `path:line:col`.
    public var diagnostics: [Diagnostic]

    /// The lines to print: `FILE:ROW: error: line L: message`, or a document's own diagnostics.
    public var lines: [String] {
        if !diagnostics.isEmpty { return BriefingError.listing(diagnostics).components(separatedBy: "\n") }
        let place = line > 0 ? "line \(line): " : ""
        return failure.messages.map { "\(file):\(row): error: \(place)\($0)" }
    }
}
