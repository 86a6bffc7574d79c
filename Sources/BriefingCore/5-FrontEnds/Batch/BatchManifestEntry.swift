/// One line of `manifest.jsonl`: what became of one row.
///
/// `{"row":3,"line":4,"status":"ok","file":"acme.md","error":null,"snippets":["intro",…],"minutes":9.5,"readiness":null}`;
/// a failed row has `"status":"error"`, `"file":null`, its messages in `error`, no snippets and
/// `"minutes":null`. For an assessment blueprint, `readiness` is
/// `{"verification_status":"complete","level":"established","verified_level":"developing"}`
/// (`verified_level` is null when nothing is verified). Keys always appear, in this order.
public struct BatchManifestEntry: Sendable, Equatable {
    public var row: Int
    /// The physical line the row starts on in the input (0 for a YAML or JSON document).
    public var line: Int
    /// The file written, relative to the output folder; nil for a failed row.
    public var file: String?
    public var error: String?
    /// The ids of the included snippets, in document order.
    public var snippets: [String]
    public var minutes: Double?
    public var readiness: Readiness?

    /// An assessment row's verification status and overall levels.
    public struct Readiness: Sendable, Equatable {
        public var status: VerificationStatus
        public var level: ReadinessLevel?
        public var verifiedLevel: ReadinessLevel?

        public init(status: VerificationStatus, level: ReadinessLevel?, verifiedLevel: ReadinessLevel?) {
            self.status = status
            self.level = level
            self.verifiedLevel = verifiedLevel
        }
    }

    public init(row: Int, line: Int, file: String?, error: String?, snippets: [String], minutes: Double?,
                readiness: Readiness? = nil) {
        self.row = row
        self.line = line
        self.file = file
        self.error = error
        self.snippets = snippets
        self.minutes = minutes
        self.readiness = readiness
    }

    /// `ok` or `error`.
    public var status: String { error == nil ? "ok" : "error" }

    /// The entry as one line of compact JSON, newline included.
    public var jsonLine: String {
        var bytes: [UInt8] = []
        write(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the entry's line to `bytes`, without building strings on the way.
    func write(into bytes: inout [UInt8]) {
        func append(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }
        append("{\"row\":")
        bytes.append(contentsOf: String(row).utf8)
        append(",\"line\":")
        bytes.append(contentsOf: String(line).utf8)
        append(error == nil ? ",\"status\":\"ok\",\"file\":" : ",\"status\":\"error\",\"file\":")
        if let file { JSONText.appendQuoted(file, to: &bytes) } else { append("null") }
        append(",\"error\":")
        if let error { JSONText.appendQuoted(error, to: &bytes) } else { append("null") }
        append(",\"snippets\":[")
        for (index, snippet) in snippets.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendQuoted(snippet, to: &bytes)
        }
        append("],\"minutes\":")
        if let minutes { bytes.append(contentsOf: JSONText.number(minutes).utf8) } else { append("null") }
        append(",\"readiness\":")
        if let readiness {
            append("{\"verification_status\":")
            JSONText.appendQuoted(readiness.status.rawValue, to: &bytes)
            append(",\"level\":")
            if let level = readiness.level { JSONText.appendQuoted(level.rawValue, to: &bytes) } else { append("null") }
            append(",\"verified_level\":")
            if let level = readiness.verifiedLevel { JSONText.appendQuoted(level.rawValue, to: &bytes) } else { append("null") }
            append("}")
        } else {
            append("null")
        }
        append("}\n")
    }
}
