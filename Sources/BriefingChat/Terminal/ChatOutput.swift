#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import CLibEdit
import Synchronization

/// Where the conversation writes: the terminal, or a buffer in tests.
public protocol ChatOutput: AnyObject {
    func write(_ text: String)
    /// The columns text is wrapped to: the terminal's width, at most 100.
    var columns: Int { get }
    /// Writes long text a screen at a time where the terminal allows it, else as `write` does.
    func page(_ text: String)
}

/// The widest the chat ever lays text out, however wide the terminal.
public let chatMaximumColumns = 100

/// Set by the SIGWINCH handler: the terminal's size must be read again.
let windowSizeChanged = Atomic<Bool>(true)

/// Writes to standard output, unbuffered, so prompts and replies interleave correctly with input.
public final class StandardChatOutput: ChatOutput {
    private let environment: [String: String]
    private var knownColumns = 80

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in windowSizeChanged.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGWINCH, &action, nil)
    }

    /// The terminal's width, read again after each SIGWINCH; `COLUMNS`, else 80, off a terminal.
    public var columns: Int {
        if windowSizeChanged.exchange(false, ordering: .relaxed) {
            let terminal = Int(briefing_terminal_columns(1))
            let fromEnvironment = environment["COLUMNS"].flatMap(Int.init) ?? 0
            knownColumns = terminal > 0 ? terminal : fromEnvironment > 0 ? fromEnvironment : 80
        }
        return min(max(knownColumns, 20), chatMaximumColumns)
    }

    public func write(_ text: String) {
        if case .closed = StandardChatOutput.write(text, to: 1) {
            // The reader has gone (a closed pipe): leave quietly, as command-line tools do.
            exit(141)
        }
    }

    /// On a terminal, text longer than the screen goes through `$PAGER` (default `less -FRX`).
    public func page(_ text: String) {
        let rows = Int(briefing_terminal_rows(1))
        let lineCount = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        guard isatty(1) == 1, isatty(0) == 1, rows > 0, lineCount >= rows - 1, runPager(text) else {
            return write(text)
        }
    }

    /// Runs the pager with `text` on its input; false when it could not be started. It is spawned
    /// in the chat's own process group, so that it may read the keyboard (a pager in a group of its
    /// own would be stopped by the terminal).
    private func runPager(_ text: String) -> Bool {
        let configured = environment["PAGER"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let command = configured.isEmpty ? "less -FRX" : configured
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        posix_spawn_file_actions_addclose(&actions, ends[1])
        var child: pid_t = 0
        let arguments = ["sh", "-c", command]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&child, "/bin/sh", &actions, nil, argv, environ)
        close(ends[0])
        guard spawned == 0 else {
            close(ends[1])
            return false
        }
        // The pager may be left before it has read everything (q in less): that ends the writing,
        // never the chat.
        _ = StandardChatOutput.write(text, to: ends[1])
        close(ends[1])
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0, errno == EINTR {}
        // 127: the shell could not find the pager, so nothing was shown.
        return !((status & 0x7f) == 0 && (status >> 8) & 0xff == 127)
    }

    enum WriteResult { case written, closed, failed }

    /// Writes every byte to `descriptor`, retrying after EINTR.
    static func write(_ text: String, to descriptor: Int32) -> WriteResult {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return .written }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { Glibc.write(descriptor, $0 + offset, buffer.count - offset) } ?? -1
            }
            if written < 0 {
                if errno == EINTR { continue }
                return errno == EPIPE ? .closed : .failed
            }
            offset += written
        }
        return .written
    }
}

/// Collects everything written, for transcript tests.
public final class BufferedChatOutput: ChatOutput {
    public private(set) var text = ""
    public var columns: Int
    /// How many times long text was offered to the pager.
    public private(set) var pagedCount = 0

    public init(columns: Int = 80) {
        self.columns = columns
    }

    public func write(_ text: String) {
        self.text += text
    }

    public func page(_ text: String) {
        pagedCount += 1
        write(text)
    }
}
