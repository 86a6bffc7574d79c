import Dispatch

/// Checks a blueprint against every combination of its single-choice answers (and a sample of
/// readiness score patterns): no required section may come out empty, and the priority-1 snippets
/// alone must fit every budget of `minimumBudget` minutes or more.
public enum CoverageChecker {
    /// The budgets tried when the budget comes from a question.
    public static let budgets: [Double] = [5, 10, 20, 30]

    public static func check(_ assembler: Assembler, minimumBudget: Double = 5) -> CoverageReport {
        let space = AnswerSpace(blueprint: assembler.blueprint, budgets: budgets)
        let sectionOfCandidate = assembler.sectionOfCandidate
        let required = assembler.blueprint.sections.indices.filter { assembler.blueprint.sections[$0].required }
        let essential = assembler.candidates.indices.filter { assembler.candidates[$0].priority == 1 }
        let chunks = max(1, min(64, space.count / 256))
        let results = parallelMap(Array(0..<chunks)) { chunk -> CoverageReport in
            var report = CoverageReport(blueprintID: assembler.blueprint.id, combinations: 0, description: space.description)
            var index = chunk
            while index < space.count {
                let answers = space.answers(at: index)
                let scope = EvaluationScope(blueprint: assembler.blueprint, answers: answers)
                report.combinations += 1
                // Priority-1 snippets are always in, so they alone settle the overflow check and, in
                // nearly every combination, fill every required section; the full plan is needed
                // only when a required section has no priority-1 snippet.
                var filled = Set<Int>()
                var essentialMinutes = 0.0
                for candidate in essential where assembler.candidates[candidate].when?.holds(in: scope) ?? true {
                    filled.insert(sectionOfCandidate[candidate])
                    essentialMinutes += assembler.candidates[candidate].minutes
                }
                if required.contains(where: { !filled.contains($0) }) {
                    let plan = assembler.plan(in: scope)
                    for candidate in plan.included.indices where plan.included[candidate] {
                        filled.insert(sectionOfCandidate[candidate])
                    }
                }
                for section in required where !filled.contains(section) {
                    report.record(.emptySection(assembler.blueprint.sections[section].id), index: index,
                                  example: space.describe(answers))
                }
                if scope.budgetMinutes >= minimumBudget, essentialMinutes > scope.budgetMinutes + 1e-9 {
                    report.record(.overflow, index: index,
                                  example: space.describe(answers) + " (needs \(MinutesFormat.short(essentialMinutes)) min)")
                }
                index += chunks
            }
            return report
        }
        return results.dropFirst().reduce(into: results[0]) { $0.merge($1) }
    }
}

/// What the coverage check found for one blueprint.
public struct CoverageReport: Sendable {
    /// The kinds of problem.
    public enum Kind: Sendable, Hashable, Comparable {
        case emptySection(String)
        case overflow
    }

    /// One kind of problem, how often it happened and the first few combinations that show it.
    public struct Problem: Sendable {
        public var kind: Kind
        public var count: Int
        /// (combination index, description), lowest indices first.
        public var examples: [(Int, String)]
    }

    public var blueprintID: String
    public var combinations: Int
    /// What was enumerated, e.g. "nation × sector × … × minutes (5, 10, 20, 30) × drivers (none, all)".
    public var description: String
    public private(set) var problems: [Kind: Problem] = [:]

    init(blueprintID: String, combinations: Int, description: String) {
        self.blueprintID = blueprintID
        self.combinations = combinations
        self.description = description
    }

    mutating func record(_ kind: Kind, index: Int, example: String) {
        var problem = problems[kind] ?? Problem(kind: kind, count: 0, examples: [])
        problem.count += 1
        problem.examples.append((index, example))
        problem.examples.sort { $0.0 < $1.0 }
        if problem.examples.count > 3 { problem.examples.removeLast() }
        problems[kind] = problem
    }

    mutating func merge(_ other: CoverageReport) {
        combinations += other.combinations
        for (kind, problem) in other.problems {
            var merged = problems[kind] ?? Problem(kind: kind, count: 0, examples: [])
            merged.count += problem.count
            merged.examples = Array((merged.examples + problem.examples).sorted { $0.0 < $1.0 }.prefix(3))
            problems[kind] = merged
        }
    }

    public var emptySectionCount: Int {
        problems.values.filter { if case .emptySection = $0.kind { true } else { false } }.reduce(0) { $0 + $1.count }
    }

    public var overflowCount: Int { problems[.overflow]?.count ?? 0 }

    /// Problems in a stable order: empty sections by id, then overflows.
    public var sortedProblems: [Problem] {
        problems.values.sorted { $0.kind < $1.kind }
    }

    /// The summary line lint prints.
    public var summary: String {
        "coverage: \(blueprintID): \(combinations) combinations checked (\(description)): "
            + "\(emptySectionCount) with an empty required section, \(overflowCount) with priority-1 snippets over a budget of 5 minutes or more"
    }

    /// The problems as diagnostics on the blueprint file.
    public func diagnostics(file: String) -> [Diagnostic] {
        sortedProblems.map { problem in
            let examples = problem.examples.map(\.1).joined(separator: "; ")
            let message: String
            switch problem.kind {
            case .emptySection(let section):
                message = "required section '\(section)' is empty in \(problem.count) combination\(problem.count == 1 ? "" : "s"), e.g. \(examples)"
            case .overflow:
                message = "priority-1 snippets alone exceed the budget in \(problem.count) combination\(problem.count == 1 ? "" : "s"), e.g. \(examples)"
            }
            return .error(at: SourceLocation(file: file, line: 1, column: 1), message)
        }
    }
}
