/// Reads RFC 4180 CSV one record at a time from a stream: fields separated by a delimiter (a comma
/// unless told otherwise, or found with `detectDelimiter`), records by CRLF, LF or CR; quoted fields
/// may hold delimiters, line breaks and doubled quotes. A leading UTF-8 byte order mark is skipped.
/// Fields stay raw bytes, so that a record with bad UTF-8 fails alone.
///
/// The reader is forgiving where spreadsheets are sloppy: a quote inside an unquoted field is kept
/// as text. It refuses what would lose data: text after a closing quote, a quote left open at the
/// end of the input, or a record over `maximumRecordBytes` (the mark of a quote left open).
struct CSVReader {
    /// One record, as it appears in the input.
    struct Record {
        /// The fields' bytes, in order.
        var fields: [[UInt8]]
        /// The column (1-based, in characters) at which each field starts on its line.
        var columns: [Int]
        /// The physical line on which the record starts (1-based).
        var line: Int
        /// Why the record could not be read as written; its fields are then incomplete.
        var problem: String?

        /// True for a record whose fields are all empty, such as a blank line.
        var isBlank: Bool { fields.allSatisfy(\.isEmpty) }
    }

    /// The longest record kept in memory; a longer one is skipped as a bad row.
    static let maximumRecordBytes = 1 << 20

    private var cursor: ByteCursor
    /// The byte between fields.
    private(set) var delimiter: CSVDelimiter
    /// The physical line the next byte is on.
    private(set) var line = 1
    private var startedInput = false

    /// Reads from `reader`; `chunkSize` is only ever small in tests, to cross chunk boundaries.
    init(reader: ByteChunkReader, delimiter: CSVDelimiter = .comma, chunkSize: Int = ByteChunkReader.defaultChunkSize) {
        cursor = ByteCursor(reader: reader, chunkSize: chunkSize)
        self.delimiter = delimiter
    }

    /// Reads `bytes`, already in memory.
    init(bytes: [UInt8], delimiter: CSVDelimiter) {
        cursor = ByteCursor(bytes: bytes)
        self.delimiter = delimiter
    }

    /// How many bytes of the input the records so far took up.
    var bytesConsumed: Int { cursor.bytesConsumed }

    /// Finds the delimiter from the header row, the first line that holds more than delimiters
    /// (`CSVDelimiter.detect` says how), and reads with it from then on. Call it before the first
    /// record; the lines before the header are skipped, and nothing else is consumed.
    mutating func detectDelimiter(isKnown: (String) -> Bool) throws(BriefingError) -> CSVDelimiter {
        try startInput()
        var header: [UInt8] = []
        var consumed: [UInt8] = []
        var quoted = false
        var blankLines = 0
        // The header ends at a line break outside quotes; a line of nothing but delimiters (or
        // nothing at all) before it is blank.
        while consumed.count <= Self.maximumRecordBytes, let byte = try cursor.next() {
            consumed.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            guard !quoted, byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                header.append(byte)
                continue
            }
            if byte == UInt8(ascii: "\r"), try cursor.peek() == UInt8(ascii: "\n") { consumed.append(try cursor.next() ?? 0) }
            if header.contains(where: { !Self.isBlankLineByte($0) }) { break }
            blankLines += 1
            header = []
            consumed = []
        }
        cursor.unread(consumed)
        line += blankLines
        delimiter = CSVDelimiter.detect(header: header, isKnown: isKnown)
        return delimiter
    }

    private static func isBlankLineByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "\t")
    }

    /// The next record, or nil at the end of the input.
    mutating func next() throws(BriefingError) -> Record? {
        try startInput()
        guard try cursor.peek() != nil else { return nil }

        let start = line
        let delimiter = delimiter.byte
        var fields: [[UInt8]] = []
        var columns: [Int] = [1]
        var field: [UInt8] = []
        var size = 0
        var problem: String?
        /// Where the current field stands: before its first byte, in plain text, inside quotes, or
        /// just after its closing quote.
        enum State { case fieldStart, unquoted, quoted, afterQuote }
        var state = State.fieldStart
        var quoteLine = start
        /// The column the next byte is at; a UTF-8 continuation byte adds none.
        var column = 1

        func keep(_ byte: UInt8) {
            size += 1
            if size <= Self.maximumRecordBytes { field.append(byte) }
        }
        func endField() {
            fields.append(field)
            field = []
        }

        while true {
            guard let byte = try cursor.next() else {
                if state == .quoted {
                    problem = problem ?? "the quoted field that starts on line \(quoteLine) is never closed"
                }
                endField()
                break
            }
            if byte & 0xC0 != 0x80 { column += 1 }
            if state == .quoted {
                switch byte {
                case UInt8(ascii: "\""):
                    if try cursor.peek() == UInt8(ascii: "\"") {
                        _ = try cursor.next()
                        column += 1
                        keep(byte)
                    } else {
                        state = .afterQuote
                    }
                case UInt8(ascii: "\n"):
                    line += 1
                    column = 1
                    keep(byte)
                case UInt8(ascii: "\r"):
                    if try cursor.peek() != UInt8(ascii: "\n") {
                        line += 1
                        column = 1
                    }
                    keep(byte)
                default:
                    keep(byte)
                }
                continue
            }
            if byte == delimiter {
                endField()
                columns.append(column)
                state = .fieldStart
                continue
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), try cursor.peek() == UInt8(ascii: "\n") { _ = try cursor.next() }
                line += 1
                endField()
                break
            }
            switch state {
            case .fieldStart where byte == UInt8(ascii: "\""):
                state = .quoted
                quoteLine = line
            case .fieldStart, .unquoted:
                state = .unquoted
                keep(byte)
            case .afterQuote:
                problem = problem ?? "unexpected text after the closing quote of field \(fields.count + 1)"
                    + "; a quote inside a quoted field is written twice (\"\")"
            case .quoted:
                break
            }
        }
        if size > Self.maximumRecordBytes {
            problem = "the row is over \(Self.maximumRecordBytes / 1024) KiB long; is a quote left open?"
        }
        return Record(fields: fields, columns: columns, line: start, problem: problem)
    }

    /// Skips a byte order mark at the very start of the input.
    private mutating func startInput() throws(BriefingError) {
        guard !startedInput else { return }
        startedInput = true
        _ = try cursor.skip(prefix: [0xEF, 0xBB, 0xBF])
    }
}
