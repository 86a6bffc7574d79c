import Foundation

/// Text made safe for XML 1.0 (Word's parts, HTML and SVG): NFC-normalised, without the control
/// characters XML forbids, and with `&`, `<`, `>` and `"` escaped.
public enum XMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                // XML 1.0 allows no C0 controls but tab and line ends, no surrogates, and not FFFE/FFFF;
                // C1 controls and bidi overrides are dropped too, so text cannot hide or reorder itself.
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
                    || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
                    continue
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
