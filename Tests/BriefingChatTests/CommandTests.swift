import Foundation
import Testing
import BriefingCore
@testable import BriefingChat

@Suite struct CommandTests {
    let complete = ChatHarness.welshHealthBoard

    @Test func backUndoesTheLastAnswer() {
        let (transcript, engine) = ChatHarness.run(lines: ["Acme", "", "wales", "/back"])
        #expect(engine.interview.answers["nation"] == nil)
        #expect(engine.interview.answers["organisation"] == .text("Acme"))
        #expect(transcript.contains("Undone: set Nation."))
    }

    @Test func changeAsksAQuestionAgain() {
        let (_, engine) = ChatHarness.run(lines: complete + ["/change stage", "formal consultation"])
        #expect(engine.interview.answers["stage"] == .choice("formal-consultation"))
    }

    @Test func setChangesAnswersDirectly() {
        let (transcript, engine) = ChatHarness.run(lines: complete + ["/set nation=scotland minutes=20"])
        #expect(engine.interview.answers["nation"] == .choice("scotland"))
        #expect(engine.interview.answers["minutes"] == .number(20))
        #expect(transcript.contains("Got it: Nation: Scotland; Minutes: 20."))
    }

    @Test func setRefusesAnUnknownOptionAndCarriesOn() {
        let (transcript, engine) = ChatHarness.run(lines: complete + ["/set nation=atlantis", "/answers"])
        #expect(engine.interview.answers["nation"] == .choice("wales"))
        #expect(ChatHarness.flat(transcript).contains("\"atlantis\" is not an option of nation. Options: england, scotland, wales, northern-ireland, uk-wide."))
        #expect(transcript.contains("  nation        Wales"))
    }

    @Test func setRefusesAnUnknownQuestionWithADidYouMean() {
        let (transcript, _) = ChatHarness.run(lines: complete + ["/set natoin=wales"])
        #expect(transcript.contains("Unknown question 'natoin' in blueprint senior-leader; did you mean 'nation'?"))
    }

    @Test func unknownCommandsGetADidYouMean() {
        let (transcript, _) = ChatHarness.run(lines: ["/previw"])
        #expect(transcript.contains("There is no /previw. Did you mean /preview?"))
    }

    @Test func whatIfShowsTheChangeWithoutMakingIt() {
        let (transcript, engine) = ChatHarness.run(lines: complete + ["/whatif stage=formal-consultation"])
        #expect(engine.interview.answers["stage"] == .choice("options"))
        #expect(ChatHarness.changes(transcript, "+").contains("stage-formal-consultation-summary"))
        #expect(ChatHarness.changes(transcript, "-").contains("stage-options-summary"))
        #expect(transcript.range(of: #"minutes \d+(\.\d)? -> \d+(\.\d)? \("#, options: .regularExpression) != nil)
        #expect(transcript.contains("Nothing has changed."))
    }

    @Test func aWhatIfSentenceWorksToo() {
        let (transcript, engine) = ChatHarness.run(lines: complete + ["what if we were in Scotland?"])
        #expect(engine.interview.answers["nation"] == .choice("wales"))
        #expect(transcript.contains("What if Nation: Scotland?"))
        #expect(ChatHarness.changes(transcript, "+").contains("scotland-duties-nhs-body"))
        #expect(ChatHarness.changes(transcript, "-").contains("wales-duties-nhs-body"))
    }

    @Test func whyAndWhyNotExplainProvenance() {
        let (transcript, _) = ChatHarness.run(lines: complete + ["/why wales-duties-nhs-body", "/whynot scotland-duties-nhs-body",
                                                                 "/why scotland-duties-nhs-body", "/why walse-duties-nhs-body"])
        #expect(transcript.contains("wales-duties-nhs-body (context, priority 1"))
        #expect(ChatHarness.flat(transcript).contains("included: condition true: nation is wales"))
        #expect(ChatHarness.flat(transcript).contains("condition false: nation is wales, not scotland"))
        #expect(transcript.contains("scotland-duties-nhs-body is not in the briefing:"))
        #expect(ChatHarness.flat(transcript).contains("There is no snippet 'walse-duties-nhs-body'; did you mean \"wales-duties-nhs-body\"?"))
    }

