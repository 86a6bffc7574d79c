import Foundation
import Testing
import BriefingCore
@testable import BriefingChat

/// One scripted session per defect seen when the chat was tried as a new user would (issue 12),
/// each typed as it was reported.
@Suite struct ReportedDefectTests {
    static let fife = "We're the chief exec of Fife Council, about to go out to formal consultation on closing two care homes"

    // MARK: Data lost

    @Test(arguments: [LineReadResult.endOfInput, .line("/quit")])
    func leavingANewChatWithoutAnsweringKeepsTheSavedSession(leaving: LineReadResult) throws {
        let state = ChatHarness.temporaryDirectory()
        ChatHarness.run(lines: ["Fife Council", "Chief Executive"], state: state)
        let saved = try String(contentsOfFile: state + "/session.json", encoding: .utf8)
        let (transcript, _) = ChatHarness.run([leaving], state: state)
        #expect(try String(contentsOfFile: state + "/session.json", encoding: .utf8) == saved)
        #expect(ChatHarness.flat(transcript).contains("Nothing was answered, so nothing was saved. The saved session for Fife Council is kept"))
        let (resumed, engine) = ChatHarness.run(lines: [], state: state, resume: true)
        #expect(engine.interview.answers["organisation"] == .text("Fife Council"))
        #expect(resumed.contains("for Fife Council: 5 answers"))
    }

