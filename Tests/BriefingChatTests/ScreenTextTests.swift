import Testing
@testable import BriefingChat

/// Laying text out for the terminal: widths without escape codes, breaks at spaces, hanging indents.
@Suite struct ScreenTextTests {
    @Test func escapeCodesTakeNoColumns() {
        #expect(ScreenText.width("\u{1B}[1;36mnation>\u{1B}[0m ") == 8)
        #expect(ScreenText.width("Ysgol Gymraeg 北京") == 18)
        #expect(ScreenText.withoutEscapes("\u{1B}[32m✓\u{1B}[0m done") == "✓ done")
    }

    @Test func aColouredLineBreaksWhereThePlainOneDoes() {
        let plain = "✓ Got it: Organisation: Fife Council; Nation: Scotland; Sector: Local government."
        let coloured = "\u{1B}[32m✓ \u{1B}[0mGot it: Organisation: Fife Council; Nation: Scotland; \u{1B}[2mSector: Local government.\u{1B}[0m"
        let a = ScreenText.wrapLine(plain, width: 40)
        let b = ScreenText.wrapLine(coloured, width: 40).map(ScreenText.withoutEscapes)
        #expect(a == b)
        #expect(a.allSatisfy { ScreenText.width($0) <= 40 })
    }

    @Test func continuationLinesHangUnderTheText() {
        #expect(ScreenText.wrapLine("    3. Formal consultation, when the proposal is published and views are sought", width: 40)
            == ["    3. Formal consultation, when the", "       proposal is published and views", "       are sought"])
        #expect(ScreenText.wrapLine("  /pin SNIPPET     keep a snippet in, in full, whatever the answers", width: 44)
            == ["  /pin SNIPPET     keep a snippet in, in", "                   full, whatever the", "                   answers"])
        #expect(ScreenText.wrapLine("  when: nation == \"wales\" and body == \"nhs-body\"", width: 30)
            == ["  when: nation == \"wales\" and", "        body == \"nhs-body\""])
    }

    @Test func onlyAWordLongerThanTheLineIsBrokenAndThenAfterASlash() {
        let url = "https://www.legislation.gov.uk/asp/2015/6/part/3/enacted"
        let lines = ScreenText.wrapLine("See \(url) for the text", width: 30)
        #expect(lines.allSatisfy { ScreenText.width($0) <= 30 }, "\(lines)")
        #expect(lines == ["See https://", "www.legislation.gov.uk/asp/", "2015/6/part/3/enacted for the", "text"])
        let words = ScreenText.wrapLine("one two three four five six seven eight nine ten", width: 12)
        #expect(words.joined(separator: " ") == "one two three four five six seven eight nine ten")
    }
}
