/// The rows of a CSV file whose header row holds question ids (and optionally `blueprint`), in any
/// case. Its delimiter, `,`, `;` or tab, is given or found from the header row. Empty columns at the
/// end of the header (a spreadsheet's `a;b;c;;;`) are ignored, and so are the empty cells under them.
public struct CSVRowSource: BatchRowSource {
    public let decoder: BatchRowDecoder
    private var reader: CSVReader
    private let input: ByteChunkReader
    private var rowNumber = 0

    /// Reads the header; an empty input, an empty or repeated column name, or a header that cannot
    /// be read is bad data (65). Without `delimiter`, the header row decides it
    /// (`CSVDelimiter.detect`); `columns` recognises its names.
    public init(reader chunks: ByteChunkReader, delimiter: CSVDelimiter? = nil,
                columns: BatchColumnNames = BatchColumnNames()) throws(BriefingError) {
        input = chunks
        reader = CSVReader(reader: chunks, delimiter: delimiter ?? .comma)
        if delimiter == nil { _ = try reader.detectDelimiter(isKnown: columns.isKnown) }
        let file = chunks.displayPath
        var headerRecord: CSVReader.Record?
        repeat {
            headerRecord = try reader.next()
        } while headerRecord?.isBlank == true
        guard let headerRecord else {
            throw .badData(at: SourceLocation(file: file, line: 1, column: 1),
                           "the CSV has no header row; its first row names the question of each column, e.g. organisation,nation,sector")
        }
        let line = headerRecord.line
        if let problem = headerRecord.problem {
            throw .badData(at: SourceLocation(file: file, line: line, column: 1), "the header row cannot be read: \(problem)")
        }
        var names: [String?] = headerRecord.fields.map {
            String(validating: $0, as: UTF8.self)?.trimmingWhitespaceAndNewlines()
        }
        while let last = names.last, last?.isEmpty == true { names.removeLast() }
        var header: [String] = []
        var problems: [Diagnostic] = []
        for (index, name) in names.enumerated() {
            let location = SourceLocation(file: file, line: line, column: headerRecord.columns[index])
            guard let name else {
                problems.append(.error(at: location, "column \(index + 1) of the header is not valid UTF-8; save the file as UTF-8"))
                header.append("")
                continue
            }
            let id = columns.canonical(name)
            if name.isEmpty {
                problems.append(.error(at: location, "column \(index + 1) of the header has no question id"))
            } else if header.contains(id) {
                problems.append(.error(at: location, "column \(index + 1) repeats the question id '\(id)'"))
            }
            header.append(id)
        }
        if !problems.isEmpty { throw .badData(problems) }
        decoder = BatchRowDecoder(file: file, header: header, headerLine: line,
                                  headerColumns: Array(headerRecord.columns.prefix(header.count)),
                                  headerWidth: headerRecord.fields.count, delimiter: reader.delimiter,
                                  spills: reader.delimiter == .semicolon ? columns.spillWords(after: header) : [])
    }

    /// The delimiter the rows are read with.
    public var delimiter: CSVDelimiter { reader.delimiter }

    public var bytesConsumed: Int { reader.bytesConsumed }
    public var totalBytes: Int? { input.totalBytes }

    public mutating func next() throws(BriefingError) -> BatchRow? {
        while let record = try reader.next() {
            if record.problem == nil, record.isBlank { continue }
            rowNumber += 1
            let content: BatchRow.Content = record.problem.map { .unreadable($0) } ?? .cells(record.fields, columns: record.columns)
            return BatchRow(number: rowNumber, line: record.line, content: content)
        }
        return nil
    }
}
