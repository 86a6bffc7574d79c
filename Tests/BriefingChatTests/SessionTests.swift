import Foundation
import Testing
import BriefingCore
@testable import BriefingChat

@Suite struct SessionTests {
    @Test func endOfInputSavesAndResumeRestores() {
        let state = ChatHarness.temporaryDirectory()
        let (transcript, _) = ChatHarness.run(lines: ["Acme", "", "wales"], state: state)
        #expect(ChatHarness.flat(transcript).contains("Session saved (2 answers) to \(state)/session.json."))
        #expect(transcript.contains("Continue later with: briefing chat --resume"))
        let (resumed, engine) = ChatHarness.run(lines: [], state: state, resume: true)
        #expect(engine.interview.answers["organisation"] == .text("Acme"))
        #expect(engine.interview.answers["nation"] == .choice("wales"))
        #expect(engine.interview.skipped == ["leader_role"])
        #expect(resumed.contains("Welcome back. I've restored your session for Acme: 2 answers."))
    }

    @Test func everyAnswerIsSavedAtOnce() throws {
        let state = ChatHarness.temporaryDirectory()
        // The script ends abruptly after the answer: what was saved must already hold it.
        let output = BufferedChatOutput()
        let engine = try ChatEngine(configuration: ChatConfiguration(
            library: ChatHarness.library, stateDirectory: StateDirectory(path: state), date: ChatHarness.date,
            workingDirectory: state), output: output)
        engine.start()
        _ = engine.handle(.line("Acme"))
        _ = engine.handle(.line("Chief Executive"))
        let saved = try String(contentsOfFile: state + "/session.json", encoding: .utf8)
        #expect(saved.contains("\"leader_role\" : \"Chief Executive\""))
        let attributes = try FileManager.default.attributesOfItem(atPath: state + "/session.json")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func scenariosSurviveAResume() {
        let state = ChatHarness.temporaryDirectory()
        ChatHarness.run(lines: ChatHarness.welshHealthBoard + ["/scenario save base"], state: state)
        let (_, engine) = ChatHarness.run(lines: [], state: state, resume: true)
        #expect(engine.scenarios["base"]?["nation"] == .choice("wales"))
    }

    @Test func anOlderSessionFormatGetsAClearMessage() throws {
        let state = ChatHarness.temporaryDirectory()
        try #"{"version": 0, "answers": {}}"#.write(toFile: state + "/session.json", atomically: true, encoding: .utf8)
        let (transcript, engine) = ChatHarness.run(lines: [], state: state, resume: true)
        #expect(ChatHarness.flat(transcript).contains("The saved session was written in format 0, which this version of briefing cannot read"))
        #expect(transcript.contains("session.json.old"))
        #expect(engine.interview.answers.values.isEmpty)
        #expect(FileManager.default.fileExists(atPath: state + "/session.json.old"))
    }

    @Test func resumingWithNoSessionStartsAfresh() {
        let (transcript, _) = ChatHarness.run(lines: [], state: ChatHarness.temporaryDirectory(), resume: true)
        #expect(transcript.contains("There is no saved session to resume"))
    }

    @Test func aNewChatMentionsTheSavedSession() {
        let state = ChatHarness.temporaryDirectory()
        ChatHarness.run(lines: ["Acme"], state: state)
        let (transcript, _) = ChatHarness.run(lines: [], state: state)
        #expect(ChatHarness.flat(transcript).contains("A saved session for Acme exists, with 1 answer; type /resume to continue it."))
    }
}

@Suite struct HostileChatInputTests {
    @Test func controlCharactersAreNeverEchoedRawNorStored() throws {
        let state = ChatHarness.temporaryDirectory()
        let (transcript, engine) = ChatHarness.run(lines: ["Acme\u{1B}[31m Council\u{7}\u{0}", "/quit"], state: state)
        #expect(!transcript.contains("\u{1B}") && !transcript.contains("\u{7}") && !transcript.contains("\u{0}"))
        #expect(transcript.contains("Acme^[[31m Council^G^@"))
        #expect(transcript.contains("I left out the control or invisible characters"))
        #expect(engine.interview.answers["organisation"] == .text("Acme[31m Council"))
        let saved = try String(contentsOfFile: state + "/session.json", encoding: .utf8)
        #expect(!saved.contains("\\u001b") && !saved.contains("\\u0007"))
    }

    @Test func aFailedAutosaveNeverEndsWithSessionSaved() throws {
        let folder = ChatHarness.temporaryDirectory()
        // The state folder's parent is a file, so no session can ever be saved there.
        FileManager.default.createFile(atPath: folder + "/file", contents: Data("x".utf8))
        let (transcript, _) = ChatHarness.run(lines: ["Acme Council", "/quit"], state: folder + "/file/state")
        #expect(transcript.contains("Could not save the session"))
        #expect(!transcript.contains("Session saved."))
        #expect(transcript.contains("The session could not be saved, so it cannot be resumed"))
    }
}
