import ArgumentParser
import BriefingCore
import Foundation

/// `briefing build`: one briefing from answers, or one per row of a CSV or JSON Lines file.
struct BuildCommand: BriefingSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build briefings from answers files and --set answers, without questions.",
        discussion: """
            One briefing from a YAML or JSON answers file goes to stdout or -o FILE. A CSV file (header \
            row: question ids in any case, and optionally 'blueprint'; columns separated by ',', ';' or \
            a tab, found from the header row or given with --delimiter; ';' between multi-choice \
            values, so quote such a cell in a ';' file; an empty cell is unanswered) or a JSON Lines \
            file (one object of answers per line) makes one briefing per row: into --output-dir DIR, \
            or, with --format json, as JSON Lines on stdout, one line per row with its "row", "line" \
            and "status" ("ok", or "error" with its "errors", the words manifest.jsonl uses).

            A bad row never stops the others: each is reported as 'FILE:ROW: error: line L: message' \
            on stderr, where ROW counts data rows from 1 and L is the line the row starts on. Files are \
            written atomically and never overwrite an existing file without --force. DIR/manifest.jsonl \
            lists every row (row, line, status, file, error, snippets, minutes); it is written as \
            DIR/.manifest.jsonl.partial while the run goes, and renamed when it ends. A one-line \
            summary ends on stderr; a progress bar shows while stderr is a terminal.

            Exit codes: 0 every row built, 1 some rows failed, 64 usage, 65 bad data, 66 input not \
            found, 73 cannot create output, 74 I/O error.

            Examples:
              briefing build --answers examples/welsh-health-board.yaml
              briefing build --answers a.yaml --set minutes=5 -o briefing.txt
              briefing build --answers councils.csv --output-dir out
              briefing build --answers rows.csv --output-dir out --name '{nation}-{row}'
              briefing build --answers boards.jsonl --format json -o - > briefings.jsonl
            """
    )

    @OptionGroup var library: LibraryOptions
    @OptionGroup var input: AnswerOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var batch: BatchOptions

    func validate() throws {
        if batch.outputDirectory != nil, output.output != nil {
            throw ValidationError("use either --output-dir DIR (one file per row) or -o FILE, not both")
        }
        if batch.inputFormat != nil, input.answers == nil {
            throw ValidationError("--input-format says how to read --answers; add --answers FILE ('-' for stdin)")
        }
        if batch.delimiter != nil, input.answers.map({ BatchInputFormat.resolve(path: $0, explicit: batch.inputFormat) }) != .csv {
            throw ValidationError("--delimiter says how to split a CSV's columns; add --answers FILE.csv (or --input-format csv)")
        }
        if batch.isBatch(answers: input.answers), batch.outputDirectory == nil {
            guard output.format == .json else {
                throw ValidationError("this input makes one briefing per row: add --output-dir DIR, "
                                      + "or use --format json to write JSON Lines to stdout")
            }
            if let file = output.output, file != "-" {
                throw ValidationError("JSON Lines go to stdout (-o -); use --output-dir DIR to write files")
            }
        }
    }

    /// Like every subcommand, but a batch in which some rows failed exits 1.
    func run() throws {
        let allBuilt: Bool
        do {
            allBuilt = try build()
        } catch {
            if !error.description.isEmpty { StandardError.write(error.description) }
            throw ExitCode(error.exitCode)
        }
        if !allBuilt { throw ExitCode(1) }
    }

    func execute() throws(BriefingError) {
        _ = try build()
    }

    /// Builds the briefing or briefings; false when some rows of a batch failed.
    private func build() throws(BriefingError) -> Bool {
        if batch.isBatch(answers: input.answers) { return try buildBatch() }
        let library = try library.load()
        let (blueprint, answers) = try input.resolveComplete(in: library)
        let date = try CalendarDate.resolve(explicit: output.date)
        let format = try output.resolvedFormat()
        let options = try output.renderOptions(for: format)
        let briefing = Assembler(library: library, blueprint: blueprint)
            .assemble(answers, date: date, provenance: format == .json)
        try output.emit(try format.fileBytes(briefing, options: options), format: format)
        return true
    }

    private func buildBatch() throws(BriefingError) -> Bool {
        let library = try library.load()
        var assignments: [RawAnswer] = []
        for assignment in input.assignments {
            assignments.append(try RawAnswer.parseAssignment(assignment))
        }
        let format = output.format ?? (batch.outputDirectory == nil ? .json : .markdown)
        let settings = BatchSettings(
            format: format, renderOptions: try output.renderOptions(for: format),
            date: try CalendarDate.resolve(explicit: output.date), blueprintID: input.blueprint,
            assignments: assignments, nameTemplate: try batch.name.map { template throws(BriefingError) in
                try FileNameTemplate(parsing: template)
            } ?? .standard,
            force: output.force, failFast: batch.failFast,
            jobs: batch.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let runner = BatchRunner(library: library, settings: settings)
        var source: any BatchRowSource = DocumentRowSource(document: AnswersFile(), file: "answers")
        if let path = input.answers {
            source = try BatchInput.open(path, format: BatchInputFormat.resolve(path: path, explicit: batch.inputFormat),
                                         delimiter: batch.delimiter, library: library)
        }
        try runner.check(source.decoder)

        BatchInterruption.install()
        let destination: BatchDestination
        if let folder = batch.outputDirectory {
            try BatchOutputFolder.create(folder)
            destination = .folder(folder)
        } else {
            destination = .jsonLines { text throws(BriefingError) in try StandardOutput.write(text) }
        }
        let progress = ProgressLine()
        let result = try runner.run(&source, to: destination, onFailure: { report in
            progress.clear()
            StandardError.write(report.lines.joined(separator: "\n"))
        }, onProgress: { progress.show($0) })
        progress.clear()
        StandardError.write(result.summary)
        return result.failed == 0
    }
}
