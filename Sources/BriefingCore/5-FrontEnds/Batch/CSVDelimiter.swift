/// The byte between a CSV file's columns: a comma, a semicolon (Excel in locales whose decimal
/// mark is a comma) or a tab.
public enum CSVDelimiter: String, Sendable, CaseIterable {
    case comma = ","
    case semicolon = ";"
    case tab = "tab"

    /// The delimiter as `--delimiter` takes it: `,`, `;`, `tab`, `\t` or a tab character.
    public init?(argument: String) {
        switch argument {
        case ",": self = .comma
        case ";": self = .semicolon
        case "tab", "\\t", "\t": self = .tab
        default: return nil
        }
    }

    /// The byte itself.
    public var byte: UInt8 {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: UInt8(ascii: "\t")
        }
    }

    /// How messages name it: "','", "';'" or "a tab".
    public var shown: String {
        self == .tab ? "a tab" : "'\(rawValue)'"
    }

    /// The delimiter of a CSV file whose header row is `header` (its bytes, without the line break).
    ///
    /// The header is split as CSV (a delimiter inside double quotes does not count) with each of
    /// `,`, `;` and tab. The one whose columns `isKnown` accepts most often wins (question ids and the
    /// other column names a batch reads); on a tie, the one that gives the most non-empty columns; on
    /// a tie again, the first of `,`, `;`, tab. So a header with none of the three is one column read
    /// with `,`, and the same header always gives the same delimiter.
    public static func detect(header: [UInt8], isKnown: (String) -> Bool) -> CSVDelimiter {
        var best = CSVDelimiter.comma
        var bestScore = (known: -1, columns: -1)
        for candidate in allCases {
            var reader = CSVReader(bytes: header, delimiter: candidate)
            let fields = ((try? reader.next())?.fields ?? []).map {
                String(decoding: $0, as: UTF8.self).trimmingWhitespaceAndNewlines()
            }
            let score = (known: fields.filter(isKnown).count, columns: fields.filter { !$0.isEmpty }.count)
            if score.known > bestScore.known || (score.known == bestScore.known && score.columns > bestScore.columns) {
                best = candidate
                bestScore = score
            }
        }
        return best
    }
}
