/// One line of the JSON Lines a batch writes to standard output (`--format json -o -`): every row
/// gets one, in row order, so that a failed row never just disappears.
///
/// A built row is its JSON briefing with `row`, `line` and `"status":"ok"` in front:
/// `{"row":1,"line":2,"status":"ok","answers":…}`. A failed row is
/// `{"row":2,"line":3,"status":"error","errors":["…"]}`. `row` counts data rows from 1, as the
/// messages on stderr do (`FILE:ROW: error: line L: …`); `line` is where the row starts in the input.
enum BatchJSONLine {
    /// The line for a built row; `briefing` is its compact JSON object, without a line break.
    static func ok(row: Int, line: Int, briefing: String) -> String {
        // The briefing is one object, `{…}`: its members follow the row's own.
        let members = briefing.utf8.dropFirst()
        let separator = members.first == UInt8(ascii: "}") ? "" : ","
        return prefix(row: row, line: line, status: "ok") + separator + String(Substring(members)) + "\n"
    }

    /// The line for a row that produced no briefing, with each of its problems.
    static func failed(row: Int, line: Int, failure: BatchRowFailure) -> String {
        var text = prefix(row: row, line: line, status: "error") + ",\"errors\":["
        text += failure.messages.map(JSONText.quoted).joined(separator: ",")
        return text + "]}\n"
    }

    private static func prefix(row: Int, line: Int, status: String) -> String {
        "{\"row\":\(row),\"line\":\(line),\"status\":\"\(status)\""
    }
}