    @Test func scenariosSaveUseAndCompare() {
        let (transcript, engine) = ChatHarness.run(lines: complete + [
            "/scenario save now", "/set stage=decision", "/scenario save later",
            "/scenario compare now later", "/scenario use now", "/scenario list",
        ])
        #expect(engine.interview.answers["stage"] == .choice("options"))
        #expect(engine.scenarios.keys.sorted() == ["later", "now"])
        #expect(transcript.contains("From 'now' to 'later':"))
        #expect(ChatHarness.changes(transcript, "+").contains("stage-decision-summary"))
        #expect(transcript.contains("Now using scenario 'now'"))
    }

    @Test func previewAndOutlineShowTheBriefing() {
        let (transcript, _) = ChatHarness.run(lines: complete + ["/preview context", "/preview nowhere", "/outline"])
        #expect(transcript.contains("Why this matters now\n===================="))
        #expect(transcript.contains("There is no section 'nowhere'"))
        #expect(transcript.contains("Outline: "))
    }

    @Test func exportMatchesTheBuildCommand() throws {
        let folder = ChatHarness.temporaryDirectory()
        let (transcript, engine) = ChatHarness.run(lines: complete + ["/export md out.md"], workingDirectory: folder)
        #expect(transcript.contains("Wrote the briefing"))
        let written = try String(contentsOfFile: folder + "/out.md", encoding: .utf8)
        let blueprint = ChatHarness.library.blueprint("senior-leader")!
        let built = OutputFormat.markdown.fileContents(Assembler(library: ChatHarness.library, blueprint: blueprint)
            .assemble(engine.interview.answers, date: ChatHarness.date))
        #expect(written == built)
        #expect(written.hasSuffix("\n") && !written.hasSuffix("\n\n"))
    }

    @Test func exportNeverOverwritesSilently() throws {
        let folder = ChatHarness.temporaryDirectory()
        try "keep me".write(toFile: folder + "/out.md", atomically: true, encoding: .utf8)
        let (transcript, _) = ChatHarness.run(lines: complete + ["/export md out.md"], workingDirectory: folder)
        #expect(try String(contentsOfFile: folder + "/out.md", encoding: .utf8) == "keep me")
        #expect(ChatHarness.flat(transcript).contains("already exists, so I left it alone. To replace it: /export md"))
        ChatHarness.run(lines: complete + ["/export md out.md --force"], workingDirectory: folder)
        #expect(try String(contentsOfFile: folder + "/out.md", encoding: .utf8).hasPrefix("# Co-production briefing"))
    }

    @Test func exportToAnUnwritableFolderIsAClearMessage() {
        let (transcript, engine) = ChatHarness.run(lines: complete + ["/export txt /nonexistent/folder/b.txt", "/answers"])
        #expect(transcript.contains("Could not write /nonexistent/folder/b.txt"))
        #expect(engine.interview.answers["organisation"] != nil)
    }

    @Test func saveWritesAnAnswersFileThatLoadReadsBack() throws {
        let folder = ChatHarness.temporaryDirectory()
        let (_, first) = ChatHarness.run(lines: complete + ["/save answers.yaml"], workingDirectory: folder)
        let file = try AnswersFile.read(folder + "/answers.yaml")
        #expect(file.blueprintID == "senior-leader")
        let (transcript, second) = ChatHarness.run(lines: ["/load answers.yaml"], workingDirectory: folder)
        #expect(second.interview.answers == first.interview.answers)
        #expect(transcript.contains("Loaded 12 answers from answers.yaml"))
    }

    @Test func loadingAMissingFileKeepsTheSession() {
        let (transcript, engine) = ChatHarness.run(lines: ["Acme", "/load missing.yaml", "/answers"])
        #expect(transcript.contains("There is no file missing.yaml."))
        #expect(engine.interview.answers["organisation"] == .text("Acme"))
    }

    @Test func resetClearsAndBackRestores() {
        let (_, engine) = ChatHarness.run(lines: complete + ["/reset"])
        #expect(engine.interview.answers.values.isEmpty)
        let (_, restored) = ChatHarness.run(lines: complete + ["/reset", "/back"])
        #expect(restored.interview.answers["nation"] == .choice("wales"))
    }

    @Test func badInputNeverEndsTheSession() {
        let (transcript, engine) = ChatHarness.run([
            .line("Acme"), .invalidUTF8, .tooLong(1_048_576), .interrupted, .line(""), .line("wales"),
        ])
        #expect(transcript.contains("That line was not valid UTF-8 text"))
        #expect(transcript.contains("That line was 1,048,576 bytes long"))
        #expect(transcript.contains("(cancelled; the session is kept."))
        #expect(engine.interview.answers["nation"] == .choice("wales"))
    }
}
