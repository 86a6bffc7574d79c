import Foundation
import Testing

/// CSV files as spreadsheets write them, built by the executable: `;` or tab between columns (found
/// from the header row or given with `--delimiter`), a byte order mark, CRLF, header names in any
/// case, and Excel's empty columns at the end of every line.
@Suite struct SpreadsheetCSVTests {
    typealias Batch = BatchBuildTests

    /// `rows`, each a list of cells, as Excel writes them with `;`: a byte order mark, CRLF, and
    /// three empty columns after the last named one on every line.
    static func excelCSV(_ rows: [[String]], delimiter: String = ";") -> Data {
        let header = ["Organisation", "NATION", "Sector", "level", "Stage", "maturity", "Audience", "drivers", "Minutes"]
        let lines = ([header] + rows).map { ($0 + ["", "", ""]).joined(separator: delimiter) }
        return Data([0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8))
    }

    static func row(_ index: Int) -> [String] {
        let drivers = ["", "trust", "\"trust;net-zero\"", "budget-pressure"][index % 4]
        return ["Council \(index)", Batch.nations[index % 5], Batch.sectors[index % 5], ["neighbourhood", "service", "strategic"][index % 3],
                Batch.stages[index % 5], "developing", "board", drivers, ["5", "10", ""][index % 3]]
    }

    @Test func aSemicolonCSVWithAByteOrderMarkCRLFAndTrailingEmptyColumnsBuildsEveryRow() throws {
        let folder = try Batch.scratch()
        defer { Batch.remove(folder) }
        try Self.excelCSV((1...12).map(Self.row)).write(to: URL(fileURLWithPath: folder + "/excel.csv"))
        let run = try Batch.build(["--answers", "excel.csv", "--output-dir", "out"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("12 rows: 12 written, 0 failed"), "\(run.stderr)")
        let manifest = try Batch.manifest(folder + "/out")
        #expect(manifest.map { $0["status"] as? String } == Array(repeating: "ok", count: 12))
        #expect(manifest.map { $0["line"] as? Int } == Array(2...13))
        #expect(try Batch.listing(folder + "/out").filter { $0.hasSuffix(".md") }.count == 12)
        let second = try String(contentsOfFile: folder + "/out/Council-2.md", encoding: .utf8)
        #expect(second.hasPrefix("# Co-production briefing for Council 2\n"))

        // The quoted multi-choice cell is one answer of two values.
        let lines = try Batch.build(["--answers", "excel.csv", "--format", "json", "-o", "-"], in: folder)
        #expect(lines.status == 0, "\(lines.stderr)")
        let objects = try lines.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 12)
        let answers = try #require(objects[1]["answers"] as? [String: Any])
        #expect(answers["drivers"] as? [String] == ["trust", "net-zero"])
        #expect(answers["nation"] as? String == "wales")
    }

    @Test func aTabSeparatedFileAndTheDelimiterOption() throws {
        let folder = try Batch.scratch()
        defer { Batch.remove(folder) }
        try Self.excelCSV((1...3).map(Self.row), delimiter: "\t").write(to: URL(fileURLWithPath: folder + "/tabs.csv"))
        try Self.excelCSV((1...3).map(Self.row)).write(to: URL(fileURLWithPath: folder + "/semi.csv"))
        for arguments in [["--answers", "tabs.csv"], ["--answers", "tabs.csv", "--delimiter", "tab"],
                          ["--answers", "tabs.csv", "--delimiter", "\\t"], ["--answers", "semi.csv", "--delimiter", ";"]] {
            let run = try Batch.build(arguments + ["--output-dir", "out-\(UUID().uuidString)"], in: folder)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("3 rows: 3 written, 0 failed"), "\(arguments): \(run.stderr)")
        }
        // Told the wrong delimiter, the header is one unknown column.
        let wrong = try Batch.build(["--answers", "semi.csv", "--delimiter", ",", "--output-dir", "wrong"], in: folder)
        #expect(wrong.status == 65)
        #expect(wrong.stderr.contains("semi.csv:1:1: error: unknown question 'Organisation;NATION;"), "\(wrong.stderr)")
    }

    @Test func aDelimiterOtherThanTheThreeOrWithoutACSVIsAUsageError() throws {
        let folder = try Batch.scratch()
        defer { Batch.remove(folder) }
        try Self.excelCSV([Self.row(1)]).write(to: URL(fileURLWithPath: folder + "/rows.csv"))
        try "{}\n".write(toFile: folder + "/rows.jsonl", atomically: true, encoding: .utf8)
        for (arguments, message) in [(["--answers", "rows.csv", "--delimiter", "|"], "--delimiter"),
                                     (["--answers", "rows.csv", "--delimiter", "comma"], "--delimiter"),
                                     (["--answers", "rows.jsonl", "--delimiter", ";"], "--delimiter says how to split a CSV's columns")] {
            let run = try Batch.build(arguments + ["--output-dir", "out"], in: folder)
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test func anUnquotedMultiChoiceCellOrAValueUnderAnEmptyHeaderFailsItsRowClearly() throws {
        let folder = try Batch.scratch()
        defer { Batch.remove(folder) }
        var rows = (1...4).map(Self.row)
        rows[0][7] = "trust;net-zero"
        rows[2].append("oops")
        try Self.excelCSV(rows).write(to: URL(fileURLWithPath: folder + "/rows.csv"))
        let run = try Batch.build(["--answers", "rows.csv", "--output-dir", "out"], in: folder)
        #expect(run.status == 1)
        let hint = "; with ';' between columns, a cell that lists several values must be in double quotes, e.g. \"trust;net-zero\""
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        let spilled = (rows[0][..<7].joined(separator: ";") + ";trust;").count + 1
        let under = rows[2][..<9].joined(separator: ";").count + 2
        #expect(errors == [
            "rows.csv:1: error: line 2: \"net-zero\" under 'minutes' (cell 9, at column \(spilled)) is a value of 'drivers' before it" + hint,
            "rows.csv:3: error: line 4: cell 10, at column \(under), has a value, but the header names no question above it; "
                + "name the question in the header row, or leave the cell empty" + hint,
        ], "\(run.stderr)")
        #expect(run.stderr.contains("4 rows: 2 written, 2 failed"))
    }
}
