/// The rows of a CSV file whose header row holds question ids (and optionally `blueprint`).
public struct CSVRowSource: BatchRowSource {
    public let decoder: BatchRowDecoder
    private var reader: CSVReader
    private var rowNumber = 0

    /// Reads the header; an empty input, an empty or repeated column name, or a header that cannot
    /// be read is bad data (65).
    public init(reader chunks: ByteChunkReader) throws(BriefingError) {
        reader = CSVReader(reader: chunks)
        let file = chunks.displayPath
        var headerRecord: CSVReader.Record?
        repeat {
            headerRecord = try reader.next()
        } while headerRecord?.isBlank == true
        guard let headerRecord else {
            throw .badData(at: SourceLocation(file: file, line: 1, column: 1),
                           "the CSV has no header row; its first row names the question of each column, e.g. organisation,nation,sector")
        }
        let location = SourceLocation(file: file, line: headerRecord.line, column: 1)
        if let problem = headerRecord.problem { throw .badData(at: location, "the header row cannot be read: \(problem)") }
        var header: [String] = []
        var problems: [Diagnostic] = []
        for (index, cell) in headerRecord.fields.enumerated() {
            guard let name = String(validating: cell, as: UTF8.self)?.trimmingWhitespaceAndNewlines() else {
                problems.append(.error(at: location, "column \(index + 1) of the header is not valid UTF-8; save the file as UTF-8"))
                header.append("")
                continue
            }
            if name.isEmpty {
                problems.append(.error(at: location, "column \(index + 1) of the header has no question id"))
            } else if header.contains(name) {
                problems.append(.error(at: location, "column \(index + 1) repeats the question id '\(name)'"))
            }
            header.append(name)
        }
        if !problems.isEmpty { throw .badData(problems) }
        decoder = BatchRowDecoder(file: file, header: header)
    }

    public var bytesConsumed: Int { reader.bytesConsumed }
    public var totalBytes: Int? { reader.reader.totalBytes }

    public mutating func next() throws(BriefingError) -> BatchRow? {
        while let record = try reader.next() {
            if record.problem == nil, record.isBlank { continue }
            rowNumber += 1
            let content: BatchRow.Content = record.problem.map { .unreadable($0) } ?? .cells(record.fields)
            return BatchRow(number: rowNumber, line: record.line, content: content)
        }
        return nil
    }
}
