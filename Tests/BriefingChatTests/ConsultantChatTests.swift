import Foundation
import Testing
import BriefingCore
@testable import BriefingChat

/// The consultant's hand in the chat (`/pin`, `/drop`, `/unpin`, `/note`) and exports in every format.
@Suite struct ConsultantChatTests {
    static let interview = ChatHarness.welshHealthBoard

    @Test func pinDropAndNoteChangeTheBriefingAtOnceAndBackUndoesEach() throws {
        let lines = Self.interview + ["/pin stage-formal-consultation-summary", "/drop audience-board-questions",
                                      "/note actions We will bring a **costed plan** to the March board.", "/outline", "/back"]
        let (transcript, engine) = ChatHarness.run(lines: lines)
        #expect(transcript.contains("Pinned stage-formal-consultation-summary"))
        #expect(transcript.contains("Dropped audience-board-questions"))
        #expect(transcript.contains("The briefing stays at") || transcript.contains("The briefing goes from"))
        #expect(transcript.contains("stage-formal-consultation-summary · 0.5 min · pinned by the consultant"))
        #expect(transcript.contains("Dropped by the consultant: audience-board-questions"))
        #expect(transcript.contains("• Consultant's note"))
        // /back took the note away and kept the pin and the drop.
        let overrides = engine.interview.answers.overrides
        #expect(overrides.include == ["stage-formal-consultation-summary"])
        #expect(overrides.exclude == ["audience-board-questions"])
        #expect(overrides.notes.isEmpty)
        let briefing = engine.currentBriefing
        #expect(briefing.includedSnippetIDs.contains("stage-formal-consultation-summary"))
        #expect(!briefing.includedSnippetIDs.contains("audience-board-questions"))
    }

    @Test func unpinGivesASnippetBackAndUnknownIdsGetADidYouMean() {
        let (transcript, engine) = ChatHarness.run(lines: Self.interview + ["/drop audience-board-questions", "/unpin audience-board-questions",
                                                                            "/pin audience-board-question", "/unpin nothing-pinned"])
        #expect(ChatHarness.flat(transcript).contains("audience-board-questions is back to the engine's choice"))
        #expect(ChatHarness.flat(transcript).contains("Unknown snippet 'audience-board-question'; did you mean 'audience-board-questions'?"))
        #expect(ChatHarness.flat(transcript).contains("nothing-pinned is neither pinned nor dropped"))
        #expect(engine.interview.answers.overrides.isEmpty)
    }

    @Test func theOverridesAreSavedWithTheSessionAndTheAnswersFile() throws {
        let state = ChatHarness.temporaryDirectory()
        let folder = ChatHarness.temporaryDirectory()
        ChatHarness.run(lines: Self.interview + ["/pin stage-formal-consultation-summary", "/note actions Costed plan in March.",
                                                 "/save answers.yaml"], state: state, workingDirectory: folder)
        let (_, resumed) = ChatHarness.run(lines: [], state: state, resume: true)
        #expect(resumed.interview.answers.overrides.include == ["stage-formal-consultation-summary"])
        #expect(resumed.interview.answers.overrides.notes == ["actions": "Costed plan in March."])
        let file = try AnswersFile.read(folder + "/answers.yaml")
        let blueprint = try #require(ChatHarness.library.blueprint("senior-leader"))
        let answers = try AnswerResolver.resolve(file.answers, for: blueprint)
        #expect(answers.overrides == resumed.interview.answers.overrides)
    }

    @Test func exportTakesEveryFormatFromAWordOrAnExtensionAndQuotedPaths() throws {
        let folder = ChatHarness.temporaryDirectory()
        let lines = Self.interview + ["/export docx", "/export b.html", "/export txt \"my briefing\"", "/export \"with space.md\"",
                                      "/export pdf", "/export md \"unclosed"]
        let (transcript, _) = ChatHarness.run(lines: lines, workingDirectory: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.contains("cardiff-and-vale-university-health-board-briefing.docx"))
        #expect(files.contains("b.html") && files.contains("my briefing") && files.contains("with space.md"))
        #expect(try String(contentsOfFile: folder + "/b.html", encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(try String(contentsOfFile: folder + "/my briefing", encoding: .utf8).hasPrefix("====="))
        #expect(ChatHarness.flat(transcript).contains("pdf is not a format: the formats are md, txt, json, html or docx"))
        #expect(transcript.contains("the \" quote is never closed"))
        #expect(!files.contains { $0.contains("\"") || $0 == "pdf" })
    }

    @Test func tildeIsTheHomeFolder() throws {
        let home = ChatHarness.temporaryDirectory()
        setenv("HOME", home, 1)
        defer { unsetenv("HOME") }
        ChatHarness.run(lines: Self.interview + ["/export html ~/b.html"])
        #expect(FileManager.default.fileExists(atPath: home + "/b.html"))
    }
}
