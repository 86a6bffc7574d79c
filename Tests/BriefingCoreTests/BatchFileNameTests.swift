import Testing
@testable import BriefingCore

/// File names built from answers: templates, sanitizing (path tricks, device names, control and
/// invisible characters, 100-byte limit without cutting a character) and uniqueness within a run.
@Suite struct BatchFileNameTests {
    static func name(_ raw: String, fallback: String = "row-1") -> String {
        FileNameSanitizer.fileName(stem: FileNameSanitizer.stem(from: raw), extension: "md", fallback: fallback)
    }

    @Test(arguments: [
        ("Acme Health Board", "Acme-Health-Board.md"),
        ("../../etc/passwd", "etc-passwd.md"),
        ("..\\..\\windows\\system32", "windows-system32.md"),
        ("/absolute/path", "absolute-path.md"),
        (".hidden", "hidden.md"),
        ("-rf", "rf.md"),
        ("a..b...c", "a.b.c.md"),
        ("trailing dots...", "trailing-dots.md"),
        ("CON", "CON_.md"),
        ("con.txt", "con_.txt.md"),
        ("Com1", "Com1_.md"),
        ("LPT9", "LPT9_.md"),
        ("NUL ", "NUL_.md"),
        ("Console", "Console.md"),
        ("tab\there\nand\r\nnewlines", "tab-here-and-newlines.md"),
        ("bell\u{07}and\u{7F}delete\u{0}", "bellanddelete.md"),
        ("bidi\u{202E}gpj.exe", "bidigpj.exe.md"),
        ("zero\u{200B}width", "zerowidth.md"),
        ("a:b*c?d\"e<f>g|h", "a-b-c-d-e-f-g-h.md"),
        ("Emoji 🎉 Trust", "Emoji-🎉-Trust.md"),
        ("Cafe\u{301}", "Café.md"),
        ("", "row-1.md"),
        ("../..", "row-1.md"),
        ("   ", "row-1.md"),
    ])
    func sanitizedNames(raw: String, expected: String) {
        #expect(Self.name(raw) == expected)
    }

    @Test func longNamesStopAt100BytesWithoutCuttingACharacter() {
        let ascii = Self.name(String(repeating: "a", count: 300))
        #expect(ascii.utf8.count == 100)
        #expect(ascii.hasSuffix(".md"))
        // 3-byte characters: 97 bytes of stem budget hold 32 of them.
        let wide = Self.name(String(repeating: "€", count: 100))
        #expect(wide == String(repeating: "€", count: 32) + ".md")
        // A family emoji is one character of 25 bytes: never split.
        let family = "👨‍👩‍👧‍👦"
        let emoji = Self.name(String(repeating: family, count: 10))
        #expect(emoji == String(repeating: family, count: 3) + ".md")
        // The uniqueness suffix is counted too.
        let suffixed = FileNameSanitizer.fileName(stem: String(repeating: "b", count: 300), suffix: "-12", extension: "json")
        #expect(suffixed.utf8.count == 100 && suffixed.hasSuffix("-12.json"))
    }

    @Test func aSingleCharacterLongerThanTheLimitFallsBack() {
        let huge = "e" + String(repeating: "\u{301}", count: 80)
        #expect(Self.name(huge, fallback: "row-7") == "row-7.md")
    }

    @Test func repeatedNamesGetNumberedIgnoringCase() {
        var names = UniqueFileNames()
        let given = ["Acme", "Acme", "acme", "Acme-2", "Other", "Acme"].map {
            names.claim(stem: FileNameSanitizer.stem(from: $0), extension: "md", fallback: "row")
        }
        #expect(given == ["Acme.md", "Acme-2.md", "acme-3.md", "Acme-2-2.md", "Other.md", "Acme-4.md"])
        #expect(Set(given.map { $0.lowercased() }).count == given.count)
    }

    @Test func templatesInsertAnswersAndTheRowNumber() throws {
        let template = try FileNameTemplate(parsing: "{organisation}-{ nation }-{row}")
        #expect(template.answerIDs == ["organisation", "nation"])
        #expect(template.render(row: 12, answers: ["organisation": "Acme", "nation": "wales"]) == "Acme-wales-12")
        #expect(template.render(row: 3, answers: [:]) == "--3")
        try template.check(against: ["organisation", "nation"])
        #expect(FileNameTemplate.standard.render(row: 1, answers: ["organisation": "X"]) == "X")
    }

    @Test(arguments: [
        ("{organisation", "never closed"),
        ("{}", "empty '{}'"),
        ("", "--name is empty"),
    ])
    func badTemplatesAreUsageErrors(template: String, message: String) {
        do {
            _ = try FileNameTemplate(parsing: template)
            Issue.record("accepted \(template)")
        } catch {
            #expect(error.exitCode == 64)
            #expect(error.description.contains(message))
        }
    }

    @Test func unknownPlaceholdersSuggestAQuestion() throws {
        let template = try FileNameTemplate(parsing: "{organisaton}")
        do {
            try template.check(against: ["organisation", "nation"])
            Issue.record("accepted an unknown placeholder")
        } catch {
            #expect(error.exitCode == 64)
            #expect(error.description.contains("did you mean \"organisation\"?"))
        }
    }
}