    @Test func theFirstAnswerOfANewChatKeepsTheOldSessionAsPrevious() throws {
        let state = ChatHarness.temporaryDirectory()
        ChatHarness.run(lines: ["Fife Council"], state: state)
        let (transcript, _) = ChatHarness.run(lines: ["Acme"], state: state)
        let previous = try String(contentsOfFile: state + "/session.previous.json", encoding: .utf8)
        #expect(previous.contains("Fife Council"))
        #expect(try String(contentsOfFile: state + "/session.json", encoding: .utf8).contains("Acme"))
        // A path longer than the line is broken after a '/', the one place a word may break.
        #expect(ChatHarness.flat(transcript).replacingOccurrences(of: "/ ", with: "/")
            .contains("The session saved earlier for Fife Council is kept as \(state)/session.previous.json"))
        #expect(ChatHarness.flat(transcript).contains("Session saved (1 answer) to \(state)/session.json."))
    }

    @Test func clearingEveryAnswerNeverSavesAnEmptySession() throws {
        let state = ChatHarness.temporaryDirectory()
        let (transcript, _) = ChatHarness.run(lines: ["Fife Council", "/reset", "/quit"], state: state)
        #expect(!FileManager.default.fileExists(atPath: state + "/session.json"))
        #expect(try String(contentsOfFile: state + "/session.previous.json", encoding: .utf8).contains("Fife Council"))
        #expect(ChatHarness.flat(transcript).replacingOccurrences(of: "/ ", with: "/").contains("the last one is kept in \(state)/session.previous.json"))
    }

    @Test func aSessionThatCannotBeSavedSaysSoWhenLeaving() throws {
        let blocker = ChatHarness.temporaryDirectory() + "/not-a-folder"
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        let (transcript, _) = ChatHarness.run(lines: ["Acme", "/quit"], state: blocker + "/state")
        #expect(transcript.contains("Could not save the session"))
        #expect(transcript.contains("The session could not be saved, so it cannot be resumed"))
        #expect(!transcript.contains("Session saved"))
    }

    // MARK: Sentences

    @Test func aSentenceGivesTheOrganisationTheRoleAndWhatItSaysAboutThem() {
        let (transcript, engine) = ChatHarness.run(lines: [Self.fife])
        let answers = engine.interview.answers
        #expect(answers["organisation"] == .text("Fife Council"))
        #expect(answers["leader_role"] == .text("Chief Executive"))
        #expect(answers["nation"] == .choice("scotland"))
        #expect(answers["sector"] == .choice("local-government"))
        #expect(answers["body"] == .choice("local-authority"))
        #expect(answers["stage"] == .choice("formal-consultation"))
        #expect(ChatHarness.flat(transcript).contains("Still needed: level, maturity and audience."))
    }

    @Test func aSentenceWithNoNameAsksForTheName() {
        let (transcript, engine) = ChatHarness.run(lines: ["we're weighing up options"])
        #expect(engine.interview.answers["organisation"] == nil)
        #expect(engine.interview.answers["stage"] == .choice("options"))
        #expect(ChatHarness.flat(transcript).contains("I still need the organisation's name"))
    }

    @Test func helpAndQuitAreNeverAnswers() {
        let (transcript, engine) = ChatHarness.run(lines: ["help me", "Acme", "quit", "what does this mean?"])
        #expect(engine.interview.answers["organisation"] == .text("Acme"))
        #expect(engine.interview.answers["leader_role"] == nil)
        #expect(ChatHarness.flat(transcript).contains("Commands start with a slash: type /quit. I haven't taken \"quit\" as the answer"))
        #expect(!transcript.contains("Organisation: help me"))
    }

    @Test func nhsHighlandSetsTheSectorAndTheNation() {
        let (_, engine) = ChatHarness.run(lines: ["NHS Highland"])
        #expect(engine.interview.answers["sector"] == .choice("health-social-care"))
        #expect(engine.interview.answers["nation"] == .choice("scotland"))
    }

    @Test func aForeignNameIsNotAUKNation() {
        let (_, engine) = ChatHarness.run(lines: ["New South Wales Health"])
        #expect(engine.interview.answers["organisation"] == .text("New South Wales Health"))
        #expect(engine.interview.answers["nation"] == nil)
    }

    @Test func aDeniedDriverIsLeftOut() {
        let (transcript, engine) = ChatHarness.run(lines: ["Fife Council", "", "strategic", "options", "developing", "board",
                                                           "not budget pressure, just trust"])
        #expect(engine.interview.answers["drivers"] == .choices(["trust"]))
        #expect(transcript.contains("leaving out Budget pressure"))
    }

    @Test func aNumberAnswersTheDidYouMeanListNotTheQuestion() {
        let (transcript, engine) = ChatHarness.run(lines: ["Acme", "", "en", "2"])
        #expect(ChatHarness.flat(transcript).contains("\"en\" could be England. Did you mean: 1. England"))
        #expect(engine.interview.answers["nation"] == nil)
        #expect(transcript.contains("That list has one entry"))
        let (_, picked) = ChatHarness.run(lines: ["Acme", "", "en", "1"])
        #expect(picked.interview.answers["nation"] == .choice("england"))
    }

    // MARK: Prefixes

    @Test func aShortPrefixOrASynonymsPrefixIsOfferedNotTaken() {
        let (transcript, engine) = ChatHarness.run(lines: ["Acme", "", "con"])
        #expect(engine.interview.answers["nation"] == nil)
        #expect(ChatHarness.flat(transcript).contains("\"con\" could be Wales. Did you mean: 1. Wales"))
        let (_, confirmed) = ChatHarness.run(lines: ["Acme", "", "con", "yes"])
        #expect(confirmed.interview.answers["nation"] == .choice("wales"))
        let (letter, _) = ChatHarness.run(lines: ["Acme", "", "s"])
        #expect(ChatHarness.flat(letter).contains("\"s\" could be Scotland. Did you mean: 1. Scotland"))
        let (longer, engine3) = ChatHarness.run(lines: ["Acme", "", "scot"])
        #expect(engine3.interview.answers["nation"] == .choice("scotland"))
        #expect(!longer.contains("Did you mean"))
    }

    // MARK: The terminal

    static let commandScript = ["Cardiff and Vale University Health Board", "Chief Executive", "strategic", "options",
                                "developing", "board", "trust, health inequalities", "", "", "", "/answers",
                                "/why wales-duties-nhs-body", "/whynot scotland-duties-nhs-body", "/outline",
                                "/whatif stage=formal-consultation", "/help", "/scenario save base", "/scenario list", "/quit"]

    /// Lines the chat wrote, without the echoed prompt-and-typing lines (libedit wraps those).
    static func ownLines(_ transcript: String) -> [String] {
        transcript.split(separator: "\n").map(String.init).filter { line in
            !(line.range(of: #"^[a-z_.]+> "#, options: .regularExpression) != nil)
        }
    }

    @Test(arguments: [60, 100])
    func noLineIsWiderThanTheTerminal(columns: Int) {
        let (transcript, _) = ChatHarness.run(lines: Self.commandScript + ["/preview"], columns: columns)
        for line in Self.ownLines(transcript) {
            #expect(ScreenText.width(line) <= columns, "\(ScreenText.width(line)) columns: \(line)")
        }
    }

    @Test func wrappingNeverBreaksAWord() {
        // The same session at 60 and 100 columns says the same words: only the line breaks differ.
        let narrow = ChatHarness.run(lines: Self.commandScript, columns: 60).transcript
        let wide = ChatHarness.run(lines: Self.commandScript, columns: 100).transcript
        #expect(ChatHarness.flat(narrow) == ChatHarness.flat(wide))
        #expect(narrow != wide)
    }

    @Test func colourCodesAreNotCountedAsWidth() {
        let (transcript, _) = ChatHarness.run(lines: Self.commandScript, columns: 60, style: TerminalStyle(enabled: true))
        #expect(transcript.contains("\u{1B}["))
        for line in Self.ownLines(transcript) {
            #expect(ScreenText.width(line) <= 60, "\(line)")
        }
        // Without the codes, the lines are broken where the plain session breaks them.
        let plain = ChatHarness.run(lines: Self.commandScript, columns: 60).transcript
        #expect(ScreenText.withoutEscapes(transcript).split(separator: "\n").count == plain.split(separator: "\n").count)
    }

    @Test func thePromptResetsItsColourBeforeTheTyping() {
        let prompt = TerminalStyle(enabled: true).prompt("nation> ")
        #expect(prompt == "\u{1}\u{1B}[1;36m\u{1}nation>\u{1}\u{1B}[0m\u{1} ")
        #expect(TerminalStyle.plain.prompt("nation> ") == "nation> ")
    }

    @Test func aWholeBriefingPreviewGoesToThePager() {
        let output = BufferedChatOutput(columns: 80)
        ChatHarness.run(lines: ChatHarness.welshHealthBoard + ["/preview", "/outline"], output: output)
        #expect(output.pagedCount == 1)
    }

    // MARK: Arguments

    @Test func quotedScenarioNamesAndReplacingAsks() {
        let (transcript, engine) = ChatHarness.run(lines: ChatHarness.welshHealthBoard + [
            "/scenario save \"x y\"", "/set stage=decision", "/scenario save A", "/set stage=delivery-review",
            "/scenario save a", "no", "/scenario save a", "yes", "/scenario use \"X Y\"",
        ])
        #expect(engine.scenarios["x y"]?["stage"] == .choice("options"))
        #expect(engine.scenarios["\"x"] == nil)
        #expect(engine.scenarios["A"]?["stage"] == .choice("delivery-review"))
        #expect(engine.scenarios.count == 2)
        #expect(ChatHarness.flat(transcript).contains("There is already a scenario 'A'. Replace it with the current answers? (yes or no)"))
        #expect(transcript.contains("Kept the scenario 'A' as it was."))
        #expect(transcript.contains("Now using scenario 'x y'"))
        #expect(engine.interview.answers["stage"] == .choice("options"))
    }

    @Test func exportToDashWritesHereAndNoFileNamedDash() throws {
        let folder = ChatHarness.temporaryDirectory()
        let (transcript, _) = ChatHarness.run(lines: ChatHarness.welshHealthBoard + ["/export json -", "/export docx -", "/save -"],
                                              workingDirectory: folder)
        #expect(!FileManager.default.fileExists(atPath: folder + "/-"))
        #expect(transcript.contains("\"schema\" : 1"))
        #expect(transcript.contains("A Word file can't be shown here"))
        #expect(transcript.contains("blueprint: senior-leader"))
    }

    @Test func loadReadsTheChatsOwnJSONExport() throws {
        let folder = ChatHarness.temporaryDirectory()
        ChatHarness.run(lines: ChatHarness.welshHealthBoard + ["/export json board.json"], workingDirectory: folder)
        let (transcript, engine) = ChatHarness.run(lines: ["/load board.json"], workingDirectory: folder)
        #expect(transcript.contains("Loaded 13 answers from board.json"))
        #expect(engine.interview.answers["organisation"] == .text("Cardiff and Vale University Health Board"))
        #expect(engine.interview.answers["drivers"] == .choices(["trust", "health-inequalities"]))
    }

    @Test func uniqueCommandPrefixesWork() {
        let (transcript, _) = ChatHarness.run(lines: ["Acme", "/ans", "/s", "/q"])
        #expect(transcript.contains("organisation  Acme"))
        #expect(transcript.contains("/s could be /set, /scenario or /save: type a little more."))
        #expect(transcript.contains("Session saved") || transcript.contains("Goodbye."))
        #expect(!transcript.contains("There is no /q"))
    }

    @Test func sectionNamesIgnoreCase() {
        let (transcript, _) = ChatHarness.run(lines: ChatHarness.welshHealthBoard + ["/preview Risks", "/note Actions A costed plan."])
        #expect(!transcript.contains("There is no section"))
        #expect(transcript.contains("Risks and how to avoid them"))
    }

    // MARK: Small things

    @Test func theMessagesReadProperly() {
        let (notYet, _) = ChatHarness.run(lines: ["Acme", "", "wales", "2", "", "strategic", "options", "developing", "/export md"])
        #expect(ChatHarness.flat(notYet).contains("Not yet: audience still needs an answer."))
        let (noScenario, _) = ChatHarness.run(lines: ["Acme", "/scenario save a", "/scenario use b"])
        #expect(noScenario.contains("There is no scenario 'b'; did you mean \"a\"? Saved: a."))
        #expect(!noScenario.contains("?."))
    }

    @Test func theClosingHintNeverSuggestsTheCurrentStage() {
        let (transcript, _) = ChatHarness.run(lines: ["Acme", "", "wales", "2", "", "strategic", "formal consultation",
                                                      "developing", "board", "", "", "", ""])
        #expect(transcript.contains("Your briefing is ready."))
        #expect(!transcript.contains("/whatif stage=formal-consultation"))
        #expect(transcript.contains("/whatif stage=decision"))
    }

    @Test func hintsWriteMultiChoiceValuesWithCommas() {
        let (transcript, _) = ChatHarness.run(lines: ChatHarness.welshHealthBoard + ["/whatif drivers=trust;net-zero"])
        #expect(transcript.contains("/set drivers=trust,net-zero makes it so"))
        #expect(!transcript.contains("trust;net-zero makes"))
    }
}
