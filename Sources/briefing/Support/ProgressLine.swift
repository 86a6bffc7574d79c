import BriefingCore
import Foundation

/// The progress bar of a batch run: one line on stderr, redrawn at most ten times a second, and
/// only when stderr is a terminal (`TERM=dumb` counts as none).
final class ProgressLine {
    private let enabled = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    private var shownWidth = 0
    private var lastDrawn = ContinuousClock.now - .seconds(1)

    /// Redraws the bar for `progress`, unless it was drawn less than 0.1 s ago.
    func show(_ progress: BatchProgress) {
        guard enabled, ContinuousClock.now - lastDrawn >= .milliseconds(100) else { return }
        lastDrawn = ContinuousClock.now
        let line = progress.bar(width: terminalWidth() - 1)
        try? FileHandle.standardError.write(contentsOf: Data(("\r" + line + String(repeating: " ", count: max(0, shownWidth - line.count))).utf8))
        shownWidth = line.count
    }

    /// Removes the bar, so that a message or the summary can take its line.
    func clear() {
        guard enabled, shownWidth > 0 else { return }
        try? FileHandle.standardError.write(contentsOf: Data(("\r" + String(repeating: " ", count: shownWidth) + "\r").utf8))
        shownWidth = 0
    }

    private func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 80
    }
}
