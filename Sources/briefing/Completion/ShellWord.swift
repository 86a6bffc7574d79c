import Foundation

/// A shell word as the user typed it, which custom completions receive verbatim.
enum ShellWord {
    /// The word's value: quotes and backslash escapes removed, and a leading `~/` (or a lone `~`)
    /// replaced by `$HOME`.
    static func unquoted(_ word: String) -> String {
        var result = ""
        var quote: Character?
        var escaped = false
        for character in word {
            if escaped {
                result.append(character)
                escaped = false
            } else if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\", open == "\"" {
                    escaped = true
                } else {
                    result.append(character)
                }
            } else if character == "\\" {
                escaped = true
            } else if character == "'" || character == "\"" {
                quote = character
            } else {
                result.append(character)
            }
        }
        if word.hasPrefix("~"), result == "~" || result.hasPrefix("~/"),
           let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            result = home + result.dropFirst()
        }
        return result
    }
}
