#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ANSI styling, used only on a terminal and never when `NO_COLOR` is set or `TERM` is `dumb`.
public struct TerminalStyle: Sendable {
    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Colour when stdout is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`.
    public static func detect(environment: [String: String]) -> TerminalStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return TerminalStyle(enabled: isatty(1) == 1 && !noColor && !dumb)
    }

    public static let plain = TerminalStyle(enabled: false)

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func accent(_ text: String) -> String { wrap(text, "36") }
    public func success(_ text: String) -> String { wrap(text, "32") }
    public func warning(_ text: String) -> String { wrap(text, "33") }
    public func error(_ text: String) -> String { wrap(text, "31") }

    /// A prompt for libedit: each escape sequence sits between `\u{1}` delimiters (EL_PROMPT_ESC), so
    /// libedit does not count it towards the prompt's width. libedit prints a literal sequence with
    /// the visible character after it, so the reset goes before the prompt's last space: at the
    /// very end it would never be printed, and what the user types would stay bold cyan.
    public func prompt(_ text: String) -> String {
        guard enabled else { return text }
        var body = Substring(text)
        var trailing = ""
        while body.last == " " { body.removeLast(); trailing += " " }
        if trailing.isEmpty { trailing = " " }
        return "\u{1}\u{1B}[1;36m\u{1}\(body)\u{1}\u{1B}[0m\u{1}\(trailing)"
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
