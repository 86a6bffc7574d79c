/// Reads lines from a fixed script, for tests that drive whole conversations.
public final class ScriptedLineReader: LineReader {
    private var script: [LineReadResult]
    /// The prompts shown, in order, so that tests can check them.
    public private(set) var prompts: [String] = []

    public init(_ script: [LineReadResult]) {
        self.script = script
    }

    /// A script of plain lines.
    public convenience init(lines: [String]) {
        self.init(lines.map { .line($0) })
    }

    public var isInteractive: Bool { false }

    public func readLine(prompt: String) -> LineReadResult {
        prompts.append(prompt)
        return script.isEmpty ? .endOfInput : script.removeFirst()
    }
}
