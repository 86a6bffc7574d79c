import Foundation

/// Substring tests on the loading path, answered exactly as Foundation's `contains` answers them but
/// without its cost when it cannot matter.
///
/// Foundation compares by canonical equivalence and never splits a composed character, so `"é"`
/// matches its decomposed form and `"e"` does not match inside it. Between two ASCII strings there is
/// nothing to compose or decompose, and a byte comparison gives the same answer for a fraction of
/// the price; anything else still goes to Foundation (an ASCII text may even contain a non-ASCII
/// needle: the Kelvin sign is canonically "K").
enum TextSearch {
    /// Whether `text` contains `needle`, as Foundation's `text.contains(needle)` (`range(of:)`) says.
    static func contains(_ text: some StringProtocol, _ needle: String) -> Bool {
        if let answer = asciiContains(text.utf8, needle.utf8) { return answer }
        return text.range(of: needle) != nil
    }

    /// The answer on bytes, or nil when either side has a byte outside ASCII (or the needle is empty).
    private static func asciiContains(_ text: some Collection<UInt8>, _ needle: String.UTF8View) -> Bool? {
        let pattern = Array(needle)
        guard !pattern.isEmpty, pattern.allSatisfy({ $0 < 0x80 }) else { return nil }
        if let answer = text.withContiguousStorageIfAvailable({ asciiContains($0, pattern) }) { return answer }
        return Array(text).withUnsafeBufferPointer { asciiContains($0, pattern) }
    }

    /// Nil when `bytes` is not ASCII; otherwise whether `pattern` (ASCII, not empty) occurs in it.
    private static func asciiContains(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8]) -> Bool? {
        var found = false
        let last = bytes.count - pattern.count
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            if !found, index <= last, byte == pattern[0] {
                var offset = 1
                while offset < pattern.count, bytes[index + offset] == pattern[offset] { offset += 1 }
                found = offset == pattern.count
            }
        }
        return found
    }
}
