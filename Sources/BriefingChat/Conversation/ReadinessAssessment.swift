import BriefingCore

/// The readiness self-assessment, run from the senior-leader interview: it answers `maturity`,
/// asks for the evidence behind each score, and belongs to the session's organisation.
extension ChatEngine {
    /// `/assess`: starts or continues the assessment; over a finished one, shows the scores and
    /// scores every statement again, Enter keeping each.
    func startAssessment() {
        guard let readiness = configuration.library.blueprint("readiness") else {
            return say("The readiness self-assessment is not in this content library, so please answer maturity directly.")
        }
        guard interview.blueprint.dimensions.isEmpty else {
            return say("This chat is the readiness assessment itself: score the statements as they come. "
                       + "For evidence after each score and a verifier's pass, run /assess from the senior-leader chat (briefing chat).")
        }
        verifying = false
        readinessPrompt = nil
        changing = nil
        if assessment == nil { assessment = Interview(blueprint: readiness, library: configuration.library) }
        shareReadinessContext([])
        let statements = readiness.questions.filter { $0.kind == .scale }
        let finished = assessment.map { current in statements.allSatisfy { current.answers[$0.id] != nil } } ?? false
        assessing = true
        if finished {
            say("\n" + style.bold("Your readiness scores so far:"))
            showScores()
            rescoring = statements.map(\.id)
            say("Scoring every statement again: Enter keeps the score and its evidence; /back undoes a change.")
        } else {
            rescoring = []
            say("\n" + style.bold("Readiness self-assessment.") + " \(statements.count) statements in \(readiness.dimensions.count) "
                + "areas: \(ListPhrase.join(readiness.dimensions.map { $0.title.lowercased() })). Score each one 0 (not yet), "
                + "1 (starting), 2 (mostly) or 3 (fully), then give one line of evidence (Enter skips it). "
                + "Your scores set the maturity answer; /back undoes a score.")
        }
        autosave()
        askNext()
    }

    /// Records a self-score; asks for its evidence unless it came on the same line.
    func recordScore(_ question: Question, score: Int, evidence: String?, note: String? = nil) {
        pushUndo("scored \(question.id)")
        if rescoring.first == question.id { rescoring.removeFirst() }
        activeInterview.answers[question.id] = .number(Double(score))
        activeInterview.skipped.remove(question.id)
        let label = question.option(String(score))?.label.lowercased() ?? String(score)
        var line = style.success("✓ ") + "\(score) (\(label))"
        if let note { line += style.dim(" (\(note))") }
        if let evidence {
            setEvidence(evidence, for: question.id)
            say(line + ", with evidence: \(Sanitized.forTerminal(evidence))")
            autosave()
            return continueAssessment()
        }
        if let kept = assessment?.answers.assessment.evidence[question.id] {
            line += style.dim(" (evidence so far: \(Sanitized.forTerminal(kept)))")
        }
        say(line)
        readinessPrompt = .evidence(statement: question.id)
        autosave()
        askNext()
    }

    /// A line typed at a readiness prompt.
    func answerReadinessPrompt(_ line: String) {
        guard let prompt = readinessPrompt else { return }
        switch prompt {
        case .evidence(let statement):
            readinessPrompt = nil
            if !line.isEmpty {
                setEvidence(line, for: statement)
                say(style.success("✓ ") + "Evidence noted.")
                autosave()
            }
            continueAssessment()
        case .verifier, .verificationDate, .verifiedScore, .verifierNote:
            answerVerificationPrompt(prompt, line)
        case .keepReadiness(let organisation):
            switch line.lowercased() {
            case "y", "yes", "keep", "keep it":
                readinessPrompt = nil
                assessment?.answers["organisation"] = .text(organisation)
                say(style.success("✓ ") + "The readiness assessment now belongs to \(organisation).")
            case "n", "no", "clear", "clear it":
                readinessPrompt = nil
                assessment = nil
                assessing = false
                verifying = false
                say(style.success("✓ ") + "Cleared the readiness assessment (/back brings it back).")
            default:
                return say("Please answer yes or no.")
            }
            autosave()
            announceRequiredDone()
            askNext()
        }
    }

    private func setEvidence(_ text: String, for statement: String) {
        guard var current = assessment else { return }
        var record = current.answers.assessment
        let cleaned = Sanitized.answerText(text)
        record.evidence[statement] = cleaned.isEmpty ? nil : String(cleaned.prefix(AnswerResolver.maximumTextLength))
        current.answers.assessment = record
        assessment = current
    }

    /// After a score or its evidence: the next statement, or the end of the assessment.
    func continueAssessment() {
        guard assessing else { return askNext() }
        if readinessPrompt == nil, rescoring.isEmpty, assessment?.nextQuestion == nil {
            return finishAssessment()
        }
        askNext()
    }

