import BriefingCore

/// What the chat asks next: the next question, or, once the interview is complete, the outline.
extension ChatEngine {
    /// Asks the next question, or shows the outline once the interview is complete.
    func askNext() {
        if let readinessPrompt {
            return sayIndented(readinessPrompt.question, indent: readinessPrompt.indent)
        }
        if verifying {
            return askNextVerification()
        }
        if let question = currentQuestion {
            let defaultText = question.defaultValue.map { $0.display(for: question) }
            let inferred = question.inferredFrom == nil ? nil
                : EvaluationScope(blueprint: activeInterview.blueprint, answers: activeInterview.answers).inference(of: question.id)
            say(presenter.present(question, position: activeInterview.position(of: question), defaultText: defaultText,
                                  inferred: inferred),
                newline: false)
            return
        }
        guard !assessing else { return }
        let briefing = interview.assemble(date: configuration.date)
        if announcedReady {
            say(style.dim("The briefing now stands at \(MinutesFormat.short(briefing.totalMinutes)) of "
                          + "\(MinutesFormat.short(briefing.budgetMinutes)) minutes; /outline shows it."))
            return
        }
        announcedReady = true
        say("")
        say(style.bold("Your briefing is ready.") + " Here is its outline:")
        say(OutlineReport.text(briefing, width: pageWidth), newline: false)
        say("\nNext: /preview to read it, /export md to save it, /whatif \(exampleWhatIf) to explore, "
            + "/help for everything else.")
    }

    /// Once every required question is answered, says the briefing exists and what the rest adds.
    func announceRequiredDone() {
        guard !assessing, !announcedRequiredDone, interview.missingRequired.isEmpty,
              let next = interview.nextQuestion else { return }
        announcedRequiredDone = true
        let briefing = interview.assemble(date: configuration.date)
        let remaining = interview.blueprint.questions.drop { $0.id != next.id }.filter { interview.answers[$0.id] == nil }
        say("\nThat's all the briefing needs: it stands at \(MinutesFormat.short(briefing.totalMinutes)) minutes "
            + "(/outline shows it, /export md saves it). \(remaining.count) optional question\(remaining.count == 1 ? "" : "s") "
            + "refine\(remaining.count == 1 ? "s" : "") it; press Enter to skip any.")
    }

    /// A what-if worth trying: a stage other than the one answered.
    var exampleWhatIf: String {
        let stage = interview.answers["stage"]?.raw
        return "stage=" + (stage == "formal-consultation" ? "decision" : "formal-consultation")
    }
}
