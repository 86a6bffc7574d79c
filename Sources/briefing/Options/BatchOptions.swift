import ArgumentParser
import BriefingCore

extension BatchInputFormat: ExpressibleByArgument {}

extension CSVDelimiter: ExpressibleByArgument {}

/// Options for many briefings at once: CSV and JSON Lines inputs, an output folder and its file
/// names, parallel jobs, and stopping early.
struct BatchOptions: ParsableArguments {
    @Option(name: .customLong("input-format"), help: ArgumentHelp(
        "How to read --answers: csv, jsonl, yaml or json (default: from the extension; yaml for stdin).",
        valueName: "format"))
    var inputFormat: BatchInputFormat?

    @Option(name: .long, help: ArgumentHelp(
        "The CSV's delimiter, found from its header row when not given ('\\t' also means a tab).",
        valueName: "delimiter"))
    var delimiter: CSVDelimiter?

    @Option(name: .customLong("output-dir"), help: ArgumentHelp(
        "Write one briefing per row into DIR (created if needed), with manifest.jsonl listing every row.",
        valueName: "dir"), completion: .directory)
    var outputDirectory: String?

    @Option(name: .long, help: ArgumentHelp(
        "File names in --output-dir: {id} is the answer to a question as written, {row} the row number (default: {organisation}).",
        valueName: "template"))
    var name: String?

    // .unconditional: "--jobs -1" is a value to refuse, not a missing one.
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Briefings made at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Flag(name: .customLong("fail-fast"), help: "Stop at the first row that fails.")
    var failFast = false

    /// True when the run makes one briefing per row rather than a single one.
    func isBatch(answers: String?) -> Bool {
        outputDirectory != nil || answers.map { BatchInputFormat.resolve(path: $0, explicit: inputFormat).isRowBased } ?? false
    }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if name != nil, outputDirectory == nil { throw ValidationError("--name names the files in --output-dir; add --output-dir DIR") }
    }
}
