import Foundation
import Testing
import Yams
@testable import BriefingCore

/// The YAML front matter of Markdown output (`--front-matter`): each answer as a script would write
/// it again, a multi-choice answer as a list of its values.
@Suite struct FrontMatterTests {
    /// The Markdown of the golden `wales-full` answers with front matter, and that front matter parsed.
    static func render(_ extra: [RawAnswer] = []) throws -> (text: String, yaml: [String: Any]) {
        let library = try RendererGoldenTests.loadLibrary()
        let text = try String(contentsOf: RendererGoldenTests.fixtures.appendingPathComponent("golden-answers/wales-full.yaml"),
                              encoding: .utf8)
        let file = try AnswersFile.parse(text, file: "wales-full.yaml")
        let blueprint = try library.requireBlueprint(file.blueprintID ?? "pilot")
        let answers = try AnswerResolver.resolve(file.answers + extra, for: blueprint)
        let briefing = Assembler(library: library, blueprint: blueprint).assemble(answers, date: RendererGoldenTests.date)
        let markdown = MarkdownRenderer.render(briefing, options: RenderOptions(frontMatter: true))
        let parts = markdown.components(separatedBy: "---\n")
        #expect(parts.count >= 3 && parts[0].isEmpty, "front matter between two --- lines")
        let yaml = try #require(try Yams.load(yaml: parts[1]) as? [String: Any])
        return (markdown, yaml)
    }

    @Test func aMultiChoiceAnswerIsAYAMLListOfItsValues() throws {
        let (text, yaml) = try Self.render()
        let answers = try #require(yaml["answers"] as? [String: Any])
        #expect(answers["drivers"] as? [String] == ["trust", "net-zero"])
        #expect(text.contains("\n  drivers: [\"trust\", \"net-zero\"]\n"), "\(text.prefix(600))")
    }

    @Test func otherAnswersStayOneStringEach() throws {
        let (_, yaml) = try Self.render()
        let answers = try #require(yaml["answers"] as? [String: Any])
        #expect(answers["nation"] as? String == "wales")
        #expect(answers["organisation"] as? String == "Cardiff and Vale University Health Board")
        #expect(answers["stage"] as? String == "options")
    }

    @Test func aSingleValueOfAMultiChoiceQuestionIsStillAList() throws {
        let one = RawAnswer(id: "drivers", value: .list(["trust"]), location: SourceLocation(file: "test", line: 0, column: 0))
        let (_, yaml) = try Self.render([one])
        let answers = try #require(yaml["answers"] as? [String: Any])
        #expect(answers["drivers"] as? [String] == ["trust"])
    }
}
