import ArgumentParser
import BriefingCore

/// Where answers come from: `--answers FILE`, `--set id=value` and `--blueprint ID`.
struct AnswerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("An answers file (YAML or JSON; for build also CSV or JSON Lines); '-' reads stdin.", valueName: "file"),
            completion: ShellCompletions.answersFile)
    var answers: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Set an answer, e.g. --set nation=wales; a multi-choice answer separates values with ';'. Repeatable.",
        valueName: "id=value"), completion: ShellCompletions.assignment)
    var assignments: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "The blueprint (default: the answers' own 'blueprint' key, else senior-leader).", valueName: "id"),
        completion: ShellCompletions.blueprint)
    var blueprint: String?

    /// The blueprint and the resolved answers: the file's answers with `--set` laid over them.
    func resolve(in library: ContentLibrary) throws(BriefingError) -> (Blueprint, Answers) {
        try Self.resolve(answers: answers, assignments: assignments, blueprint: blueprint, in: library)
    }

    /// Reads the answers file (if any), picks the blueprint and resolves the answers with the assignments on top.
    static func resolve(answers: String?, assignments: [String], blueprint: String?,
                        in library: ContentLibrary) throws(BriefingError) -> (Blueprint, Answers) {
        let file = try answers.map { path throws(BriefingError) in try AnswersFile.read(path) } ?? AnswersFile()
        let blueprint = try library.requireBlueprint(blueprint ?? file.blueprintID ?? "senior-leader")
        var raw = file.answers
        for assignment in assignments {
            raw.append(try RawAnswer.parseAssignment(assignment))
        }
        let resolved = try AnswerResolver.resolve(raw, for: blueprint)
        try OverrideChecker.check(resolved.overrides, library: library, blueprint: blueprint)
        return (blueprint, resolved)
    }

    /// Like `resolve`, and fails when a required question is unanswered.
    func resolveComplete(in library: ContentLibrary) throws(BriefingError) -> (Blueprint, Answers) {
        let (blueprint, resolved) = try resolve(in: library)
        let missing = AnswerResolver.missingRequired(resolved, in: blueprint)
        guard missing.isEmpty else {
            let where_ = answers.map { $0 == "-" ? "<stdin>" : $0 } ?? "answers"
            throw .badData(missing.map { question in
                .error(at: SourceLocation(file: where_, line: 0, column: 0), MissingAnswers.message(for: question))
            })
        }
        return (blueprint, resolved)
    }
}
