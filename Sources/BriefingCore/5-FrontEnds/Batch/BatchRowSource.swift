/// Where batch rows come from, one at a time: a CSV file, a JSON Lines file, or one YAML or JSON
/// document. Rows are read as they are needed, never all at once.
public protocol BatchRowSource {
    /// Decodes the rows this source reads.
    var decoder: BatchRowDecoder { get }
    /// The bytes of the input the rows so far took up and, for a regular file, the total: for
    /// progress and its estimate.
    var bytesConsumed: Int { get }
    var totalBytes: Int? { get }
    /// The next row, or nil at the end.
    mutating func next() throws(BriefingError) -> BatchRow?
}

/// Opening an answers input as a source of rows.
public enum BatchInput {
    /// A source for `path` (`-` for standard input) read as `format`. A CSV is split at `delimiter`,
    /// else at the one its header row shows; `library` lets its header name questions in any case.
    public static func open(_ path: String, format: BatchInputFormat, delimiter: CSVDelimiter? = nil,
                            library: ContentLibrary? = nil) throws(BriefingError) -> any BatchRowSource {
        switch format {
        case .csv: try CSVRowSource(reader: ByteChunkReader(path: path), delimiter: delimiter,
                                    columns: library.map(BatchColumnNames.init(library:)) ?? BatchColumnNames())
        case .jsonl: JSONLinesRowSource(reader: try ByteChunkReader(path: path))
        case .yaml, .json: try DocumentRowSource(path: path)
        }
    }
}
