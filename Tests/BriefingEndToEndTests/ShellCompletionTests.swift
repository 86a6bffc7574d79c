import Foundation
import XCTest

/// Shell completion: the binary's custom completion entry point (`briefing ---completion …`, which
/// the generated scripts call on Tab), and bash itself on a terminal completing `--set nation=`.
final class ShellCompletionTests: XCTestCase {
    private let nations = ["england", "scotland", "wales", "northern-ireland", "uk-wide"]

    /// What the scripts run for the word `words[index]`, with the cursor at its end.
    private func complete(_ option: String, _ words: [String], subcommand: String = "build",
                          in directory: String? = nil) throws -> BriefingRunner.Result {
        let index = words.count - 1
        return try BriefingRunner.run(["---completion", subcommand, "--", option, String(index), String(words[index].count)]
                                      + words, in: directory ?? BriefingRunner.shippedLibrary)
    }

    private func lines(_ result: BriefingRunner.Result) -> [String] {
        result.stdout.split(separator: "\n").map(String.init)
    }

    func testSetAfterIDEqualsOffersThatQuestionsValues() throws {
        let result = try complete("--set", ["briefing", "build", "--set", "nation="])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(lines(result), nations.map { "nation=" + $0 })
        XCTAssertEqual(result.stderr, "")
    }

    func testAWordBeforeTheEndOfTheLineCompletesToo() throws {
        // Tab pressed at the end of "nation=" with more words after it, and the library named after it.
        let words = ["briefing", "build", "--set", "nation=", "--library", BriefingRunner.shippedLibrary, "--force"]
        let result = try BriefingRunner.run(["---completion", "build", "--", "--set", "3", "7"] + words, in: "/")
        XCTAssertEqual(lines(result), nations.map { "nation=" + $0 })
    }

    func testSetOffersQuestionIDsWithTheirEqualsSign() throws {
        let result = try complete("--set", ["briefing", "build", "--set", "st"])
        XCTAssertEqual(lines(result), ["stage="])
        let all = lines(try complete("--set", ["briefing", "build", "--set", ""]))
        XCTAssertTrue(all.starts(with: ["organisation=", "leader_role=", "nation=", "sector="]), "\(all)")
        XCTAssertTrue(all.contains("overrides.include="), "\(all)")
    }

    func testSetCompletesTheNextValueOfAMultiChoiceAnswer() throws {
        let result = try complete("--set", ["briefing", "build", "--set", "drivers=trust;ne"])
        XCTAssertEqual(lines(result), ["drivers=trust;net-zero"])
        let rest = lines(try complete("--set", ["briefing", "build", "--set", "drivers=trust;"]))
        XCTAssertFalse(rest.contains("drivers=trust;trust"), "a value already given is not offered again")
        XCTAssertTrue(rest.contains("drivers=trust;budget-pressure"), "\(rest)")
    }

    func testOverridesCompleteSnippetAndSectionIDs() throws {
        let pinned = lines(try complete("--set", ["briefing", "build", "--set", "overrides.include=wales-duties-lo"]))
        XCTAssertEqual(pinned, ["overrides.include=wales-duties-local-authority"])
        let notes = lines(try complete("--set", ["briefing", "build", "--set", "overrides.notes.ri"]))
        XCTAssertEqual(notes, ["overrides.notes.risks="])
    }

    func testSetFollowsTheBlueprintTypedBeforeIt() throws {
        let result = try complete("--set", ["briefing", "build", "--blueprint", "readiness", "--set", "leadership_board="])
        XCTAssertEqual(lines(result), (0...3).map { "leadership_board=\($0)" })
    }

    func testSetFollowsTheBlueprintOfTheAnswersFile() throws {
        let result = try complete("--set", ["briefing", "build", "--answers", "examples/readiness-verified.yaml",
                                            "--set", "leadership_b"])
        XCTAssertEqual(lines(result), ["leadership_board="])
    }

    func testBlueprintOffersTheLibrarysBlueprintIDs() throws {
        let result = try complete("--blueprint", ["briefing", "build", "--blueprint", ""])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(lines(result), ["readiness", "senior-leader"])
        XCTAssertEqual(lines(try complete("--blueprint", ["briefing", "list", "questions", "--blueprint", "re"],
                                          subcommand: "list")), ["readiness"])
    }

