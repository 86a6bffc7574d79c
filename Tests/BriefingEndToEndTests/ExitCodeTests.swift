import Foundation
import Testing

/// One test per exit code of product.md, running the built binary: 0, 64, 65, 66, 73 and 74, each
/// with the message a user needs.
@Suite struct ExitCodeTests {
    typealias Runner = BriefingRunner

    // MARK: 0

    @Test("0: a complete answers file builds a briefing")
    func ok() throws {
        let result = try Runner.buildWelsh()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("# Co-production briefing for Cardiff and Vale University Health Board\n"))
    }

    // MARK: 64 usage

    @Test("64: an unknown option")
    func unknownOption() throws {
        let result = try Runner.buildWelsh(["--colour", "blue"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--colour"))
        #expect(result.stdout.isEmpty)
    }

    @Test("64: a --date that is not a real date", arguments: ["2026-02-30", "15/01/2026", "tomorrow"])
    func badDate(date: String) throws {
        let result = try Runner.run(["build", "--library", Runner.shippedLibrary, "--answers", Runner.welshExample,
                                     "--date", date])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--date"))
        #expect(result.stderr.contains(date))
        #expect(result.stdout.isEmpty)
    }

    @Test("64: an unknown --blueprint, with a did-you-mean")
    func unknownBlueprint() throws {
        let result = try Runner.buildWelsh(["--blueprint", "senior-leadr"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown blueprint 'senior-leadr'"))
        #expect(result.stderr.contains("did you mean \"senior-leader\"?"))
    }

    // MARK: 65 bad data

    @Test("65: an unknown question id, with a did-you-mean")
    func unknownQuestion() throws {
        let result = try Runner.buildWelsh(["--set", "natoin=wales"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("unknown question 'natoin'"))
        #expect(result.stderr.contains("did you mean 'nation'?"))
        #expect(result.stdout.isEmpty)
    }

    @Test("65: an unknown question id in an answers file is reported at its line and column")
    func unknownQuestionInFile() throws {
        let folder = TemporaryFolder("briefing-answers")
        let path = folder.write("answers.yaml", """
            organisation: Cardiff and Vale University Health Board
            nation: wales
            sectr: health-social-care
            """)
        let result = try Runner.run(["build", "--library", Runner.shippedLibrary, "--answers", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(path):3:8: error: unknown question 'sectr'"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean 'sector'?"))
    }

    @Test("65: an invalid option value, with a did-you-mean", arguments: [
        ("nation=walse", "did you mean \"wales\"?"),
        ("stage=formal-consulation", "did you mean \"formal-consultation\"?"),
        ("drivers=trust;net-zro", "did you mean \"net-zero\"?"),
    ])
    func invalidOption(assignment: String, suggestion: String) throws {
        let result = try Runner.buildWelsh(["--set", assignment])
        #expect(result.status == 65)
        #expect(result.stderr.contains("is not an option of"), "\(result.stderr)")
        #expect(result.stderr.contains(suggestion), "\(result.stderr)")
    }

    @Test("65: a number outside its range")
    func numberOutOfRange() throws {
        let result = try Runner.buildWelsh(["--set", "minutes=90"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("'minutes' must be from 3 to 60, not 90"))
    }

    @Test("65: malformed YAML answers, with line:col in the message")
    func malformedYAML() throws {
        let folder = TemporaryFolder("briefing-answers")
        let path = folder.write("answers.yaml", "organisation: Cardiff\nnation: wales: x\nsector: housing\n")
        let result = try Runner.run(["build", "--library", Runner.shippedLibrary, "--answers", path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("\(path):2:14: error: invalid YAML"), "\(result.stderr)")
    }

    @Test("65: an answers file that is not UTF-8, with the place of the first bad byte")
    func nonUTF8Answers() throws {
        let folder = TemporaryFolder("briefing-answers")
        let path = folder.write("answers.yaml", bytes: Array("organisation: Caf".utf8) + [0xE9] + Array(" Cymru\n".utf8))
        let result = try Runner.run(["build", "--library", Runner.shippedLibrary, "--answers", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(path):1:18: error: not valid UTF-8"), "\(result.stderr)")
    }

    @Test("65: a required question left unanswered")
    func missingRequired() throws {
        let folder = TemporaryFolder("briefing-answers")
        let path = folder.write("answers.yaml", "organisation: Cardiff and Vale University Health Board\nnation: wales\n")
        let result = try Runner.run(["build", "--library", Runner.shippedLibrary, "--answers", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("required question 'sector'"))
    }

    @Test("65: lint of a library with a broken snippet prints path:line:col: error: lines")
    func lintBrokenSnippet() throws {
        let library = try TemporaryFolder.copyOfGoldenLibrary()
        library.write("Snippets/broken-when.md", "---\ntitle: Broken\nsection: context\nwhen: nation = \"wales\"\n---\nBody.\n")
        library.write("Snippets/broken-yaml.md", "---\ntitle: Bad: colon\nsection: context\n---\nBody.\n")
        let result = try Runner.run(["lint", "--library", "."], in: library.path)
        #expect(result.status == 65)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Snippets/broken-when.md:4:14: error: ") && $0.contains("'=='") }, "\(result.stdout)")
        #expect(lines.contains { $0.hasPrefix("Snippets/broken-yaml.md:2:11: error: invalid YAML") }, "\(result.stdout)")
        #expect(lines.contains { $0.contains(": 2 errors") }, "\(result.stdout)")
    }

    // MARK: 66 input not found

    @Test("66: a missing answers file")
    func missingAnswers() throws {
        let folder = TemporaryFolder("briefing-answers")
        let result = try Runner.run(["build", "--library", Runner.shippedLibrary, "--answers", folder.path + "/nope.yaml"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("nope.yaml"))
    }

    @Test("66: a --library folder that does not exist")
    func missingLibrary() throws {
        let folder = TemporaryFolder("briefing-answers")
        let result = try Runner.run(["lint", "--library", folder.path + "/no-library"])
        #expect(result.status == 66)
    }

    // MARK: 73 cannot create output

    @Test("73: an existing -o file without --force is left unchanged; with --force it is replaced")
    func existingOutput() throws {
        let folder = TemporaryFolder("briefing-output")
        let path = folder.write("briefing.md", "keep me\n")
        let refused = try Runner.buildWelsh(["-o", path])
        #expect(refused.status == 73)
        #expect(refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["briefing.md"], "no temporary file left behind")

        let forced = try Runner.buildWelsh(["-o", path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("# Co-production briefing for Cardiff and Vale University Health Board"))
        #expect(written == (try Runner.buildWelsh()).stdout)
    }

    @Test("73: an -o file in a folder that does not exist")
    func outputFolderMissing() throws {
        let folder = TemporaryFolder("briefing-output")
        let result = try Runner.buildWelsh(["-o", folder.path + "/missing/briefing.md"])
        #expect(result.status == 73)
    }

    // MARK: 74 I/O error

    @Test("74: an answers path that is a directory")
    func answersIsDirectory() throws {
        let folder = TemporaryFolder("briefing-answers")
        let result = try Runner.run(["build", "--library", Runner.shippedLibrary, "--answers", folder.path])
        #expect(result.status == 74)
        #expect(result.stderr.contains("directory"))
    }
}
