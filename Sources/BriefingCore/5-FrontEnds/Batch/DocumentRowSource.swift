/// A YAML or JSON answers document as a batch of one row.
public struct DocumentRowSource: BatchRowSource {
    public let decoder: BatchRowDecoder
    private var document: AnswersFile?
    private let size: Int

    /// Reads and parses the document; syntax errors are bad data (65), as for a single build.
    public init(path: String) throws(BriefingError) {
        let text = try TextFile.read(path)
        let file = path == "-" ? "<stdin>" : path
        document = try AnswersFile.parse(text, file: file)
        size = text.utf8.count
        decoder = BatchRowDecoder(file: file)
    }

    /// A document already read, such as the `--set` answers alone.
    public init(document: AnswersFile, file: String) {
        self.document = document
        size = 0
        decoder = BatchRowDecoder(file: file)
    }

    public var bytesConsumed: Int { document == nil ? size : 0 }
    public var totalBytes: Int? { size }

    public mutating func next() throws(BriefingError) -> BatchRow? {
        guard let document else { return nil }
        self.document = nil
        return BatchRow(number: 1, line: 0, content: .document(document))
    }
}
