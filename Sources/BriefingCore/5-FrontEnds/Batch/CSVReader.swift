/// Reads RFC 4180 CSV one record at a time from a stream: fields separated by commas, records by
/// CRLF, LF or CR; quoted fields may hold commas, line breaks and doubled quotes. A leading UTF-8
/// byte order mark is skipped. Fields stay raw bytes, so that a record with bad UTF-8 fails alone.
///
/// The reader is forgiving where spreadsheets are sloppy: a quote inside an unquoted field is kept
/// as text. It refuses what would lose data: text after a closing quote, a quote left open at the
/// end of the input, or a record over `maximumRecordBytes` (the mark of a quote left open).
struct CSVReader {
    /// One record, as it appears in the input.
    struct Record {
        /// The fields' bytes, in order.
        var fields: [[UInt8]]
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
    /// The physical line the next byte is on.
    private(set) var line = 1
    private var startedInput = false

    /// Reads from `reader`; `chunkSize` is only ever small in tests, to cross chunk boundaries.
    init(reader: ByteChunkReader, chunkSize: Int = ByteChunkReader.defaultChunkSize) {
        cursor = ByteCursor(reader: reader, chunkSize: chunkSize)
    }

    /// The input being read.
    var reader: ByteChunkReader { cursor.reader }

    /// How many bytes of the input the records so far took up.
    var bytesConsumed: Int { cursor.bytesConsumed }

    /// The next record, or nil at the end of the input.
    mutating func next() throws(BriefingError) -> Record? {
        if !startedInput {
            startedInput = true
            try skipByteOrderMark()
        }
        guard try cursor.peek() != nil else { return nil }

        let start = line
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var size = 0
        var problem: String?
        /// Where the current field stands: before its first byte, in plain text, inside quotes, or
        /// just after its closing quote.
        enum State { case fieldStart, unquoted, quoted, afterQuote }
        var state = State.fieldStart
        var quoteLine = start

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
            if state == .quoted {
                switch byte {
                case UInt8(ascii: "\""):
                    if try cursor.peek() == UInt8(ascii: "\"") {
                        _ = try cursor.next()
                        keep(byte)
                    } else {
                        state = .afterQuote
                    }
                case UInt8(ascii: "\n"):
                    line += 1
                    keep(byte)
                case UInt8(ascii: "\r"):
                    if try cursor.peek() != UInt8(ascii: "\n") { line += 1 }
                    keep(byte)
                default:
                    keep(byte)
                }
                continue
            }
            if byte == UInt8(ascii: ",") {
                endField()
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
        return Record(fields: fields, line: start, problem: problem)
    }

    private mutating func skipByteOrderMark() throws(BriefingError) {
        _ = try cursor.skip(prefix: [0xEF, 0xBB, 0xBF])
    }
}
