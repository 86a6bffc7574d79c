/// Runs a batch: reads rows a chunk at a time, assembles and renders each chunk on `jobs` threads,
/// names and writes the results in row order, and reports every failed row without stopping
/// (unless `failFast`). Output never depends on `jobs`: names are given in row order, and files,
/// manifest lines and reports follow row order.
public struct BatchRunner: Sendable {
    /// Rows read, made and written together; memory holds two chunks of briefings at most (one
    /// being made, one being written). JSON briefings, with their provenance, are several times
    /// larger than Markdown, so their chunks are smaller.
    public static let chunkSize = 512

    var rowsPerChunk: Int { settings.format == .json ? Self.chunkSize / 4 : Self.chunkSize }

    public let library: ContentLibrary
    public let settings: BatchSettings
    private let assemblers: [String: Assembler]
    private let resolver = BatchAnswerResolver()

    public init(library: ContentLibrary, settings: BatchSettings) {
        self.library = library
        self.settings = settings
        assemblers = Dictionary(library.blueprints.map { ($0.id, Assembler(library: library, blueprint: $0)) }) { first, _ in
            first
        }
    }

    /// Checks what can be checked before the first row: the blueprint named by `--blueprint`, the
    /// `--name` placeholders, and that each CSV column names a question (65, with a did-you-mean),
    /// unless a `blueprint` column lets rows differ.
    public func check(_ decoder: BatchRowDecoder) throws(BriefingError) {
        if let id = settings.blueprintID { _ = try library.requireBlueprint(id) }
        let allQuestionIDs = library.blueprints.flatMap { $0.questions.map(\.id) }
        try settings.nameTemplate.check(against: Array(Set(allQuestionIDs)).sorted())
        guard !decoder.header.isEmpty,
              settings.blueprintID != nil || !decoder.header.contains(BatchRowDecoder.blueprintKey) else { return }
        let blueprint = try library.requireBlueprint(settings.blueprintID(forRow: nil))
        var problems: [Diagnostic] = []
        for (index, id) in decoder.header.enumerated() {
            let location = SourceLocation(file: decoder.file, line: decoder.headerLine, column: decoder.headerColumns[index])
            if OverrideField.isOverrideKey(id), blueprint.question(id) == nil {
                if case .failure(let problem) = OverrideField.parse(id) {
                    problems.append(.error(at: location, problem.message))
                }
            } else if AssessmentField.isAssessmentKey(id), blueprint.question(id) == nil {
                if let problem = AssessmentField.problem(with: id, in: blueprint) {
                    problems.append(.error(at: location, problem))
                }
            } else if id != BatchRowDecoder.blueprintKey, blueprint.question(id) == nil {
                problems.append(.error(at: location, AnswerResolver.unknownQuestionMessage(id, in: blueprint)))
            }
        }
        if !problems.isEmpty { throw .badData(problems) }
    }