    func testTheLibraryTypedOnTheCommandLineIsUsedFromAnywhere() throws {
        let golden = BriefingRunner.coreFixtures.appendingPathComponent("golden-library").path
        let result = try complete("--blueprint", ["briefing", "build", "--library", "'\(golden)'", "--blueprint", ""],
                                  in: "/")
        XCTAssertEqual(result.status, 0, result.stderr)
        let shipped = try complete("--blueprint", ["briefing", "build", "--blueprint", ""])
        XCTAssertFalse(lines(result).isEmpty)
        XCTAssertNotEqual(lines(result), lines(shipped), "the golden fixture library has its own blueprints")
    }

    func testNoLibraryGivesNoCandidatesAndNoMessage() throws {
        let empty = TemporaryFolder("completion-nowhere")
        for (option, word) in [("--set", "nation="), ("--blueprint", "")] {
            let result = try complete(option, ["briefing", "build", option, word], in: empty.path)
            XCTAssertEqual(result.status, 0)
            XCTAssertEqual(result.stdout, "")
            XCTAssertEqual(result.stderr, "")
        }
        let missing = try complete("--set", ["briefing", "build", "--library", empty.path + "/none", "--set", "nation="])
        XCTAssertEqual(missing.stdout + missing.stderr, "")
        let unreadable = try complete("--set", ["briefing", "build", "--answers", empty.path + "/none.yaml", "--set", "nation="])
        XCTAssertEqual(lines(unreadable), nations.map { "nation=" + $0 }, "an unreadable answers file falls back to senior-leader")
        XCTAssertEqual(unreadable.stderr, "")
    }

    func testFileOptionsCompleteFileNames() throws {
        let script = try BriefingRunner.run(["--generate-completion-script", "bash"]).stdout
        XCTAssertTrue(script.contains("'--answers')\n        __briefing_add_completions -o plusdirs -fX '!*.@(yaml|yml|json|csv|jsonl)'"))
        XCTAssertTrue(script.contains("'-o'|'--output')\n        __briefing_add_completions -f"))
        XCTAssertTrue(script.contains("'--reference-doc')\n        __briefing_add_completions -o plusdirs -fX '!*.@(docx)'"))
        XCTAssertTrue(script.contains("'--library')\n        __briefing_add_completions -d"))
        let zsh = try BriefingRunner.run(["--generate-completion-script", "zsh"]).stdout
        XCTAssertTrue(zsh.contains("'--library[The folder that holds Briefings/ and Snippets/.]:dir:_files -/'"),
                      "zsh completes folders for --library")
    }

    // MARK: - bash

