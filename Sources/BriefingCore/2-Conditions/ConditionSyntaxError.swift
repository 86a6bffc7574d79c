/// A condition that does not parse, with the character offset where the problem is.
public struct ConditionSyntaxError: Error, Sendable, Equatable {
    public var message: String
    /// Offset in characters from the start of the condition text.
    public var offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The 1-based line and column of the problem within `text`.
    public func position(in text: String) -> (line: Int, column: Int) {
        TextPosition.lineAndColumn(ofCharacterOffset: offset, in: text)
    }
}
