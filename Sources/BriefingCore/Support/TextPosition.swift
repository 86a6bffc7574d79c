/// Converting character offsets in a text to 1-based lines and columns.
public enum TextPosition {
    /// The 1-based line and column of the character at `offset` (counted in characters).
    public static func lineAndColumn(ofCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for (index, character) in text.enumerated() {
            if index >= offset { break }
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
