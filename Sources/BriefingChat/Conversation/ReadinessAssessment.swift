import BriefingCore

/// The readiness self-assessment, run from the senior-leader interview to answer `maturity`.
extension ChatEngine {
    func startAssessment() {
        guard let readiness = configuration.library.blueprint("readiness") else {
            return say("The readiness self-assessment is not in this content library, so please answer maturity directly.")
        }
        guard interview.blueprint.question("maturity") != nil else {
            return say("This blueprint has no maturity question for the assessment to answer.")
        }
        if assessment == nil || assessment?.nextQuestion == nil {
            var fresh = Interview(blueprint: readiness, library: configuration.library)
            if let organisation = interview.answers["organisation"] { fresh.answers["organisation"] = organisation }
            assessment = fresh
        }
        assessing = true
        changing = nil
        let statements = readiness.questions.filter { $0.kind == .scale }
        say("\n" + style.bold("Readiness self-assessment.") + " \(statements.count) statements in \(readiness.dimensions.count) "
            + "areas: \(ListPhrase.join(readiness.dimensions.map { $0.title.lowercased() })). Score each one 0 (not yet), "
            + "1 (starting), 2 (mostly) or 3 (fully). Your scores set the maturity answer; /back undoes a score.")
        autosave()
        askNext()
    }

    func finishAssessment() {
        guard let assessment else { return }
        assessing = false
        let report = assessment.assemble(date: configuration.date)
        guard let overall = report.levels?["overall"], let level = ReadinessLevel(rawValue: overall),
              let maturity = interview.blueprint.question("maturity"), maturity.option(level.rawValue) != nil else {
            say("The assessment is complete, but it gave no overall level; please answer maturity directly.")
            return
        }
        if let scores = report.sections.first(where: { $0.id == "scores" }), !scores.snippets.isEmpty {
            say("")
            say(PlainTextRenderer.render(markdown: scores.snippets.map(\.markdown).joined(separator: "\n\n")), newline: false)
        }
        interview.answers[maturity.id] = .choice(level.rawValue)
        interview.skipped.remove(maturity.id)
        say(style.success("✓ ") + "Maturity: \(level.label), from an overall readiness score of \(report.scores?["overall"] ?? 0) out of 100. "
            + "/export readiness md saves the full report with next steps.")
        autosave()
    }
}
