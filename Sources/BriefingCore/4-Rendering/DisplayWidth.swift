/// How many terminal columns text takes: wide East Asian characters and emoji take two.
public enum DisplayWidth {
    public static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII, most of every briefing, is one column a byte.
        let printable = text.utf8.withContiguousStorageIfAvailable(isPrintableASCII)
            ?? text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
        if printable { return text.utf8.count }
        var width = 0
        for character in text { width += of(character) }
        return width
    }

    /// True when every byte is printable ASCII, 0x20 to 0x7E.
    static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var printable = true
        for byte in bytes where byte &- 0x20 >= 0x5F { printable = false }
        return printable
    }

    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation })
            || (character.unicodeScalars.count > 1 && character.unicodeScalars.contains { $0.value == 0xFE0F }) {
            return 2
        }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        return isWide(first.value) ? 2 : 1
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
