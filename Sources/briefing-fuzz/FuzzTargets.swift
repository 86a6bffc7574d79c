import Foundation
@testable import BriefingCore

/// The parsers fed with arbitrary bytes. Built with `make fuzz` (libFuzzer, `-sanitize=fuzzer,address`)
/// each target runs under the fuzzer; built plainly, the executable replays files given as arguments,
/// which is how a crash the fuzzer found is kept as a regression test.
///
/// The target is chosen by `FUZZ_TARGET`: condition, snippet, blueprint, answers, csv, jsonl,
/// template or markdown.
enum FuzzTargets {
    static let names = ["condition", "snippet", "blueprint", "answers", "csv", "jsonl", "template", "markdown"]

    /// The shipped library, for the vocabularies and scopes the inputs are checked against.
    static let library: ContentLibrary? = {
        let root = ProcessInfo.processInfo.environment["BRIEFING_LIBRARY"] ?? FileManager.default.currentDirectoryPath
        return try? LibraryLoader.load(from: root)
    }()

    static let target = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "condition"

    static func run(_ bytes: [UInt8]) {
        // Inputs that are not UTF-8 are refused before any parser sees them, as every reader does.
        guard let text = String(validating: bytes, as: UTF8.self) else {
            if target == "csv" || target == "jsonl" { batch(bytes) }
            return
        }
        switch target {
        case "condition": condition(text)
        case "snippet": snippet(text)
        case "blueprint": blueprint(text)
        case "answers": answers(text)
        case "csv", "jsonl": batch(bytes)
        case "template": template(text)
        case "markdown": markdown(text)
        default: break
        }
    }

    static func condition(_ text: String) {
        guard let expression = try? ConditionParser.parse(text) else { return }
        for blueprint in library?.blueprints ?? [] {
            _ = ConditionChecker.check(expression, in: Vocabulary(blueprint: blueprint))
            let condition = Condition(source: text, expression: expression)
            _ = condition.evaluate(in: EvaluationScope(blueprint: blueprint, answers: Answers()))
        }
    }

    static func snippet(_ text: String) {
        let (snippet, _) = SnippetDecoder.decode(text, file: "fuzz.md", defaultID: "fuzz")
        guard let snippet, let blueprint = library?.blueprints.first else { return }
        let scope = EvaluationScope(blueprint: blueprint, answers: Answers())
        let rendered = snippet.body.render(in: scope)
        _ = PlainTextRenderer.render(markdown: rendered)
    }

    static func blueprint(_ text: String) {
        _ = BlueprintDecoder.decode(text, file: "fuzz.yaml", defaultID: "fuzz")
    }

    static func answers(_ text: String) {
        guard let file = try? AnswersFile.parse(text, file: "fuzz.yaml"), let library else { return }
        for blueprint in library.blueprints {
            guard let answers = try? AnswerResolver.resolve(file.answers, for: blueprint) else { continue }
            let briefing = Assembler(library: library, blueprint: blueprint).assemble(answers, date: CalendarDate(secondsSinceEpoch: 0))
            _ = PlainTextRenderer.render(briefing)
            _ = HTMLRenderer.render(briefing)
        }
    }

    static func batch(_ bytes: [UInt8]) {
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

    static func template(_ text: String) {
        guard let template = try? Template(parsing: text), let blueprint = library?.blueprints.first else { return }
        _ = template.render(in: EvaluationScope(blueprint: blueprint, answers: Answers()))
    }

    static func markdown(_ text: String) {
        _ = PlainTextRenderer.render(markdown: text)
        _ = HTMLRenderer.markdownHTML(text)
        var body = WordBodyWriter()
        body.markdown(text)
        _ = ConsultantNote.problem(in: text)
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTargets.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// libFuzzer's driver, for an executable whose `main` SwiftPM names itself.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's `main` to `<module>_main`; here it hands over to libFuzzer.
@_cdecl("briefing_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#else
@main
struct ReplayFuzzInputs {
    /// `FUZZ_TARGET=condition briefing-fuzz FILE...` runs each file through the target once.
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(66)
            }
            FuzzTargets.run(Array(data))
        }
    }
}
#endif
