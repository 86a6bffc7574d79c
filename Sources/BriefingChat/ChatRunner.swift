import Foundation
import CLibEdit
import BriefingCore

/// Runs a chat session on the real terminal or a pipe: sets up the locale, picks the line reader,
/// and loops until the user leaves.
public enum ChatRunner {
    /// Runs the chat until the user leaves.
    public static func run(_ configuration: ChatConfiguration) throws(BriefingError) {
        setUpLocale()
        let output = StandardChatOutput()
        var configuration = configuration
        let interactive = isatty(0) == 1 && isatty(1) == 1
        if !interactive { configuration.style = .plain }
        let engine = try ChatEngine(configuration: configuration, output: output)
        let historyFile: String? = configuration.stateDirectory.flatMap { directory in
            (try? directory.create()).map { directory.historyFile }
        }
        let reader: LineReader
        if interactive, let editing = EditLineReader(historyFile: historyFile, write: output.write) {
            editing.completer = { [unowned engine] line in engine.completions(for: line) }
            editing.columns = { [unowned output] in output.columns }
            reader = editing
        } else {
            reader = PlainLineReader(echo: output.write)
        }
        run(engine, reader: reader)
        (reader as? EditLineReader)?.close()
    }

    /// The read-handle loop, shared with tests.
    public static func run(_ engine: ChatEngine, reader: LineReader) {
        engine.start()
        while engine.handle(reader.readLine(prompt: engine.prompt)) {}
    }

    /// libedit drops non-ASCII input without a UTF-8 locale, so make sure there is one.
    static func setUpLocale() {
        setlocale(LC_CTYPE, "")
        let codeset = nl_langinfo(briefing_codeset_item()).map { String(cString: $0) } ?? ""
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}

extension ChatEngine {
    /// Tab completion for the line typed so far.
    func completions(for line: String) -> CompletionProvider.Result {
        let blueprint = activeInterview.blueprint
        return CompletionProvider(
            blueprint: line.hasPrefix("/whatif") || line.hasPrefix("/why") ? interview.blueprint : blueprint,
            snippetIDs: configuration.library.snippets(for: interview.blueprint).map(\.id),
            scenarioNames: scenarios.keys.sorted(),
            currentQuestion: currentQuestion,
            workingDirectory: configuration.workingDirectory
        ).complete(line)
    }
}
