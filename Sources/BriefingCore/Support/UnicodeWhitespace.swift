/// Whitespace tests and trimming that skip Foundation's `NSString` bridging on hot paths.
///
/// They treat exactly the scalars of `CharacterSet.whitespacesAndNewlines` as whitespace: the
/// Unicode `White_Space` property plus U+200B ZERO WIDTH SPACE, with an ASCII fast path.
extension Unicode.Scalar {
    /// True for a scalar of `CharacterSet.whitespacesAndNewlines`: space, tab, line breaks, no-break
    /// spaces and the like.
    @inline(__always)
    var isWhitespaceOrNewline: Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return properties.isWhitespace || value == 0x200B
    }

    /// True for a scalar of `CharacterSet.whitespaces`: tab, the space separators (category Zs) and
    /// U+200B ZERO WIDTH SPACE.
    @inline(__always)
    var isSpaceOrTab: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return properties.generalCategory == .spaceSeparator || value == 0x200B
    }
}

extension StringProtocol {
    /// True when the text is empty or holds only whitespace and line breaks.
    var isBlank: Bool {
        for byte in utf8 where !(byte == 0x20 || (0x09...0x0D).contains(byte)) {
            if byte < 0x80 { return false }
            return unicodeScalars.allSatisfy(\.isWhitespaceOrNewline)
        }
        return true
    }
}

extension String {
    /// The text without leading and trailing whitespace and line breaks, like
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    func trimmingWhitespaceAndNewlines() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespaceOrNewline }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isWhitespaceOrNewline })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs, like `trimmingCharacters(in: .whitespaces)`.
    func trimmingSpacesAndTabs() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceOrTab }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpaceOrTab })!
        return String(scalars[first...last])
    }
}
