import Foundation
import Testing
import BriefingCore
@testable import BriefingChat

@Suite struct CompletionTests {
    func provider(question: String? = nil, folder: String = "/") -> CompletionProvider {
        let blueprint = ChatHarness.library.blueprint("senior-leader")!
        return CompletionProvider(blueprint: blueprint,
                                  snippetIDs: ChatHarness.library.snippets(for: blueprint).map(\.id),
                                  scenarioNames: ["base", "bold"],
                                  currentQuestion: question.flatMap(blueprint.question),
                                  workingDirectory: folder)
    }

    @Test func commandsComplete() {
        #expect(provider().complete("/wh").candidates == ["/whatif", "/why", "/whynot"])
        #expect(provider().complete("/prev").candidates == ["/preview"])
    }

    @Test func optionValuesCompleteAfterEquals() {
        let result = provider().complete("/set nation=")
        #expect(result.candidates == ["nation=england", "nation=northern-ireland", "nation=scotland", "nation=uk-wide", "nation=wales"])
        #expect(provider().complete("/whatif stage=fo").candidates == ["stage=formal-consultation"])
        #expect(provider().complete("nation=w").candidates == ["nation=wales"])
    }

    @Test func questionIDsCompleteWithTheirEqualsSign() {
        let result = provider().complete("/set na")
        #expect(result.candidates == ["nation="])
        #expect(result.appendSpace == false)
        #expect(provider().complete("/change mat").candidates == ["maturity"])
    }

    @Test func snippetIDsAndScenariosComplete() {
        #expect(provider().complete("/why wales-duties-n").candidates == ["wales-duties-nhs-body"])
        #expect(provider().complete("/scenario use b").candidates == ["base", "bold"])
    }

    @Test func optionsOfTheCurrentQuestionComplete() {
        #expect(provider(question: "nation").complete("Nor").candidates == ["Northern Ireland"])
    }

    @Test func pathsComplete() throws {
        let folder = ChatHarness.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder + "/exports", withIntermediateDirectories: true)
        try "x".write(toFile: folder + "/answers.yaml", atomically: true, encoding: .utf8)
        #expect(provider(folder: folder).complete("/load ans").candidates == ["answers.yaml"])
        let exportResult = provider(folder: folder).complete("/export md ex")
        #expect(exportResult.candidates == ["exports/"])
        #expect(exportResult.appendSpace == false)
    }

    @Test func theCommonPrefixIsFound() {
        #expect(CompletionProvider.commonPrefix(["/whatif", "/why", "/whynot"]) == "/wh")
    }
}
