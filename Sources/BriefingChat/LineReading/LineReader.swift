/// What reading one line of input gave.
public enum LineReadResult: Sendable, Equatable {
    /// A complete line, without its newline.
    case line(String)
    /// Ctrl-C: the current line was cancelled.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// The line was not valid UTF-8 and was dropped.
    case invalidUTF8
    /// The line was longer than the limit and was dropped; the byte count is how long it was.
    case tooLong(Int)
}

/// A source of input lines: libedit on a terminal, plain reading from a pipe, or a script in tests.
/// The conversation sees only this protocol.
public protocol LineReader: AnyObject {
    /// Reads one line, showing `prompt` when the reader is interactive.
    func readLine(prompt: String) -> LineReadResult
}

/// Limits that keep a pasted megabyte from swamping the conversation.
public enum LineLimits {
    /// The longest line accepted, in bytes.
    public static let maximumBytes = 16_384
}
