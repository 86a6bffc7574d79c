import Foundation
import Testing
@testable import BriefingCore

/// A CSV's header row as spreadsheets write it: any case, a byte order mark, CRLF, and empty
/// columns at its end; and the cells under it, with the places of their problems.
@Suite struct CSVHeaderTests {
    /// The decoder and rows of `text`, with the names of `CSVDelimiterTests.columns`.
    static func source(_ text: String, delimiter: CSVDelimiter? = nil) throws -> (BatchRowDecoder, [BatchRow]) {
        var source = try CSVRowSource(reader: BatchInputTests.reader(Array(text.utf8)), delimiter: delimiter,
                                      columns: CSVDelimiterTests.columns)
        var rows: [BatchRow] = []
        while let row = try source.next() { rows.append(row) }
        return (source.decoder, rows)
    }

    static func failure(_ decoder: BatchRowDecoder, _ row: BatchRow) -> [String] {
        if case .failure(let failure) = decoder.answers(for: row) { return failure.messages }
        return []
    }

    @Test func aSemicolonFileWithAByteOrderMarkCRLFAndTrailingEmptyColumns() throws {
        let text = "\u{FEFF}Organisation;NATION;drivers;minutes;;;\r\nAcme;wales;\"trust;net-zero\";10;;;\r\nBeta;scotland;trust;;;;\r\n"
        let (decoder, rows) = try Self.source(text)
        #expect(decoder.delimiter == .semicolon)
        #expect(decoder.header == ["organisation", "nation", "drivers", "minutes"])
        #expect(decoder.headerWidth == 7)
        #expect(decoder.headerColumns == [1, 14, 21, 29])
        #expect(rows.map(\.line) == [2, 3])
        let first = try decoder.answers(for: rows[0]).get()
        #expect(first.answers.map(\.id) == ["organisation", "nation", "drivers", "minutes"])
        #expect(first.answers.map(\.value) == [.text("Acme"), .text("wales"), .text("trust;net-zero"), .text("10")])
        #expect(try decoder.answers(for: rows[1]).get().answers.map(\.id) == ["organisation", "nation", "drivers"])
    }

    @Test func aValueUnderAnEmptyHeaderCellFailsItsRowWithItsPlace() throws {
        let (decoder, rows) = try Self.source("organisation,nation,,\nAcme,wales,,oops\nBeta,wales,,\n")
        #expect(Self.failure(decoder, rows[0]) == [
            "cell 4, at column 13, has a value, but the header names no question above it; name the question in the header row, or leave the cell empty",
        ])
        #expect(Self.failure(decoder, rows[1]).isEmpty)
    }

    @Test func anUnquotedMultiChoiceCellInASemicolonFileSaysHowToQuoteIt() throws {
        let (decoder, rows) = try Self.source("organisation;nation;drivers\nAcme;wales;trust;net-zero\n")
        #expect(Self.failure(decoder, rows[0]) == [
            "the row has 4 cells, but the header names 3 columns; with ';' between columns, a cell that lists several values must be in double quotes, e.g. \"trust;net-zero\"",
        ])
        let (spreadsheet, spilled) = try Self.source("organisation;nation;drivers;;\nAcme;wales;trust;net-zero;\n")
        #expect(Self.failure(spreadsheet, spilled[0]).first?.hasPrefix("cell 4, at column 18, has a value, but the header names no question above it") == true)
        #expect(Self.failure(spreadsheet, spilled[0]).first?.hasSuffix("must be in double quotes, e.g. \"trust;net-zero\"") == true)
        // A comma file keeps the plain message: its multi-choice cells need no quotes.
        let (commas, extra) = try Self.source("organisation,drivers\nAcme,trust,x\n")
        #expect(Self.failure(commas, extra[0]) == ["the row has 3 cells, but the header names 2 columns"])
    }

    @Test func aMultiChoiceCellThatSpillsIntoTheNextColumnIsNamed() throws {
        let text = "organisation;drivers;minutes\nAcme;\"trust;net-zero\";10\nBeta;trust;Net zero\nGamma;trust;net-zero;10\n"
        var source = try CSVRowSource(reader: BatchInputTests.reader(Array(text.utf8)),
                                      columns: BatchColumnNames(library: ShippedContentTests.library))
        var rows: [BatchRow] = []
        while let row = try source.next() { rows.append(row) }
        let decoder = source.decoder
        #expect(try decoder.answers(for: rows[0]).get().answers.map(\.value) == [.text("Acme"), .text("trust;net-zero"), .text("10")])
        let hint = "; with ';' between columns, a cell that lists several values must be in double quotes, e.g. \"trust;net-zero\""
        #expect(Self.failure(decoder, rows[1]) == ["\"Net zero\" under 'minutes' (cell 3, at column 12) is a value of 'drivers' before it" + hint])
        #expect(Self.failure(decoder, rows[2]) == ["\"net-zero\" under 'minutes' (cell 3, at column 13) is a value of 'drivers' before it" + hint])
        // With ',' between columns nothing spills: the same cells are only wrong for 'minutes'.
        var commas = try CSVRowSource(reader: BatchInputTests.reader(Array("organisation,drivers,minutes\nBeta,trust,net-zero\n".utf8)),
                                      columns: BatchColumnNames(library: ShippedContentTests.library))
        let row = try #require(try commas.next())
        #expect(Self.failure(commas.decoder, row).isEmpty)
    }

    @Test func headerNamesMatchQuestionIDsInAnyCaseDottedOnesToo() throws {
        let (decoder, _) = try Self.source(
            "ORGANISATION,Nation,Blueprint,Evidence.Leadership_Board,verification.SCORES.leadership_board,Verification.Verifier,overrides.Notes.ACTIONS,unknown_Thing\n")
        #expect(decoder.header == ["organisation", "nation", "blueprint", "evidence.leadership_board",
                                   "verification.scores.leadership_board", "verification.verifier", "overrides.notes.actions",
                                   "unknown_Thing"])
    }

    @Test func twoSpellingsOfOneQuestionRepeatIt() throws {
        do {
            _ = try Self.source("nation,organisation,Nation\n")
            Issue.record("a repeated column was accepted")
        } catch let error as BriefingError {
            #expect(error.exitCode == 65)
            #expect(error.description.contains(":1:21: error: column 3 repeats the question id 'nation'"), "\(error.description)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func anEmptyColumnBeforeTheLastNamedOneIsStillAnError() throws {
        do {
            _ = try Self.source("organisation;;nation;;\n")
            Issue.record("an empty column in the middle was accepted")
        } catch let error as BriefingError {
            #expect(error.exitCode == 65)
            #expect(error.description.contains(":1:14: error: column 2 of the header has no question id"), "\(error.description)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
