#if canImport(Glibc)
import Glibc
#endif
import CLibEdit

/// Line editing with libedit: emacs keys, history kept across runs, Tab completion, a coloured
/// prompt, and Ctrl-C that cancels the line instead of the program.
public final class EditLineReader: LineReader {
    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: String?
    private var promptBuffer: UnsafeMutablePointer<CChar>?
    private var closed = false
    /// Given the line up to the cursor, what Tab can complete.
    var completer: ((String) -> CompletionProvider.Result)?
    /// Writes completion lists above the prompt.
    private let write: (String) -> Void
    /// The terminal's width now, for laying out completion lists.
    var columns: () -> Int = { 80 }

    /// A reader when stdin and stdout are both terminals, else nil (use `PlainLineReader`).
    public init?(historyFile: String?, write: @escaping (String) -> Void) {
        guard isatty(0) == 1, isatty(1) == 1, let editor = briefing_el_init("briefing"),
              let history = briefing_history_init() else { return nil }
        self.editor = editor
        self.history = history
        self.historyFile = historyFile
        self.write = write
        briefing_history_set_size(history, 1000)
        briefing_history_set_unique(history, 1)
        if let historyFile { briefing_history_load(history, historyFile) }
        briefing_el_set_history(editor, history)
        briefing_el_set_editor(editor, "emacs")
        briefing_el_set_signal(editor, 1)
        briefing_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        briefing_el_set_prompt_esc(editor, { editor in
            guard let editor, let data = briefing_el_get_clientdata(editor) else { return nil }
            return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().promptBuffer
        }, 1)
        briefing_el_add_function(editor, "briefing-complete", "Complete the word before the cursor", { editor, _ in
            guard let editor, let data = briefing_el_get_clientdata(editor) else { return UInt8(CC_ERROR) }
            return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().complete()
        })
        briefing_el_bind(editor, "^I", "briefing-complete")
        // ~/.editrc (or $EDITRC), as in every libedit program: `bind -v` for vi keys, and lines
        // starting `briefing:` for this program only. Tab is bound again afterwards, in whichever
        // key map the file chose.
        el_source(editor, nil)
        briefing_el_bind(editor, "^I", "briefing-complete")
        InterruptSignal.install()
    }

    deinit {
        close()
    }

    public func readLine(prompt: String) -> LineReadResult {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
        _ = InterruptSignal.consume()
        var count: Int32 = 0
        briefing_clear_errno()
        guard let raw = el_gets(editor, &count) else {
            if briefing_errno() == EINTR || InterruptSignal.consume() {
                el_reset(editor)
                write("\n")
                return .interrupted
            }
            write("\n")
            return .endOfInput
        }
        let length = strlen(raw)
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: length)
        var slice = Array(bytes)
        if slice.last == 0x0A { slice.removeLast() }
        if slice.count > LineLimits.maximumBytes { return .tooLong(slice.count) }
        guard let line = String(validating: slice, as: UTF8.self) else { return .invalidUTF8 }
        if !line.trimmingSpaces().isEmpty {
            briefing_history_enter(history, line)
            saveHistory()
        }
        return .line(line)
    }

    /// Restores the terminal and saves the history; safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        saveHistory()
        el_end(editor)
        briefing_history_end(history)
        free(promptBuffer)
        promptBuffer = nil
    }

    /// Saves the history file with mode 0600.
    private func saveHistory() {
        guard let historyFile else { return }
        let descriptor = open(historyFile, O_WRONLY | O_CREAT, 0o600)
        if descriptor >= 0 { Glibc.close(descriptor) }
        briefing_history_save(history, historyFile)
        chmod(historyFile, 0o600)
    }

    /// The Tab key: complete a unique candidate, extend a common prefix, or list the candidates.
    private func complete() -> UInt8 {
        guard let completer, let info = el_line(editor) else { return UInt8(CC_ERROR) }
        let start = UnsafeRawPointer(info.pointee.buffer).assumingMemoryBound(to: UInt8.self)
        let length = UnsafeRawPointer(info.pointee.cursor) - UnsafeRawPointer(info.pointee.buffer)
        let line = String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self)
        let result = completer(line)
        if result.candidates.isEmpty { return UInt8(CC_REFRESH_BEEP) }
        if result.candidates.count == 1 {
            let candidate = result.candidates[0]
            var insertion = String(candidate.dropFirst(result.word.count))
            if !candidate.lowercased().hasPrefix(result.word.lowercased()) { insertion = "" }
            if result.appendSpace { insertion += " " }
            if insertion.isEmpty { return UInt8(CC_REFRESH) }
            el_insertstr(editor, insertion)
            return UInt8(CC_REFRESH)
        }
        let common = CompletionProvider.commonPrefix(result.candidates)
        if common.count > result.word.count, common.hasPrefix(result.word) {
            el_insertstr(editor, String(common.dropFirst(result.word.count)))
            return UInt8(CC_REFRESH)
        }
        write("\n" + Self.columns(result.candidates, width: columns()) + "\n")
        return UInt8(CC_REDISPLAY)
    }

    /// Candidates laid out in columns that fit the terminal's width.
    static func columns(_ items: [String], width available: Int = 80) -> String {
        let width = (items.map(\.count).max() ?? 0) + 2
        let perLine = max(1, available / width)
        var lines: [String] = []
        var index = 0
        while index < items.count {
            let row = items[index..<min(index + perLine, items.count)]
            lines.append(row.map { $0.padding(toLength: width, withPad: " ", startingAt: 0) }.joined().trimmingSpaces())
            index += perLine
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func trimmingSpaces() -> String {
        var result = Substring(self)
        while let first = result.first, first.isWhitespace { result = result.dropFirst() }
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return String(result)
    }
}
