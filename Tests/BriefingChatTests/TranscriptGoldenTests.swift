import Foundation
import Testing
@testable import BriefingChat

/// Whole sessions compared with checked-in transcripts. Re-record with BRIEFING_RECORD_GOLDEN=1.
@Suite struct TranscriptGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts")

    func check(_ name: String, _ script: [String]) throws {
        let transcript = ChatHarness.run(lines: script).transcript
        let file = Self.folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["BRIEFING_RECORD_GOLDEN"] == "1" {
            try transcript.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(transcript == expected, "transcript \(name) changed; re-record with BRIEFING_RECORD_GOLDEN=1 and review the diff")
    }

    @Test func aFullInterviewWithCommands() throws {
        try check("welsh-health-board", ChatHarness.welshHealthBoard + [
            "/answers", "/whatif stage=formal-consultation", "/why wales-duties-nhs-body",
            "/whynot scotland-duties-nhs-body", "/outline", "/back", "/help", "/quit",
        ])
    }

    @Test func typosSentencesAndMistakes() throws {
        try check("corrections", [
            "Belfast Health and Social Care Trust", "Director of Nursing", "strategic",
            "optoins", "/set nation=atlantis", "4", "embeded", "partner", "none", "5", "",
            "/preview summary", "/quit",
        ])
    }
}