    private func bashPath() throws -> String {
        let bash = ["/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let bash else { throw XCTSkip("bash is not installed") }
        return bash
    }

    /// A home folder with `bin/briefing` (a link to the built binary) and `briefing.bash`, the
    /// script `briefing --generate-completion-script bash` prints.
    private func bashHome() throws -> TemporaryFolder {
        let home = TemporaryFolder("completion-home")
        addTeardownBlock { _ = home }
        try FileManager.default.createDirectory(atPath: home.path + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: home.path + "/bin/briefing",
                                                   withDestinationPath: BriefingRunner.executable.path)
        let script = try BriefingRunner.run(["--generate-completion-script", "bash"])
        XCTAssertEqual(script.status, 0, script.stderr)
        home.write("briefing.bash", script.stdout)
        return home
    }

    /// What the sourced script puts in COMPREPLY for `line`, given the words bash's readline makes of
    /// it (`words`, the cursor in the last one). bash breaks words at '=', so `--set nation=` arrives
    /// as `--set nation =`; the interactive tests below check the same lines through readline itself.
    private func bashReplies(line: String, words: [String], current: String, previous: String) throws -> [String] {
        let bash = try bashPath()
        let home = try bashHome()
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        home.write("simulate", """
            PATH=\(quoted(home.path + "/bin")):"$PATH"
            source \(quoted(home.path + "/briefing.bash"))
            cd \(quoted(BriefingRunner.shippedLibrary))
            COMP_LINE=\(quoted(line))
            COMP_POINT=${#COMP_LINE}
            COMP_WORDS=(\(words.map(quoted).joined(separator: " ")))
            COMP_CWORD=\(words.count - 1)
            COMPREPLY=()
            _briefing_joining_equals briefing \(quoted(current)) \(quoted(previous))
            printf '%s\\n' "${COMPREPLY[@]}"

            """)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bash)
        process.arguments = ["--noprofile", "--norc", home.path + "/simulate"]
        var environment = ProcessInfo.processInfo.environment
        environment["BRIEFING_LIBRARY"] = nil
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func testBashScriptCompletesTheNationsAfterSetIDEquals() throws {
        let replies = try bashReplies(line: "briefing build --set nation=",
                                      words: ["briefing", "build", "--set", "nation", "="], current: "", previous: "nation")
        XCTAssertEqual(replies, nations, "bash replaces what follows '=', so the candidates are the bare values")
        let partial = try bashReplies(line: "briefing build --set nation=wa",
                                      words: ["briefing", "build", "--set", "nation", "=", "wa"], current: "wa", previous: "=")
        XCTAssertEqual(partial, ["wales"])
    }

    func testBashScriptCompletesBlueprintIDs() throws {
        let replies = try bashReplies(line: "briefing build --blueprint ",
                                      words: ["briefing", "build", "--blueprint", ""], current: "", previous: "--blueprint")
        XCTAssertEqual(replies, ["readiness", "senior-leader"])
    }

    /// Starts an interactive bash on a terminal whose `briefing` is the built binary, with the
    /// generated script sourced. Skips where no pseudo-terminal can be had (a chroot without /dev/pts).
    private func interactiveBash() throws -> PseudoTerminal {
        let bash = try bashPath()
        let home = try bashHome()
        home.write("inputrc", """
            set show-all-if-ambiguous on
            set completion-query-items 1000
            set page-completions off
            set bell-style none
            set enable-bracketed-paste off

            """)
        home.write("rc", """
            PS1='READY> '
            PATH='\(home.path)/bin':"$PATH"
            source '\(home.path)/briefing.bash'
            cd '\(BriefingRunner.shippedLibrary)'

            """)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["INPUTRC"] = home.path + "/inputrc"
        environment["TERM"] = "dumb"
        environment["BRIEFING_LIBRARY"] = nil
        let shell: PseudoTerminal
        do {
            shell = try PseudoTerminal(executable: bash, arguments: ["--noprofile", "--rcfile", home.path + "/rc", "-i"],
                                       environment: environment)
        } catch let failure as PseudoTerminal.Failure {
            throw XCTSkip("no pseudo-terminal here (\(failure)); the COMP_WORDS tests above still run")
        }
        XCTAssertTrue(shell.read(until: { $0.contains("READY> ") }), "bash never showed its prompt: \(shell.output)")
        return shell
    }

    func testBashCompletesTheNationsAfterSetIDEquals() throws {
        let shell = try interactiveBash()
        shell.type("briefing build --set nation=\t")
        let listed = shell.read(until: { output in self.nations.allSatisfy(output.contains) })
        XCTAssertTrue(listed, "bash did not list the five nations: \(shell.output)")
        shell.type("\u{15}exit\n")
        shell.waitForExit()
    }

    func testBashCompletesBlueprintIDs() throws {
        let shell = try interactiveBash()
        shell.type("briefing build --blueprint \t")
        let listed = shell.read(until: { $0.contains("readiness") && $0.contains("senior-leader") })
        XCTAssertTrue(listed, "bash did not list the blueprints: \(shell.output)")
        shell.type("\u{15}exit\n")
        shell.waitForExit()
    }

    func testBashCompletesAQuestionIDWithoutASpaceThenItsValue() throws {
        let shell = try interactiveBash()
        // "na" completes to "nation=" with no space, so "wa" and Tab continue the same word.
        shell.type("briefing build --set na\t")
        XCTAssertTrue(shell.read(until: { $0.contains("--set nation=") }), shell.output)
        shell.type("wa\t")
        XCTAssertTrue(shell.read(until: { $0.contains("nation=wales") }), "no value completed after 'nation=': \(shell.output)")
        shell.type("\u{15}exit\n")
        shell.waitForExit()
    }
}
