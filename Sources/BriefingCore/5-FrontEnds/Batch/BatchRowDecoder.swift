import Foundation

/// Turns batch rows into answers: CSV cells by their column's question id, JSON Lines objects by
/// key. It is a value, so that worker threads decode rows in parallel.
public struct BatchRowDecoder: Sendable {
    /// The column or key that picks a row's blueprint.
    public static let blueprintKey = "blueprint"

    /// The input, as shown in messages.
    public var file: String
    /// CSV only: the question id of each column, without the empty ones that end the header row.
    public var header: [String]
    /// CSV only: the line of the header row, and the column (in characters) where each of its named
    /// cells starts.
    public var headerLine: Int
    public var headerColumns: [Int]
    /// CSV only: how many cells the header row has, empty ones at its end included.
    public var headerWidth: Int
    /// CSV only: the byte between cells.
    public var delimiter: CSVDelimiter
    /// CSV with `;` only: the multi-choice columns, and the words that show, alone in the next
    /// cell, that the multi-choice cell was written unquoted (`BatchColumnNames.spillWords`).
    var spills: [(column: Int, words: Set<String>)]

    public init(file: String, header: [String] = [], headerLine: Int = 1, headerColumns: [Int]? = nil,
                headerWidth: Int? = nil, delimiter: CSVDelimiter = .comma) {
        self.init(file: file, header: header, headerLine: headerLine, headerColumns: headerColumns,
                  headerWidth: headerWidth, delimiter: delimiter, spills: [])
    }

    init(file: String, header: [String], headerLine: Int, headerColumns: [Int]?, headerWidth: Int?,
         delimiter: CSVDelimiter, spills: [(column: Int, words: Set<String>)]) {
        self.file = file
        self.header = header
        self.headerLine = headerLine
        // Without positions, the header is taken as written on one line, one delimiter between names.
        self.headerColumns = headerColumns ?? header.indices.map { index in
            1 + header[..<index].reduce(0) { $0 + $1.count + 1 }
        }
        self.headerWidth = max(headerWidth ?? header.count, header.count)
        self.delimiter = delimiter
        self.spills = spills
    }

    /// The answers `row` gives, or why it gives none.
    public func answers(for row: BatchRow) -> Result<RowAnswers, BatchRowFailure> {
        switch row.content {
        case .cells(let cells, let columns): cellAnswers(cells, columns: columns, line: row.line)
        case .jsonObject(let bytes): objectAnswers(bytes, line: row.line)
        case .document(let document): .success(RowAnswers(document: document))
        case .unreadable(let problem): .failure(BatchRowFailure(problem))
        }
    }

    private func cellAnswers(_ cells: [[UInt8]], columns: [Int], line: Int) -> Result<RowAnswers, BatchRowFailure> {
        for (column, words) in spills where column + 1 < cells.count && !cells[column + 1].isEmpty {
            guard let text = String(validating: cells[column + 1], as: UTF8.self)?.trimmingWhitespaceAndNewlines(),
                  words.contains(text.lowercased()) else { continue }
            let next = column + 1
            return .failure(BatchRowFailure(
                "\"\(text)\" under '\(header[next])' (cell \(next + 1), at column \(next < columns.count ? columns[next] : 0)) "
                    + "is a value of '\(header[column])' before it" + Self.semicolonHint))
        }
        if cells.count > header.count, let extra = cells[header.count...].firstIndex(where: { !$0.isEmpty }) {
            return .failure(BatchRowFailure(extraCellMessage(cell: extra, count: cells.count, columns: columns)))
        }
        var result = RowAnswers()
        var problems: [String] = []
        for (column, cell) in zip(header, cells) where !cell.isEmpty {
            guard let text = String(validating: cell, as: UTF8.self) else {
                let offset = TextFile.firstInvalidByte(in: cell).offset
                problems.append("not valid UTF-8 (byte \(Self.hex(cell[offset])) in column '\(column)'); save the file as UTF-8")
                continue
            }
            if text.isBlank { continue }
            if column == Self.blueprintKey {
                result.blueprintID = text.trimmingWhitespaceAndNewlines()
                continue
            }
            result.answers.append(RawAnswer(id: column, value: .text(text),
                                            location: SourceLocation(file: file, line: line, column: 0)))
            result.writtenText[column] = text
        }
        return problems.isEmpty ? .success(result) : .failure(BatchRowFailure(problems))
    }

