import Foundation
import Testing
@testable import BriefingCore

/// A CSV's delimiter, `,`, `;` or tab: found from its header row (outside quotes, by the columns it
/// names, then by how many columns it gives, then `,` before `;` before tab), or given.
@Suite struct CSVDelimiterTests {
    static let columns = BatchColumnNames(questionIDs: ["organisation", "nation", "drivers", "minutes", "leadership_board"],
                                          sectionIDs: ["actions"])

    static func detect(_ header: String) -> CSVDelimiter {
        CSVDelimiter.detect(header: Array(header.utf8), isKnown: columns.isKnown)
    }

    @Test func eachDelimiterIsFoundFromAHeaderOfQuestionIDs() {
        #expect(Self.detect("organisation,nation,drivers") == .comma)
        #expect(Self.detect("organisation;nation;drivers") == .semicolon)
        #expect(Self.detect("organisation\tnation\tdrivers") == .tab)
        #expect(Self.detect("ORGANISATION;Nation;evidence.leadership_board") == .semicolon)
    }

    @Test func aDelimiterInsideQuotesDoesNotCount() {
        #expect(Self.detect("\"organisation;nation\",drivers") == .comma)
        #expect(Self.detect("\"a,b,c,d\";organisation;nation") == .semicolon)
    }

    @Test func namedColumnsCountBeforeTheNumberOfColumns() {
        // ',' gives three columns that name nothing; ';' gives two, one of them a question.
        #expect(Self.detect("organisation;x,y,z") == .semicolon)
        // Nothing known: the most non-empty columns wins, so trailing empty ones do not.
        #expect(Self.detect("a;b;c,d;;;") == .semicolon)
        #expect(Self.detect("a,b,c;d,,,") == .comma)
    }

    @Test func aTieGoesToCommaThenSemicolonThenTab() {
        #expect(Self.detect("organisation") == .comma)
        #expect(Self.detect("") == .comma)
        #expect(Self.detect("a;b\tc") == .semicolon)
        #expect(Self.detect("x\ty") == .tab)
    }

    @Test func theDelimiterArgument() {
        #expect(CSVDelimiter(argument: ",") == .comma)
        #expect(CSVDelimiter(argument: ";") == .semicolon)
        #expect(CSVDelimiter(argument: "tab") == .tab)
        #expect(CSVDelimiter(argument: "\\t") == .tab)
        #expect(CSVDelimiter(argument: "\t") == .tab)
        #expect(CSVDelimiter(argument: "|") == nil)
        #expect(CSVDelimiter(argument: "comma") == nil)
    }

    /// Detection on a stream read `chunkSize` bytes at a time, then the records that follow.
    @Test(arguments: [1, 3, 16, 4096])
    func detectionConsumesNothingButBlankLinesBeforeTheHeader(chunkSize: Int) throws {
        let text = "\u{FEFF};;;\r\n\r\n\"organisation\";\"nation\r\nnotes\";drivers\r\nA;\"x;y\";\"trust;net-zero\"\r\n"
        var reader = CSVReader(reader: try BatchInputTests.reader(Array(text.utf8)), chunkSize: chunkSize)
        #expect(try reader.detectDelimiter(isKnown: Self.columns.isKnown) == .semicolon)
        let header = try #require(try reader.next())
        #expect(header.line == 3)
        #expect(header.fields.map { String(decoding: $0, as: UTF8.self) } == ["organisation", "nation\r\nnotes", "drivers"])
        let row = try #require(try reader.next())
        #expect(row.line == 5)
        #expect(row.fields.map { String(decoding: $0, as: UTF8.self) } == ["A", "x;y", "trust;net-zero"])
        #expect(row.columns == [1, 3, 9])
        #expect(try reader.next() == nil)
    }

    @Test func aGivenDelimiterIsUsedAsItIs() throws {
        let (decoder, _) = try CSVHeaderTests.source("organisation;nation\nA;wales\n", delimiter: .comma)
        #expect(decoder.header == ["organisation;nation"])
        let (tabs, rows) = try CSVHeaderTests.source("organisation\tnation\nA,B\twales\n", delimiter: .tab)
        #expect(tabs.header == ["organisation", "nation"])
        #expect(try tabs.answers(for: rows[0]).get().answers.map(\.value) == [.text("A,B"), .text("wales")])
    }
}
