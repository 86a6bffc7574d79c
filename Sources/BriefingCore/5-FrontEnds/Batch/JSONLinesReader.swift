/// Reads JSON Lines one line at a time from a stream: each non-blank line should hold one JSON
/// object. A leading UTF-8 byte order mark and a `\r` before each `\n` are dropped.
struct JSONLinesReader {
    /// One non-blank line of the input.
    struct Line {
        var bytes: [UInt8]
        /// The physical line number (1-based).
        var number: Int
        /// Why the line could not be kept, such as its length.
        var problem: String?
    }

    /// The longest line kept in memory; a longer one is skipped as a bad row.
    static let maximumLineBytes = 1 << 20

    private var cursor: ByteCursor
    private var line = 0
    private var startedInput = false

    /// The input being read.
    let reader: ByteChunkReader

    /// Reads from `reader`; `chunkSize` is only ever small in tests, to cross chunk boundaries.
    init(reader: ByteChunkReader, chunkSize: Int = ByteChunkReader.defaultChunkSize) {
        self.reader = reader
        cursor = ByteCursor(reader: reader, chunkSize: chunkSize)
    }

    /// How many bytes of the input the records so far took up.
    var bytesConsumed: Int { cursor.bytesConsumed }

    /// The next non-blank line, or nil at the end of the input.
    mutating func next() throws(BriefingError) -> Line? {
        if !startedInput {
            startedInput = true
            _ = try cursor.skip(prefix: [0xEF, 0xBB, 0xBF])
        }
        while try cursor.peek() != nil {
            line += 1
            var bytes: [UInt8] = []
            var size = 0
            while let byte = try cursor.next(), byte != UInt8(ascii: "\n") {
                size += 1
                if size <= Self.maximumLineBytes { bytes.append(byte) }
            }
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            if size > Self.maximumLineBytes {
                return Line(bytes: [], number: line,
                            problem: "the line is over \(Self.maximumLineBytes / 1024) KiB long")
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            return Line(bytes: bytes, number: line, problem: nil)
        }
        return nil
    }
}
