/// Reads lines from a fixed script, for tests that drive whole conversations.
public final class ScriptedLineReader: LineReader {
    private var script: [LineReadResult]
    private let echo: ((String) -> Void)?
    /// The prompts shown, in order, so that tests can check them.
    public private(set) var prompts: [String] = []

    /// A reader that plays `script`; with `echo`, each prompt and line is written out the way a
    /// piped session shows them, so transcripts read like the real thing.
    public init(_ script: [LineReadResult], echo: ((String) -> Void)? = nil) {
        self.script = script
        self.echo = echo
    }

    /// A script of plain lines.
    public convenience init(lines: [String], echo: ((String) -> Void)? = nil) {
        self.init(lines.map { .line($0) }, echo: echo)
    }

    public func readLine(prompt: String) -> LineReadResult {
        prompts.append(prompt)
        let result = script.isEmpty ? LineReadResult.endOfInput : script.removeFirst()
        switch result {
        case .line(let line): echo?(prompt + Sanitized.forTerminal(line) + "\n")
        case .interrupted: echo?(prompt + "^C\n")
        case .invalidUTF8: echo?(prompt + "[invalid UTF-8]\n")
        case .tooLong(let bytes): echo?(prompt + "[\(bytes) bytes]\n")
        case .endOfInput: break
        }
        return result
    }
}
