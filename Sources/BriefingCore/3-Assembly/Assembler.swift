/// Assembles briefings for one blueprint: selection, order, the reading-time budget, variable
/// substitution, sources and provenance. Build it once and call `assemble` as often as needed.
public struct Assembler: Sendable {
    public let blueprint: Blueprint
    /// The blueprint's snippets in document order.
    public let candidates: [Snippet]

    /// Candidate indices in the order the budget is filled: priority, then `order`, then section
    /// position, then id. Filling by `order` across sections spreads the time over the whole
    /// briefing, instead of letting the first sections take it all.
    let fillOrder: [Int]
    /// Per candidate: the position of its section in the blueprint.
    let sectionOfCandidate: [Int]
    /// Per candidate: the ideas it covers, as numbers, so that a plan compares no strings.
    let ideasOfCandidate: [[Int]]
    let ideaCount: Int
    /// The dimension of each candidate that names one, by snippet id.
    let dimensionOfSnippet: [String: String]
    /// Candidate positions by snippet id, for the consultant's pins and drops.
    let indexOfSnippet: [String: Int]

    public init(library: ContentLibrary, blueprint: Blueprint) {
        self.blueprint = blueprint
        let candidates = library.snippets(for: blueprint)
        self.candidates = candidates
        let sections = candidates.map { blueprint.sectionPosition($0.section)! }
        sectionOfCandidate = sections
        var ideaNumbers: [String: Int] = [:]
        ideasOfCandidate = candidates.map { snippet in
            snippet.covers.map { idea in
                if let number = ideaNumbers[idea] { return number }
                ideaNumbers[idea] = ideaNumbers.count
                return ideaNumbers.count - 1
            }
        }
        ideaCount = ideaNumbers.count
        indexOfSnippet = Dictionary(candidates.enumerated().map { ($1.id, $0) }) { first, _ in first }
        dimensionOfSnippet = Dictionary(candidates.compactMap { snippet in snippet.dimension.map { (snippet.id, $0) } }) { first, _ in first }
        fillOrder = candidates.indices.sorted { a, b in
            let (x, y) = (candidates[a], candidates[b])
            return (x.priority, x.order, sections[a], x.id) < (y.priority, y.order, sections[b], y.id)
        }
    }

    /// Which snippets a scope selects and which fit the budget, without rendering anything.
    public struct Plan: Sendable {
        /// Per candidate: its condition holds (or it has none).
        public var selected: [Bool]
        /// Per candidate: it is in the briefing.
        public var included: [Bool]
        /// Per candidate: it is in as its summary, because the full text did not fit the budget.
        public var condensed: [Bool]
        /// Per candidate: the candidate already in the briefing that covers the same idea, which
        /// kept this one out.
        public var duplicateOf: [Int?]
        /// Per candidate: the evaluated condition, when provenance was asked for.
        public var outcomes: [ConditionOutcome?]
        /// Per candidate: pinned or dropped by the consultant.
        public var pinned: [Bool]
        public var dropped: [Bool]
        /// The reading time of the selected priority-1 snippets, which are always in, after any
        /// condensing to summaries.
        public var essentialMinutes: Double
        public var budgetMinutes: Double
    }

