import Foundation
import Testing
@testable import BriefingCore

/// Reading batch inputs: RFC 4180 CSV (quotes, doubled quotes, line breaks in fields, a byte order
/// mark, CRLF, ragged rows, bad UTF-8) and JSON Lines, each streamed through small chunks so that
/// every boundary case is crossed.
@Suite struct BatchInputTests {
    /// Writes `bytes` to a temporary file and opens it.
    static func reader(_ bytes: [UInt8]) throws -> ByteChunkReader {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("batch-input-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { unlink(path) }
        return try ByteChunkReader(path: path)
    }

    /// Every record of `text`, as strings, with its line, read `chunkSize` bytes at a time.
    static func records(_ bytes: [UInt8], chunkSize: Int = 16) throws -> [(fields: [String], line: Int, problem: String?)] {
        var csv = CSVReader(reader: try reader(bytes), chunkSize: chunkSize)
        var result: [(fields: [String], line: Int, problem: String?)] = []
        while let record = try csv.next() {
            result.append((record.fields.map { String(decoding: $0, as: UTF8.self) }, record.line, record.problem))
        }
        return result
    }

    static func records(_ text: String, chunkSize: Int = 16) throws -> [(fields: [String], line: Int, problem: String?)] {
        try records(Array(text.utf8), chunkSize: chunkSize)
    }

    @Test(arguments: [1, 3, 16, 4096])
    func csvQuotesDoubledQuotesAndLineBreaksInFields(chunkSize: Int) throws {
        let text = "id,text\n1,\"Hello, world\"\n2,\"She said \"\"hi\"\"\"\n3,\"two\nlines\"\n4,plain\n"
        let records = try Self.records(text, chunkSize: chunkSize)
        #expect(records.map(\.fields) == [["id", "text"], ["1", "Hello, world"], ["2", "She said \"hi\""],
                                          ["3", "two\nlines"], ["4", "plain"]])
        #expect(records.map(\.line) == [1, 2, 3, 4, 6])
        #expect(records.allSatisfy { $0.problem == nil })
    }

    @Test func csvByteOrderMarkAndCRLF() throws {
        let records = try Self.records([0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,2\r\n\"x\r\ny\",3\r\n".utf8))
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["x\r\ny", "3"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test func csvLoneCarriageReturnsEndRecordsAndTheLastLineMayLackABreak() throws {
        let records = try Self.records("a,b\r1,2\r3,4")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test func csvEmptyFieldsAndRaggedRows() throws {
        let records = try Self.records("a,b,c\n1,,3\n1\n1,2,3,4\n,,\n")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "", "3"], ["1"], ["1", "2", "3", "4"], ["", "", ""]])
    }

    @Test func csvTextAfterAClosingQuoteFailsThatRecordOnly() throws {
        let records = try Self.records("a,b\n\"x\"y,2\n3,4\n")
        #expect(records[1].problem?.contains("after the closing quote of field 1") == true)
        #expect(records[2].fields == ["3", "4"] && records[2].problem == nil)
    }

    @Test func csvAQuoteLeftOpenIsReportedWhereItStarts() throws {
        let records = try Self.records("a,b\n1,2\n3,\"never\nclosed\n")
        #expect(records.count == 3)
        #expect(records[2].problem == "the quoted field that starts on line 3 is never closed")
    }

    @Test func csvAQuoteInsideAnUnquotedFieldIsText() throws {
        #expect(try Self.records("a\nO\"Brien\n")[1].fields == ["O\"Brien"])
    }

    /// Rows of a CSV source for a small header, decoded to answers.
    static func csvRows(_ text: [UInt8]) throws -> (BatchRowDecoder, [BatchRow]) {
        var source = try CSVRowSource(reader: reader(text))
        var rows: [BatchRow] = []
        while let row = try source.next() { rows.append(row) }
        return (source.decoder, rows)
    }

    @Test func csvRowsBecomeAnswersByColumnSkippingEmptyCellsAndBlankLines() throws {
        let (decoder, rows) = try Self.csvRows(Array("organisation,nation,drivers,blueprint\nAcme,wales,trust;net-zero,\n\n,,,\nBeta,  ,,readiness\n".utf8))
        #expect(decoder.header == ["organisation", "nation", "drivers", "blueprint"])
        #expect(rows.map(\.number) == [1, 2])
        #expect(rows.map(\.line) == [2, 5])
        let first = try decoder.answers(for: rows[0]).get()
        #expect(first.answers.map(\.id) == ["organisation", "nation", "drivers"])
        #expect(first.answers[2].value == .text("trust;net-zero"))
        #expect(first.blueprintID == nil)
        let second = try decoder.answers(for: rows[1]).get()
        #expect(second.answers.map(\.id) == ["organisation"])
        #expect(second.blueprintID == "readiness")
        #expect(second.writtenText == ["organisation": "Beta"])
    }

    @Test func csvRowWithExtraCellsOrBadUTF8FailsAlone() throws {
        let (decoder, rows) = try Self.csvRows(Array("organisation,nation\nA,wales,extra\nB,".utf8) + [0xFF] + Array("\nC,wales,\n".utf8))
        #expect(rows.count == 3)
        guard case .failure(let extra) = decoder.answers(for: rows[0]) else { Issue.record("extra cells accepted"); return }
        #expect(extra.messages == ["the row has 3 cells, but the header names 2 columns"])
        guard case .failure(let bad) = decoder.answers(for: rows[1]) else { Issue.record("bad UTF-8 accepted"); return }
        #expect(bad.messages == ["not valid UTF-8 (byte 0xFF in column 'nation'); save the file as UTF-8"])
        #expect(try decoder.answers(for: rows[2]).get().answers.count == 2)
    }

    @Test func csvHeaderProblemsAreBadData() throws {
        for (text, message) in [("organisation,,nation\n", "column 2 of the header has no question id"),
                                ("nation,nation\n", "column 2 repeats the question id 'nation'"),
                                ("", "the CSV has no header row")] {
            do {
                _ = try Self.csvRows(Array(text.utf8))
                Issue.record("accepted \(text.debugDescription)")
            } catch let error as BriefingError {
                #expect(error.exitCode == 65)
                #expect(error.description.contains(message), "\(error.description)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    /// The rows of a JSON Lines input and their decoded answers.
    static func jsonRows(_ text: String, chunkSize: Int = 16) throws -> [(BatchRow, Result<RowAnswers, BatchRowFailure>)] {
        var source = JSONLinesRowSource(reader: try reader(Array(text.utf8)))
        var rows: [(BatchRow, Result<RowAnswers, BatchRowFailure>)] = []
        while let row = try source.next() { rows.append((row, source.decoder.answers(for: row))) }
        return rows
    }

    @Test func jsonLinesStreamOneObjectPerLineSkippingBlankLines() throws {
        let text = "\u{FEFF}{\"organisation\": \"Acme\", \"minutes\": 12.5, \"drivers\": [\"trust\", 3, true], \"leader_role\": null}\r\n\n"
            + "  \n{\"organisation\": \"Caf\\u00e9 \\ud83c\\udf89\", \"blueprint\": \"readiness\", \"flag\": false}\n"
        let rows = try Self.jsonRows(text)
        #expect(rows.map(\.0.number) == [1, 2])
        #expect(rows.map(\.0.line) == [1, 4])
        let first = try rows[0].1.get()
        // Keys come out in sorted order, whatever order they were written in.
        #expect(first.answers.map(\.id) == ["drivers", "leader_role", "minutes", "organisation"])
        #expect(first.answers.map(\.value) == [.list(["trust", "3", "true"]), .null, .number(12.5), .text("Acme")])
        #expect(first.writtenText["minutes"] == "12.5")
        let second = try rows[1].1.get()
        #expect(second.answers.map(\.value) == [.text("false"), .text("Café 🎉")])
        #expect(second.blueprintID == "readiness")
    }

    @Test(arguments: [
        ("[1, 2]", "each line must be a JSON object, {\"id\": value, ...}"),
        ("{\"a\": 1} x", "invalid JSON: Invalid value around character 9."),
        ("{\"a\": \"\\x\"}", "invalid JSON: Invalid escape sequence around character 7."),
        ("{\"a\": 01}", "invalid JSON: Number with leading zero around character 7."),
        ("{\"a\" 1}", "invalid JSON: Invalid value around character 5."),
        ("{\"a\": {\"b\": 1}}", "the answer to 'a' must be a value or a list, not a mapping"),
        ("{\"a\": [[1]]}", "the answer to 'a' must be a list of values"),
        ("{\"blueprint\": 3}", "'blueprint' must be a blueprint id in double quotes"),
    ])
    func jsonLinesProblemsFailTheirRow(line: String, message: String) throws {
        let rows = try Self.jsonRows(line + "\n{\"ok\": 1}\n")
        #expect(rows.count == 2)
        guard case .failure(let failure) = rows[0].1 else { Issue.record("accepted \(line)"); return }
        #expect(failure.messages == [message])
        #expect((try? rows[1].1.get()) != nil)
    }

    @Test func jsonLinesBadUTF8FailsTheRow() throws {
        var source = JSONLinesRowSource(reader: try Self.reader(Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}\n{}\n".utf8)))
        let bad = try #require(try source.next())
        guard case .failure(let failure) = source.decoder.answers(for: bad) else { Issue.record("bad UTF-8 accepted"); return }
        #expect(failure.messages == ["not valid UTF-8 (byte 0xC3 at offset 7); save the file as UTF-8"])
        #expect(try source.next()?.number == 2)
    }

    @Test func inputFormatComesFromTheExtensionOrTheFlag() {
        #expect(BatchInputFormat.resolve(path: "rows.CSV", explicit: nil) == .csv)
        #expect(BatchInputFormat.resolve(path: "rows.ndjson", explicit: nil) == .jsonl)
        #expect(BatchInputFormat.resolve(path: "a.yml", explicit: nil) == .yaml)
        #expect(BatchInputFormat.resolve(path: "-", explicit: nil) == .yaml)
        #expect(BatchInputFormat.resolve(path: "-", explicit: .csv) == .csv)
        #expect(BatchInputFormat.resolve(path: "dir.csv/file", explicit: nil) == .yaml)
    }

    @Test func manifestLinesAreCompactJSONWithEveryKey() {
        let ok = BatchManifestEntry(row: 3, line: 4, file: "Acme \"A\".md", error: nil, snippets: ["a", "b"], minutes: 9.5)
        #expect(ok.jsonLine == "{\"row\":3,\"line\":4,\"status\":\"ok\",\"file\":\"Acme \\\"A\\\".md\",\"error\":null,\"snippets\":[\"a\",\"b\"],\"minutes\":9.5,\"readiness\":null}\n")
        let failed = BatchManifestEntry(row: 5, line: 7, file: nil, error: "bad\nrow", snippets: [], minutes: nil)
        #expect(failed.jsonLine == "{\"row\":5,\"line\":7,\"status\":\"error\",\"file\":null,\"error\":\"bad\\nrow\",\"snippets\":[],\"minutes\":null,\"readiness\":null}\n")
        let parsed = try? JSONSerialization.jsonObject(with: Data(ok.jsonLine.utf8)) as? [String: Any]
        #expect(parsed?["minutes"] as? Double == 9.5)
        let assessed = BatchManifestEntry(row: 1, line: 2, file: "a.md", error: nil, snippets: [], minutes: 3,
                                          readiness: .init(status: .partial, level: .established, verifiedLevel: .developing))
        #expect(assessed.jsonLine.hasSuffix(",\"readiness\":{\"verification_status\":\"partial\",\"level\":\"established\",\"verified_level\":\"developing\"}}\n"))
    }
}
