/// One row of a batch input as read, before its answers are checked: CSV cells, a JSON Lines
/// object, or a whole YAML or JSON answers document.
public struct BatchRow: Sendable {
    /// What the row holds.
    public enum Content: Sendable {
        /// CSV cells, as raw bytes, in column order, with the column (in characters) at which each
        /// starts on its line.
        case cells([[UInt8]], columns: [Int])
        /// The bytes of one JSON Lines line.
        case jsonObject([UInt8])
        /// A parsed YAML or JSON answers document.
        case document(AnswersFile)
        /// A row that could not be read, and why.
        case unreadable(String)
    }

    /// The row's number: data rows count from 1, blank lines and a CSV header aside.
    public var number: Int
    /// The physical line the row starts on (0 for a whole document).
    public var line: Int
    public var content: Content

    public init(number: Int, line: Int, content: Content) {
        self.number = number
        self.line = line
        self.content = content
    }
}