    private func objectAnswers(_ bytes: [UInt8], line: Int) -> Result<RowAnswers, BatchRowFailure> {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            let offset = TextFile.firstInvalidByte(in: bytes).offset
            return .failure(BatchRowFailure("not valid UTF-8 (byte \(Self.hex(bytes[offset])) at offset \(offset)); save the file as UTF-8"))
        }
        let members: [String: JSONValue]
        do {
            members = try JSONDecoder().decode([String: JSONValue].self, from: Data(bytes))
        } catch {
            return .failure(BatchRowFailure(JSONValue.problem(in: bytes)))
        }
        guard members.count <= InputLimits.answerKeys else {
            return .failure(BatchRowFailure("the row has \(members.count) keys; the limit is \(InputLimits.answerKeys)"))
        }
        var result = RowAnswers()
        var problems: [String] = []
        let location = SourceLocation(file: file, line: line, column: 0)
        var flat: [(String, JSONValue)] = []
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            // `evidence` and `verification` objects flatten to the dotted keys a CSV's columns use.
            if case .object(let inner) = value, AssessmentField.roots.contains(key) || key == OverrideField.root {
                for (name, item) in inner.sorted(by: { $0.key < $1.key }) {
                    if case .object(let innermost) = item,
                       (key == "verification" && ["scores", "notes"].contains(name)) || (key == OverrideField.root && name == "notes") {
                        flat += innermost.sorted { $0.key < $1.key }.map { ("\(key).\(name).\($0.key)", $0.value) }
                    } else {
                        flat.append(("\(key).\(name)", item))
                    }
                }
            } else {
                flat.append((key, value))
            }
        }
        for (key, value) in flat {
            if key == Self.blueprintKey {
                switch value {
                case .string(let id): result.blueprintID = id
                case .null: break
                default: problems.append("'blueprint' must be a blueprint id in double quotes")
                }
                continue
            }
            switch value {
            case .string(let text):
                result.answers.append(RawAnswer(id: key, value: .text(text), location: location))
                result.writtenText[key] = text
            case .number(let number):
                result.answers.append(RawAnswer(id: key, value: .number(number), location: location))
                result.writtenText[key] = ConditionValue.format(number)
            case .bool(let flag):
                result.answers.append(RawAnswer(id: key, value: .text(String(flag)), location: location))
                result.writtenText[key] = String(flag)
            case .null:
                result.answers.append(RawAnswer(id: key, value: .null, location: location))
            case .array(let items):
                var texts: [String] = []
                for item in items {
                    switch item {
                    case .string(let text): texts.append(text)
                    case .number(let number): texts.append(ConditionValue.format(number))
                    case .bool(let flag): texts.append(String(flag))
                    case .null, .array, .object: problems.append("the answer to '\(key)' must be a list of values")
                    }
                }
                result.answers.append(RawAnswer(id: key, value: .list(texts), location: location))
                result.writtenText[key] = texts.joined(separator: ";")
            case .object:
                problems.append("the answer to '\(key)' must be a value or a list, not a mapping")
            }
        }
        return problems.isEmpty ? .success(result) : .failure(BatchRowFailure(problems))
    }

    /// Why a row with a value in cell `cell` (0-based), after the header's named columns, fails:
    /// under an empty header cell, where it is, else the count of cells; with `;` between columns,
    /// how a multi-choice cell is written, since an unquoted one spills into the cells after it.
    private func extraCellMessage(cell: Int, count: Int, columns: [Int]) -> String {
        let message = if cell < headerWidth {
            "cell \(cell + 1), at column \(cell < columns.count ? columns[cell] : 0), has a value, but the header names no question "
                + "above it; name the question in the header row, or leave the cell empty"
        } else {
            "the row has \(count) cells, but the header names \(header.count) columns"
        }
        return delimiter == .semicolon ? message + Self.semicolonHint : message
    }

    /// How a multi-choice cell is written in a file with `;` between columns.
    static let semicolonHint = "; with ';' between columns, a cell that lists several values must be in double quotes, "
        + "e.g. \"trust;net-zero\""

    /// A byte as it is named in messages: `0xFF`.
    static func hex(_ byte: UInt8) -> String {
        "0x" + String(byte, radix: 16, uppercase: true)
    }
}