    /// Selects snippets and fits the budget. Priority 1 is always in; when it alone overruns the
    /// budget, its snippets with a summary are condensed to it, last in fill order first, until they
    /// fit. Then priority 2 and 3 in fill order: in full while it fits, else as the summary if that
    /// fits. A snippet whose idea (`covers`) an earlier one in fill order already states is left out.
    public func plan(in scope: EvaluationScope, provenance wantProvenance: Bool = false) -> Plan {
        var outcomes = [ConditionOutcome?](repeating: nil, count: wantProvenance ? candidates.count : 0)
        var selected = [Bool](repeating: true, count: candidates.count)
        var pinned = [Bool](repeating: false, count: candidates.count)
        var dropped = [Bool](repeating: false, count: candidates.count)
        let overrides = scope.answers.overrides
        for id in overrides.include { if let index = indexOfSnippet[id] { pinned[index] = true } }
        for id in overrides.exclude { if let index = indexOfSnippet[id] { dropped[index] = true; pinned[index] = false } }
        for (index, snippet) in candidates.enumerated() {
            guard let condition = snippet.when else { continue }
            if wantProvenance {
                let outcome = condition.evaluate(in: scope)
                outcomes[index] = outcome
                selected[index] = outcome.holds
            } else {
                selected[index] = condition.holds(in: scope)
            }
        }

        var included = [Bool](repeating: false, count: candidates.count)
        var condensed = [Bool](repeating: false, count: candidates.count)
        var duplicateOf = [Int?](repeating: nil, count: candidates.count)
        // Per idea: the candidate that states it, or -1.
        var claimed = [Int](repeating: -1, count: ideaCount)
        func earlierCover(of index: Int) -> Int? {
            for idea in ideasOfCandidate[index] where claimed[idea] >= 0 { return claimed[idea] }
            return nil
        }
        func claim(_ index: Int) {
            for idea in ideasOfCandidate[index] where claimed[idea] < 0 { claimed[idea] = index }
        }

        var essential: [Int] = []
        var total = 0.0
        // The consultant's pins come first: in, in full, whatever the condition and the budget.
        for index in fillOrder where pinned[index] {
            included[index] = true
            claim(index)
            total += candidates[index].minutes
        }
        for index in fillOrder where selected[index] && !pinned[index] && !dropped[index] && candidates[index].priority == 1 {
            if let other = earlierCover(of: index) {
                duplicateOf[index] = other
                continue
            }
            included[index] = true
            claim(index)
            essential.append(index)
            total += candidates[index].minutes
        }
        let budget = scope.budgetMinutes
        if total > budget + 1e-9 {
            for index in essential.reversed() where candidates[index].summary != nil {
                condensed[index] = true
                total -= candidates[index].minutes - candidates[index].summaryMinutes
                if total <= budget + 1e-9 { break }
            }
        }
        let essentialMinutes = total
        var remaining = budget - total
        for index in fillOrder where selected[index] && !pinned[index] && !dropped[index] && candidates[index].priority > 1 {
            let snippet = candidates[index]
            if let other = earlierCover(of: index) {
                duplicateOf[index] = other
                continue
            }
            if snippet.minutes <= remaining + 1e-9 {
                included[index] = true
                remaining -= snippet.minutes
                claim(index)
            } else if snippet.summary != nil, snippet.summaryMinutes <= remaining + 1e-9 {
                included[index] = true
                condensed[index] = true
                remaining -= snippet.summaryMinutes
                claim(index)
            }
        }
        return Plan(selected: selected, included: included, condensed: condensed, duplicateOf: duplicateOf,
                    outcomes: outcomes, pinned: pinned, dropped: dropped, essentialMinutes: essentialMinutes, budgetMinutes: budget)
    }

    /// Assembles a briefing from `answers`. Without `provenance`, the per-snippet explanations are
    /// skipped, which batch runs that only need the document use for speed.
    public func assemble(_ answers: Answers, date: CalendarDate, provenance wantProvenance: Bool = true) -> Briefing {
        let scope = EvaluationScope(blueprint: blueprint, answers: answers, date: date)
        let plan = plan(in: scope, provenance: wantProvenance)
        let (selected, included, essentialMinutes, budget) = (plan.selected, plan.included, plan.essentialMinutes, plan.budgetMinutes)
        let condensed = plan.condensed
        let outcomes = wantProvenance ? plan.outcomes : [ConditionOutcome?](repeating: nil, count: candidates.count)

        let readiness = ReadinessReport(scope: scope)
        var total = 0.0
        var sections: [BriefingSection] = blueprint.sections.map { section in
            var generated: String?
            if let block = section.generated, let readiness {
                generated = ReadinessBlocks.markdown(block, report: readiness)?.trimmingTrailingWhitespace()
                total += generated.map { Double(WordCount.count(in: $0)) / 200 } ?? 0
            }
            return BriefingSection(id: section.id, title: section.title, showTitles: section.showTitles,
                                   generated: generated, generatedBlock: generated == nil ? nil : section.generated, snippets: [])
        }
        var sources: [Citation] = []
        var seenSources = Set<String>()
        var decisions: [SnippetDecision] = []
        if wantProvenance { decisions.reserveCapacity(candidates.count) }

        for (index, snippet) in candidates.enumerated() {
            if included[index] {
                let short = condensed[index]
                let minutes = short ? snippet.summaryMinutes : snippet.minutes
                total += minutes
                let text = (short ? snippet.summary ?? snippet.body : snippet.body).render(in: scope).trimmingTrailingWhitespace()
                sections[sectionOfCandidate[index]].snippets.append(
                    BriefingSnippet(id: snippet.id, title: snippet.title, priority: snippet.priority,
                                    minutes: minutes, markdown: text, condensed: short))
                for source in snippet.sources where seenSources.insert(source.url).inserted {
                    sources.append(source)
                }
            }
            if wantProvenance {
                decisions.append(decision(for: snippet, outcome: outcomes[index], selected: selected[index],
                                          included: included[index], condensed: condensed[index],
                                          pinned: plan.pinned[index], dropped: plan.dropped[index],
                                          duplicateOf: plan.duplicateOf[index].map { candidates[$0].id },
                                          scope: scope))
            }
        }

        // The consultant's notes end their sections.
        for (index, section) in blueprint.sections.enumerated() {
            guard let note = scope.answers.overrides.notes[section.id] else { continue }
            sections[index].note = note
            total += Double(WordCount.count(in: note)) / 200
        }

        // Where the dimensions to work on first are listed, their snippets follow that list's order.
        let focus = scope.computed.focus
        for (index, section) in blueprint.sections.enumerated() where section.generated == .readinessFocus && !focus.isEmpty {
            let rank = { (snippet: BriefingSnippet) in
                self.dimensionOfSnippet[snippet.id].flatMap { focus.firstIndex(of: $0) } ?? focus.count
            }
            sections[index].snippets = sections[index].snippets.enumerated()
                .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        }

        var notes: [String] = []
        if essentialMinutes > budget + 1e-9 {
            notes.append("The essential content alone, with summaries where they exist, needs \(MinutesFormat.short(essentialMinutes)) minutes, over the \(MinutesFormat.short(budget))-minute budget.")
        }
        for (index, section) in blueprint.sections.enumerated() where section.required && !sections[index].hasContent {
            notes.append("No snippet in the library covers the section \"\(section.title)\" for these answers.")
        }

        return Briefing(
            blueprint: blueprint.id,
            title: blueprint.title.renderPlain(in: scope),
            date: date,
            budgetMinutes: budget,
            totalMinutes: (total * 100).rounded() / 100,
            context: contextEntries(scope),
            answers: scope.answers,
            scores: scope.computed.isEmpty ? nil : scope.computed.scores,
            levels: scope.computed.isEmpty ? nil : scope.computed.levels.mapValues(\.rawValue),
            readiness: readiness,
            sections: sections,
            sources: sources,
            provenance: decisions,
            inferences: scope.inferences,
            notes: notes,
            titleMarkdown: blueprint.title.render(in: scope))
    }