    /// Reads every row of `source` and makes its briefing. Row failures go to `onFailure` as they
    /// happen; `onProgress` hears after each chunk. Throws only for failures that stop the whole run:
    /// reading the input, writing the manifest or the JSON Lines stream.
    ///
    /// Chunks overlap: while one thread writes a chunk's files (one writer, so that threads never
    /// queue on the folder's lock), `jobs` threads make the next chunk.
    public func run(_ source: inout some BatchRowSource, to destination: BatchDestination,
                    onFailure: (BatchRowReport) -> Void,
                    onProgress: (BatchProgress) -> Void = { _ in }) throws(BriefingError) -> BatchProgress {
        let clock = ContinuousClock()
        let start = clock.now
        func elapsed() -> Double {
            let duration = clock.now - start
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        let decoder = source.decoder
        var progress = BatchProgress(totalBytes: source.totalBytes)
        var names = UniqueFileNames()
        var manifest: BatchManifestWriter?
        if case .folder(let folder) = destination {
            manifest = try BatchManifestWriter(folder: folder, overwrite: settings.force)
        }
        let streaming = if case .jsonLines = destination { true } else { false }
        let writer = BatchFileWriter(overwrite: settings.force, manifest: manifest)

        /// Reports a chunk whose files (and manifest lines) are written: failures and progress.
        /// Rows the writer never reached, after a signal or a full disk, are not counted.
        func finish(_ chunk: Chunk) throws(BriefingError) {
            var reached = 0
            for (index, row) in chunk.rows.enumerated() {
                if index < chunk.skipped.count, chunk.skipped[index] { continue }
                reached += 1
                switch chunk.outcomes[index] {
                case .made:
                    progress.written += 1
                case .failed(let failure, let diagnostics):
                    progress.failed += 1
                    onFailure(BatchRowReport(file: decoder.file, row: row.number, line: row.line, failure: failure,
                                             diagnostics: diagnostics))
                }
            }
            progress.rows += reached
            progress.seconds = elapsed()
            progress.bytesRead = source.bytesConsumed
            onProgress(progress)
        }

        /// Stops the run after a signal or a fatal write problem, keeping the manifest of what was finished.
        func stopIfNeeded() throws(BriefingError) {
            if let fatal = writer.fatal {
                manifest?.abandon()
                let finished = "\(progress.written) briefing\(progress.written == 1 ? "" : "s") written before it"
                if case .io(let path, let reason) = fatal {
                    throw .io(path: path, reason: reason + "; \(finished), listed in \(manifestPath ?? "the manifest")")
                }
                throw fatal
            }
            if let signal = BatchInterruption.signal {
                manifest?.abandon()
                throw .interrupted(signal: signal, detail: "\(progress.written) briefing\(progress.written == 1 ? "" : "s") written"
                                   + (manifestPath.map { ", each listed in \($0)" } ?? "") + "; no temporary file is left")
            }
        }
        var manifestPath: String? {
            manifest.map { $0.folder + "/" + BatchManifestWriter.partialFileName }
        }

        var writing: Chunk?
        var stopped = false
        while !stopped {
            if BatchInterruption.signal != nil { break }
            var rows: [BatchRow] = []
            rows.reserveCapacity(rowsPerChunk)
            while rows.count < rowsPerChunk, let row = try source.next() { rows.append(row) }
            if rows.isEmpty { break }
            let made = rows
            var chunk = Chunk(rows: rows, outcomes: ParallelJobs.map(count: made.count, jobs: settings.jobs) { index in
                make(made[index], decoder: decoder, streaming: streaming)
            })
            if settings.failFast, let first = chunk.outcomes.firstIndex(where: \.isFailure) {
                chunk.keep(through: first)
                stopped = true
            }
            if let previous = writing {
                try finish(previous.applying(writer.wait()))
                writing = nil
                try stopIfNeeded()
            }
            switch destination {
            case .folder(let folder):
                for index in chunk.rows.indices {
                    guard case .made(let made) = chunk.outcomes[index] else { continue }
                    chunk.files[index] = names.claim(stem: made.stem, extension: settings.format.fileExtension,
                                                     fallback: "row-\(chunk.rows[index].number)")
                }
                writer.start(chunk.writes(in: folder))
                if settings.failFast {
                    chunk = chunk.applying(writer.wait())
                    if let first = chunk.outcomes.firstIndex(where: \.isFailure) {
                        chunk.keep(through: first)
                        stopped = true
                    }
                    try finish(chunk)
                    try stopIfNeeded()
                } else {
                    writing = chunk
                }
            case .jsonLines(let emit):
                for (row, outcome) in zip(chunk.rows, chunk.outcomes) {
                    switch outcome {
                    case .made(let made): try emit(String(decoding: made.bytes, as: UTF8.self))
                    case .failed(let failure, _): try emit(BatchJSONLine.failed(row: row.number, line: row.line, failure: failure))
                    }
                }
                try finish(chunk)
            }
        }
        if let previous = writing { try finish(previous.applying(writer.wait())) }
        try stopIfNeeded()
        try manifest?.finish()
        progress.seconds = elapsed()
        return progress
    }

    /// Rows read, made and written together, with what became of each and the file it got.
    struct Chunk {
        var rows: [BatchRow]
        var outcomes: [RowOutcome]
        var files: [String?]
        /// Per row: the writer never reached it.
        var skipped: [Bool] = []

        init(rows: [BatchRow], outcomes: [RowOutcome]) {
            self.rows = rows
            self.outcomes = outcomes
            files = Array(repeating: nil, count: rows.count)
        }

        /// Drops the rows after `index`, for `--fail-fast`.
        mutating func keep(through index: Int) {
            rows.removeSubrange((index + 1)...)
            outcomes.removeSubrange((index + 1)...)
            files.removeSubrange((index + 1)...)
        }

        /// Every row's manifest line, and for each made briefing its bytes and path.
        func writes(in folder: String) -> [BatchFileWriter.Job] {
            rows.indices.map { index in
                let row = rows[index]
                switch outcomes[index] {
                case .made(let made):
                    let file = files[index]
                    return BatchFileWriter.Job(
                        entry: BatchManifestEntry(row: row.number, line: row.line, file: file, error: nil, snippets: made.snippets,
                                                  minutes: made.minutes, readiness: made.readiness),
                        bytes: made.bytes, path: file.map { folder + "/" + $0 })
                case .failed(let failure, _):
                    return BatchFileWriter.Job(
                        entry: BatchManifestEntry(row: row.number, line: row.line, file: nil, error: failure.summary, snippets: [],
                                                  minutes: nil),
                        bytes: nil, path: nil)
                }
            }
        }

        /// The chunk with the rows whose file could not be written marked as failed, and those the
        /// writer never reached marked as skipped.
        func applying(_ results: [BatchFileWriter.Result]) -> Chunk {
            var chunk = self
            chunk.skipped = Array(repeating: false, count: rows.count)
            for (index, result) in results.enumerated() {
                switch result {
                case .written:
                    break
                case .failed(let failure):
                    if case .made = chunk.outcomes[index] {
                        chunk.outcomes[index] = .failed(failure, [])
                        chunk.files[index] = nil
                    }
                case .skipped:
                    chunk.skipped[index] = true
                }
            }
            return chunk
        }
    }

    /// What became of one row before writing.
    enum RowOutcome: Sendable {
        case made(MadeBriefing)
        /// The problems; for a YAML or JSON document, with their own locations too.
        case failed(BatchRowFailure, [Diagnostic])

        var isFailure: Bool {
            if case .failed = self { true } else { false }
        }
    }

    /// A rendered briefing, with what the manifest and the file name need.
    struct MadeBriefing: Sendable {
        /// The file's bytes: text, or a .docx.
        var bytes: [UInt8]
        /// The file name's stem, made safe but not yet unique.
        var stem: String
        var snippets: [String]
        var minutes: Double
        /// The verification status and overall levels, for an assessment blueprint.
        var readiness: BatchManifestEntry.Readiness?
    }

    /// Checks a row's answers, assembles and renders its briefing.
    func make(_ row: BatchRow, decoder: BatchRowDecoder, streaming: Bool) -> RowOutcome {
        let given: RowAnswers
        switch decoder.answers(for: row) {
        case .success(let answers): given = answers
        case .failure(let failure): return .failed(failure, [])
        }
        let isDocument = if case .document = row.content { true } else { false }
        let blueprint: Blueprint
        do throws(BriefingError) {
            blueprint = try library.requireBlueprint(settings.blueprintID(forRow: given.blueprintID))
        } catch {
            return .failed(BatchRowFailure(error), [])
        }
        let assembler = assemblers[blueprint.id] ?? Assembler(library: library, blueprint: blueprint)
        let answers: Answers
        do throws(BriefingError) {
            answers = try resolver.resolve(given.answers + settings.assignments, for: blueprint)
        } catch {
            if isDocument, case .badData(let diagnostics) = error { return .failed(BatchRowFailure(error), diagnostics) }
            return .failed(BatchRowFailure(error), [])
        }
        do throws(BriefingError) {
            try OverrideChecker.check(answers.overrides, library: library, blueprint: blueprint)
        } catch {
            if isDocument, case .badData(let diagnostics) = error { return .failed(BatchRowFailure(error), diagnostics) }
            return .failed(BatchRowFailure(error), [])
        }
        let missing = AnswerResolver.missingRequired(answers, in: blueprint)
        guard missing.isEmpty else {
            let messages = missing.map(MissingAnswers.message)
            let diagnostics = isDocument
                ? messages.map { Diagnostic.error(at: SourceLocation(file: decoder.file, line: 0, column: 0), $0) } : []
            return .failed(BatchRowFailure(messages), diagnostics)
        }
        let briefing = assembler.assemble(answers, date: settings.date, provenance: settings.format == .json)
        let bytes: [UInt8]
        if streaming {
            bytes = Array(BatchJSONLine.ok(row: row.number, line: row.line, briefing: JSONRenderer.encode(briefing, pretty: false)).utf8)
        } else {
            do throws(BriefingError) {
                bytes = try settings.format.fileBytes(briefing, options: settings.renderOptions)
            } catch {
                return .failed(BatchRowFailure(error), [])
            }
        }
        var written = given.writtenText
        for assignment in settings.assignments {
            if case .text(let text) = assignment.value { written[assignment.id] = text } else { written[assignment.id] = nil }
        }
        let stem = FileNameSanitizer.stem(from: settings.nameTemplate.render(row: row.number, answers: written))
        let readiness = briefing.readiness.map { report in
            BatchManifestEntry.Readiness(status: report.verification.status, level: report.overall.level,
                                         verifiedLevel: report.overall.verifiedLevel)
        }
        return .made(MadeBriefing(bytes: bytes, stem: stem, snippets: briefing.includedSnippetIDs, minutes: briefing.totalMinutes,
                                  readiness: readiness))
    }
}
