import Foundation
import BriefingCore

/// Text typed into the chat, made safe to keep and to show.
enum Sanitized {
    /// The text without control characters (tabs become spaces), trimmed: what is stored.
    static func answerText(_ text: String) -> String {
        AnswerResolver.withoutControlCharacters(text.replacingOccurrences(of: "\t", with: " "))
    }

    /// True when `answerText` would leave something out of `text` besides tabs and outer spaces.
    static func hasHiddenCharacters(_ text: String) -> Bool {
        answerText(text) != text.replacingOccurrences(of: "\t", with: " ").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text with any control character shown as `^[`-style caret notation, so that nothing
    /// typed or saved can move the cursor or change colours when it is echoed.
    static func forTerminal(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 {
                out += "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            } else if scalar.value == 0x7F {
                out += "^?"
            } else if scalar.properties.generalCategory == .control {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
