/// The rows of a JSON Lines file: one JSON object of answers per non-blank line.
public struct JSONLinesRowSource: BatchRowSource {
    public let decoder: BatchRowDecoder
    private var reader: JSONLinesReader
    private var rowNumber = 0

    public init(reader chunks: ByteChunkReader) {
        reader = JSONLinesReader(reader: chunks)
        decoder = BatchRowDecoder(file: chunks.displayPath)
    }

    public var bytesConsumed: Int { reader.bytesConsumed }
    public var totalBytes: Int? { reader.reader.totalBytes }

    public mutating func next() throws(BriefingError) -> BatchRow? {
        guard let line = try reader.next() else { return nil }
        rowNumber += 1
        let content: BatchRow.Content = line.problem.map { .unreadable($0) } ?? .jsonObject(line.bytes)
        return BatchRow(number: rowNumber, line: line.number, content: content)
    }
}