    func finishAssessment() {
        guard let assessment else { return }
        assessing = false
        rescoring = []
        say("\n" + style.bold("The self-assessment is complete."))
        showScores()
        setMaturity(from: assessment.assemble(date: configuration.date), verified: false)
        autosave()
        askNext()
    }

    /// Sets the main interview's maturity from the report's overall level.
    func setMaturity(from report: Briefing, verified: Bool) {
        guard let maturity = interview.blueprint.question("maturity") else { return }
        guard let overall = report.readiness?.overall, let level = overall.effectiveLevel,
              maturity.option(level.rawValue) != nil else {
            return say("The assessment gave no overall level, so please answer maturity directly.")
        }
        interview.answers[maturity.id] = .choice(level.rawValue)
        interview.skipped.remove(maturity.id)
        let score = (verified ? overall.verifiedScore : overall.score) ?? 0
        say(style.success("✓ ") + "Maturity: \(level.label), from \(verified ? "a verified" : "an") overall readiness score of \(score) out of 100"
            + (overall.cappedBy != nil || overall.verifiedCappedBy != nil ? ", capped by the weakest dimension" : "") + ". "
            + "/export readiness md saves the full report with next steps\(verified ? "" : "; /verify runs an independent verifier's pass").")
    }

    /// The scores table and bars, as the report's text gives them.
    func showScores() {
        guard let report = assessment?.assemble(date: configuration.date),
              let scores = report.sections.first(where: { $0.generated != nil && $0.id == "scores" }) ?? report.sections.first(where: { $0.generated != nil }),
              let markdown = scores.generated else {
            return say("No statement is scored yet.")
        }
        say(PlainTextRenderer.render(markdown: markdown, width: previewWidth), newline: false)
    }

    /// "the readiness self-assessment (7 of 18 statements scored) and 3 verified scores"
    var readinessSummary: String? {
        guard let assessment else { return nil }
        let statements = assessment.blueprint.questions.filter { $0.kind == .scale }
        let scored = statements.filter { assessment.answers[$0.id] != nil }.count
        let verified = statements.filter { assessment.answers.assessment.verification.scores[$0.id] != nil }.count
        guard scored > 0 || verified > 0 else { return nil }
        var text = "the readiness self-assessment (\(scored) of \(statements.count) statements scored"
        if verified > 0 { text += ", \(verified) verified" }
        return text + ")"
    }

    /// Keeps the organisation and stage the same in both interviews, wherever they were given.
    func shareReadinessContext(_ changes: [(Question, AnswerValue)]) {
        guard var current = assessment else { return }
        for id in ["organisation", "stage"] {
            guard current.blueprint.question(id) != nil, interview.blueprint.question(id) != nil else { continue }
            if assessing, changes.contains(where: { $0.0.id == id }), interview.answers[id] == nil {
                interview.answers[id] = current.answers[id]
            } else if let value = interview.answers[id], current.answers[id] == nil || id == "stage" {
                current.answers[id] = value
            }
        }
        assessment = current
    }

    /// True when the main interview's organisation has just changed while an assessment of the old
    /// one holds scores.
    func organisationChanged(from previous: AnswerValue?) -> Bool {
        guard let previous, let now = interview.answers["organisation"], previous != now,
              let assessment, assessment.answers.values.keys.contains(where: { assessment.blueprint.question($0)?.kind == .scale })
        else { return false }
        return true
    }

    func askWhetherToKeepReadiness() {
        readinessPrompt = .keepReadiness(organisation: interview.answers["organisation"]?.raw ?? "the new organisation")
        askNext()
    }

    /// The readiness answers for `/answers`: each statement's score, evidence and verified score.
    func readinessAnswerRows() -> [[String]] {
        guard let assessment else { return [] }
        let record = assessment.answers.assessment
        var rows: [[String]] = []
        for question in assessment.blueprint.questions where question.kind == .scale {
            var shown = assessment.answers[question.id].map { $0.display(for: question) } ?? "(not scored)"
            if let verified = record.verification.scores[question.id] { shown += " · verified \(verified)" }
            if let evidence = record.evidence[question.id] {
                shown += " · " + Sanitized.forTerminal(String(evidence.prefix(40))) + (evidence.count > 40 ? "…" : "")
            }
            rows.append(["  " + question.id, shown])
        }
        if let verifier = record.verification.verifier {
            rows.append(["  verifier", Sanitized.forTerminal(verifier) + (record.verification.date.map { ", \($0.longForm)" } ?? "")])
        }
        return rows
    }
}
