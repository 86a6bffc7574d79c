import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every parser and renderer of the engine, run on arbitrary input: the entry points of the fuzz
/// targets (`Sources/briefing-fuzz`, `make fuzz`). Each must return, whatever the input, without
/// crashing or hanging; what it returns is thrown away.
public enum FuzzEntryPoints {
    public static let targets = ["condition", "snippet", "blueprint", "answers", "csv", "jsonl", "template", "markdown"]

    /// Runs `bytes` through `target` against `library` (for vocabularies and scopes).
    public static func run(_ target: String, _ bytes: [UInt8], library: ContentLibrary?) {
        // Inputs that are not UTF-8 are refused before any parser sees them, as every reader does.
        guard let text = String(validating: bytes, as: UTF8.self) else {
            if target == "csv" || target == "jsonl" { batch(target, bytes, library: library) }
            return
        }
        switch target {
        case "condition": condition(text, library: library)
        case "snippet": snippet(text, library: library)
        case "blueprint": _ = BlueprintDecoder.decode(text, file: "fuzz.yaml", defaultID: "fuzz")
        case "answers": answers(text, library: library)
        case "csv", "jsonl": batch(target, bytes, library: library)
        case "template": template(text, library: library)
        case "markdown": markdown(text)
        default: break
        }
    }

    static func condition(_ text: String, library: ContentLibrary?) {
        guard let expression = try? ConditionParser.parse(text) else { return }
        for blueprint in library?.blueprints ?? [] {
            _ = ConditionChecker.check(expression, in: Vocabulary(blueprint: blueprint))
            _ = Condition(source: text, expression: expression).evaluate(in: EvaluationScope(blueprint: blueprint, answers: Answers()))
        }
    }

    static func snippet(_ text: String, library: ContentLibrary?) {
        let (snippet, _) = SnippetDecoder.decode(text, file: "fuzz.md", defaultID: "fuzz")
        guard let snippet, let blueprint = library?.blueprints.first else { return }
        _ = PlainTextRenderer.render(markdown: snippet.body.render(in: EvaluationScope(blueprint: blueprint, answers: Answers())))
    }

    static func answers(_ text: String, library: ContentLibrary?) {
        guard let file = try? AnswersFile.parse(text, file: "fuzz.yaml"), let library else { return }
        for blueprint in library.blueprints {
            guard let answers = try? AnswerResolver.resolve(file.answers, for: blueprint) else { continue }
            let briefing = Assembler(library: library, blueprint: blueprint).assemble(answers, date: CalendarDate(secondsSinceEpoch: 0))
            _ = PlainTextRenderer.render(briefing)
            _ = HTMLRenderer.render(briefing)
        }
    }

    static func batch(_ target: String, _ bytes: [UInt8], library: ContentLibrary?) {
        let path = NSTemporaryDirectory() + "briefing-fuzz-\(getpid()).\(target)"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
        defer { unlink(path) }
        guard var source = try? BatchInput.open(path, format: target == "csv" ? .csv : .jsonl) else { return }
        var rows = 0
        while rows < 1_000, let row = try? source.next() {
            rows += 1
            if case .success(let given) = source.decoder.answers(for: row), let blueprint = library?.blueprints.first {
                _ = try? AnswerResolver.resolve(given.answers, for: blueprint)
            }
        }
    }

    static func template(_ text: String, library: ContentLibrary?) {
        guard let template = try? Template(parsing: text), let blueprint = library?.blueprints.first else { return }
        _ = template.render(in: EvaluationScope(blueprint: blueprint, answers: Answers()))
    }

    static func markdown(_ text: String) {
        _ = PlainTextRenderer.render(markdown: text)
        _ = HTMLRenderer.markdownHTML(text)
        var body = WordBodyWriter()
        body.markdown(text)
        _ = ConsultantNote.problem(in: text)
        _ = MarkdownEscaping.escape(text)
    }
}