    private func decision(for snippet: Snippet, outcome: ConditionOutcome?, selected: Bool, included: Bool,
                          condensed: Bool, pinned: Bool = false, dropped: Bool = false,
                          duplicateOf: String?, scope: EvaluationScope) -> SnippetDecision {
        var reason: SnippetDecision.Reason
        var explanation: String
        switch (outcome, selected, included) {
        case _ where pinned:
            reason = .pinned
            explanation = "pinned by the consultant"
            if let outcome { explanation += outcome.holds ? " (its condition holds too: \(outcome.explanation))"
                                                         : " (its condition is false: \(outcome.explanation))" }
        case _ where dropped:
            reason = .dropped
            explanation = "dropped by the consultant"
            if let outcome, !outcome.holds { explanation += " (its condition is false anyway: \(outcome.explanation))" }
        case (nil, _, true):
            reason = .always
            explanation = "included: no condition"
        case (let outcome?, _, true):
            reason = .conditionTrue
            explanation = "included: condition true: \(outcome.explanation)"
        case (let outcome?, false, _):
            reason = .conditionFalse
            explanation = "condition false: \(outcome.explanation)"
        default:
            if let duplicateOf {
                reason = .duplicate
                explanation = "left out: \(duplicateOf) already covers the same idea"
            } else {
                reason = .overBudget
                explanation = "left out: over the time budget"
            }
        }
        if condensed {
            reason = .condensed
            explanation = "condensed to its summary: over the time budget; " + explanation
        }
        let inferred = (outcome?.reads ?? []).compactMap { scope.inference(of: $0.identifier) }
        for inference in inferred.withoutRepeats() {
            explanation += " (\(inference.explanation))"
        }
        return SnippetDecision(id: snippet.id, section: snippet.section, title: snippet.title,
                               priority: snippet.priority, minutes: condensed ? snippet.summaryMinutes : snippet.minutes,
                               included: included, condensed: condensed, reason: reason,
                               condition: snippet.when?.source, reads: outcome?.reads ?? [],
                               explanation: explanation)
    }

    private func contextEntries(_ scope: EvaluationScope) -> [ContextEntry] {
        blueprint.contextQuestionIDs.compactMap { id in
            guard let question = blueprint.question(id), let text = scope.displayText(of: id) else { return nil }
            if let inference = scope.inference(of: id) {
                return ContextEntry(id: id, label: question.label, answer: text + " (from the \(inference.source))")
            }
            return ContextEntry(id: id, label: question.label, answer: text)
        }
    }
}

/// Formatting minutes for people: `4.2`, `10`.
public enum MinutesFormat {
    public static func short(_ minutes: Double) -> String {
        let rounded = (minutes * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        var start = startIndex
        while start < end, self[start].isNewline { start = index(after: start) }
        return String(self[start..<end])
    }
}
