import Foundation

/// Makes file names from answers safe on every common file system: no path separators, no `..`,
/// no control or bidirectional-override characters, no leading dot or dash, no Windows device
/// names, and at most `maximumBytes` bytes of UTF-8, never cutting a character in two.
public enum FileNameSanitizer {
    /// The longest file name, extension and uniqueness suffix included, in UTF-8 bytes.
    public static let maximumBytes = 100

    /// Names Windows keeps for devices, whatever the extension.
    static let reservedNames: Set<String> = {
        var names: Set<String> = ["CON", "PRN", "AUX", "NUL"]
        for suffix in ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"] {
            names.insert("COM" + suffix)
            names.insert("LPT" + suffix)
        }
        return names
    }()

    /// Characters that separate paths or that Windows refuses in names: each becomes a dash.
    static let separators: Set<Unicode.Scalar> = ["/", "\\", "<", ">", ":", "\"", "|", "?", "*"]

    /// The safe form of `raw`, without extension; empty when nothing usable is left.
    public static func stem(from raw: String) -> String {
        var result = ""
        var lastWasDash = false, lastWasDot = false
        let composed = raw.utf8.allSatisfy { $0 < 0x80 } ? raw : raw.precomposedStringWithCanonicalMapping
        for scalar in composed.unicodeScalars {
            let replacement: Unicode.Scalar
            if scalar.isWhitespaceOrNewline && !isInvisibleControl(scalar) || separators.contains(scalar) {
                replacement = "-"
            } else if scalar.properties.generalCategory == .control || isInvisibleControl(scalar) {
                continue
            } else {
                replacement = scalar
            }
            if replacement == "-" {
                if lastWasDash { continue }
            } else if replacement == "." {
                if lastWasDot { continue }
            }
            lastWasDash = replacement == "-"
            lastWasDot = replacement == "."
            result.unicodeScalars.append(replacement)
        }
        return trimmed(result)
    }

    /// `stem` + `suffix` + `.extension`, with the stem shortened (at a character boundary) so that
    /// the whole name fits in `maximumBytes`, and Windows device names made safe. `fallback` stands
    /// in when nothing of the stem fits (a single character can be longer than the limit).
    public static func fileName(stem: String, suffix: String = "", extension fileExtension: String,
                                fallback: String = "briefing") -> String {
        let tail = suffix + "." + fileExtension
        let budget = maximumBytes - tail.utf8.count
        var kept = trimmed(prefix(of: stem, bytes: budget))
        if kept.isEmpty { kept = prefix(of: fallback, bytes: budget) }
        let base = kept.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? kept
        if reservedNames.contains(base.uppercased()) {
            // "CON" becomes "CON_": still recognisable, and no longer a device.
            kept = prefix(of: base + "_" + kept.dropFirst(base.count), bytes: budget)
        }
        return kept + tail
    }

    /// The longest run of whole characters from the start of `text` that fits in `bytes` bytes of UTF-8.
    static func prefix(of text: String, bytes: Int) -> String {
        var kept = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            if used + size > bytes { break }
            kept.append(character)
            used += size
        }
        return kept
    }

    /// Without leading dots, dashes and spaces (no hidden files, nothing that reads as an option),
    /// and without trailing dots and dashes (which Windows drops).
    private static func trimmed(_ name: String) -> String {
        var scalars = Substring(name).unicodeScalars
        while let first = scalars.first, first == "." || first == "-" { scalars.removeFirst() }
        while let last = scalars.last, last == "." || last == "-" { scalars.removeLast() }
        return String(scalars)
    }

    /// Zero-width and direction-changing characters that make a name look like another one.
    private static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }
}
