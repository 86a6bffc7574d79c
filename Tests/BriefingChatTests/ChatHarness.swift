import Foundation
import BriefingCore
@testable import BriefingChat

/// Drives whole chat sessions through a scripted reader, against the shipped content library.
enum ChatHarness {
    static let repositoryRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    static let library: ContentLibrary = {
        try! LibraryLoader.load(from: repositoryRoot)
    }()

    static let date = CalendarDate("2026-01-15")!

    /// A fresh, empty state folder for one test.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "briefing-chat-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs a session and returns the transcript and the engine (for inspecting its state).
    @discardableResult
    static func run(_ script: [LineReadResult], state: String? = nil, resume: Bool = false,
                    workingDirectory: String? = nil, prefill: [RawAnswer] = [], columns: Int = 80,
                    style: TerminalStyle = .plain, output: BufferedChatOutput? = nil) -> (transcript: String, engine: ChatEngine) {
        let output = output ?? BufferedChatOutput(columns: columns)
        let configuration = ChatConfiguration(
            library: library, prefill: prefill, resume: resume,
            stateDirectory: state.map { StateDirectory(path: $0) }, date: date,
            workingDirectory: workingDirectory ?? temporaryDirectory(), style: style)
        let engine = try! ChatEngine(configuration: configuration, output: output)
        let reader = ScriptedLineReader(script, echo: output.write)
        ChatRunner.run(engine, reader: reader)
        return (output.text, engine)
    }

    static func run(lines: [String], state: String? = nil, resume: Bool = false,
                    workingDirectory: String? = nil, columns: Int = 80, style: TerminalStyle = .plain,
                    output: BufferedChatOutput? = nil) -> (transcript: String, engine: ChatEngine) {
        run(lines.map { .line($0) }, state: state, resume: resume, workingDirectory: workingDirectory,
            columns: columns, style: style, output: output)
    }

    /// The transcript with every run of whitespace as one space, so prose checks ignore wrapping.
    static func flat(_ transcript: String) -> String {
        transcript.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The snippet ids a /whatif or /scenario compare report lists as added ("+") or removed ("-").
    static func changes(_ transcript: String, _ sign: String) -> [String] {
        let lines = transcript.split(separator: "\n", omittingEmptySubsequences: false)
        var ids: [String] = []
        for (index, line) in lines.enumerated() where line.hasPrefix("  \(sign) ") {
            // The title may wrap; the id line is the first one below it that holds " · ".
            if let idLine = lines[(index + 1)...].first(where: { $0.contains(" · ") }) {
                ids.append(String(idLine.trimmingCharacters(in: .whitespaces).split(separator: " ")[0]))
            }
        }
        return ids
    }

    /// The answers of a complete Welsh health board interview, typed the way people type.
    static let welshHealthBoard = [
        "Cardiff and Vale University Health Board",
        "Chief Executive",
        "3",
        "options",
        "developing",
        "Board",
        "trust, health inequalities",
        "",
        "How do we redesign urgent care without losing public trust?",
        "",
    ]
}
