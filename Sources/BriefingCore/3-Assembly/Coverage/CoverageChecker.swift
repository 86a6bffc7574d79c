import Dispatch

/// Checks a blueprint against every combination of its single-choice answers (and a sample of
/// readiness score patterns): no required section may come out empty, and the priority-1 snippets
/// alone, condensed to their summaries where they have one, must fit every budget of
/// `minimumBudget` minutes or more.
public enum CoverageChecker {
    /// The budgets tried when the budget comes from a question.
    public static let budgets: [Double] = [3, 5, 10, 20, 30]

    public static func check(_ assembler: Assembler, minimumBudget: Double = 3) -> CoverageReport {
        let blueprint = assembler.blueprint
        let space = AnswerSpace(blueprint: blueprint, budgets: budgets)
        let sectionOfCandidate = assembler.sectionOfCandidate
        let required = blueprint.sections.indices.filter { blueprint.sections[$0].required }
        // Sections as bits, so a combination's filled sections cost no allocation; a blueprint with
        // more than 64 sections always takes the full plan.
        let requiredMask = required.reduce(UInt64(0)) { $0 | 1 << UInt64($1 & 63) }
        // Priority-1 snippets in fill order, as the assembler condenses them.
        let essential = assembler.fillOrder.filter { assembler.candidates[$0].priority == 1 }
        let earlierSharing = essential.indices.map { position in
            let ideas = Set(assembler.candidates[essential[position]].covers)
            return (0..<position).filter { !ideas.isDisjoint(with: assembler.candidates[essential[$0]].covers) }
        }
        let tables = EssentialTables(assembler: assembler, essential: essential, earlierSharing: earlierSharing, space: space)
        let chunks = max(1, min(64, space.count / 4096))
        let results = parallelMap(Array(0..<chunks)) { chunk -> CoverageReport in
            var report = CoverageReport(blueprintID: blueprint.id, combinations: 0, description: space.description)
            var holds = [Bool](repeating: false, count: essential.count)
            var digits = [Int](repeating: 0, count: space.radices.count)
            var index = chunk
            while index < space.count {
                report.combinations += 1
                var filled: UInt64 = 0
                var shortest = 0.0
                var budget = 0.0
                if let tables {
                    space.decode(index, into: &digits)
                    tables.evaluate(digits, into: &holds)
                    budget = tables.budget(digits)
                } else {
                    let scope = EvaluationScope(blueprint: blueprint, answers: space.answers(at: index))
                    for (position, candidate) in essential.enumerated() {
                        holds[position] = (assembler.candidates[candidate].when?.holds(in: scope) ?? true)
                            && !earlierSharing[position].contains { holds[$0] }
                    }
                    budget = scope.budgetMinutes
                }
                for (position, candidate) in essential.enumerated() where holds[position] {
                    let snippet = assembler.candidates[candidate]
                    filled |= 1 << UInt64(sectionOfCandidate[candidate] & 63)
                    shortest += snippet.summary == nil ? snippet.minutes : snippet.summaryMinutes
                }
                // Priority-1 snippets nearly always fill every required section; the full plan is
                // needed only when one has none.
                if blueprint.sections.count > 64 || filled & requiredMask != requiredMask {
                    let answers = space.answers(at: index)
                    let plan = assembler.plan(in: EvaluationScope(blueprint: blueprint, answers: answers))
                    var planned = Set<Int>()
                    for candidate in plan.included.indices where plan.included[candidate] {
                        planned.insert(sectionOfCandidate[candidate])
                    }
                    for section in required where !planned.contains(section) {
                        report.record(.emptySection(blueprint.sections[section].id), index: index,
                                      example: space.describe(answers))
                    }
                }
                if budget >= minimumBudget, shortest > budget + 1e-9 {
                    report.record(.overflow, index: index,
                                  example: space.describe(space.answers(at: index))
                                      + " (needs \(MinutesFormat.short(shortest)) min with summaries)")
                }
                index += chunks
            }
            return report
        }
        var report = results.dropFirst().reduce(into: results[0]) { $0.merge($1) }
        report.minimumBudget = minimumBudget
        return report
    }
}

/// The priority-1 conditions as truth tables over the few answers each reads, so the coverage check
/// evaluates a combination with table look-ups instead of assembling answers. A snippet that covers
/// an idea an earlier one in fill order already states is dropped, as the assembler drops it.
private struct EssentialTables: Sendable {
    /// Per essential snippet: the digits it reads, their strides into its table, and the table.
    let digitsRead: [[Int]]
    let strides: [[Int]]
    let tables: [[Bool]]
    /// Per essential snippet: the earlier essential snippets (positions) that share an idea with it.
    let earlierSharing: [[Int]]
    let budgets: [Double]

    init?(assembler: Assembler, essential: [Int], earlierSharing: [[Int]], space: AnswerSpace) {
        let radices = space.radices
        var digitsRead: [[Int]] = [], strides: [[Int]] = [], tables: [[Bool]] = []
        for candidate in essential {
            let snippet = assembler.candidates[candidate]
            var read = Set<Int>()
            for identifier in snippet.when?.expression.identifiers ?? [] {
                guard let digits = space.digits(reading: identifier) else { return nil }
                read.formUnion(digits)
            }
            let digits = read.sorted()
            var stride = 1
            var digitStrides: [Int] = []
            for digit in digits {
                digitStrides.append(stride)
                stride *= radices[digit]
            }
            // Evaluate the condition once per combination of the digits it reads, with every other
            // digit at 0.
            var table = [Bool](repeating: true, count: stride)
            if let condition = snippet.when {
                var full = [Int](repeating: 0, count: radices.count)
                for entry in 0..<stride {
                    var rest = entry
                    for (position, digit) in digits.enumerated() {
                        full[digit] = rest % radices[digit]
                        rest /= radices[digit]
                    }
                    let scope = EvaluationScope(blueprint: assembler.blueprint, answers: space.answers(at: space.encode(full)))
                    table[entry] = condition.holds(in: scope)
                }
            }
            digitsRead.append(digits)
            strides.append(digitStrides)
            tables.append(table)
        }
        self.digitsRead = digitsRead
        self.strides = strides
        self.tables = tables
        self.earlierSharing = earlierSharing
        if case .minutes(let minutes) = assembler.blueprint.budget {
            budgets = [minutes]
        } else {
            budgets = space.budgets
        }
    }

    /// Which essential snippets are in for the combination with these digits.
    func evaluate(_ digits: [Int], into holds: inout [Bool]) {
        for position in tables.indices {
            var entry = 0
            for (digit, stride) in zip(digitsRead[position], strides[position]) { entry += digits[digit] * stride }
            holds[position] = tables[position][entry] && !earlierSharing[position].contains { holds[$0] }
        }
    }

    /// The reading-time budget of the combination: the budget digit picks it, or the blueprint fixes it.
    func budget(_ digits: [Int]) -> Double { budgets[budgets.count == 1 ? 0 : digits[0]] }
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
    /// The smallest budget the overflow check applies to.
    public var minimumBudget: Double = 3
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
            + "\(emptySectionCount) with an empty required section, \(overflowCount) with priority-1 snippets (condensed to their summaries) over a budget of \(MinutesFormat.short(minimumBudget)) minutes or more"
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
                message = "priority-1 snippets alone, condensed to their summaries, exceed the budget in \(problem.count) combination\(problem.count == 1 ? "" : "s"), e.g. \(examples)"
            }
            return .error(at: SourceLocation(file: file, line: 1, column: 1), message)
        }
    }
}
