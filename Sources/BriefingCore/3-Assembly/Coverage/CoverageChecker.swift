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
        // A section whose generated block is written whenever there are scores is never empty.
        let required = blueprint.sections.indices.filter {
            blueprint.sections[$0].required && !(blueprint.sections[$0].generated?.isAlwaysWritten ?? false)
        }
        // Sections as bits, so a combination's filled sections cost no allocation; a blueprint with
        // more than 64 sections always takes the full plan.
        let requiredMask = required.reduce(UInt64(0)) { $0 | 1 << UInt64($1 & 63) }
        // Priority-1 snippets in fill order, as the assembler condenses them.
        let essential = assembler.fillOrder.filter { assembler.candidates[$0].priority == 1 }
        // Per essential snippet: the earlier ones that state one of its ideas, as the plan sees them.
        let earlierSharing = essential.indices.map { position in
            let ideas = Set(assembler.ideasOfCandidate[essential[position]])
            return (0..<position).filter { !ideas.isDisjoint(with: assembler.ideasOfCandidate[essential[$0]]) }
        }
        let tables = EssentialTables(assembler: assembler, essential: essential, earlierSharing: earlierSharing, space: space)
        // A combination whose essentials leave a required section empty, or overrun a budget of
        // `minimumBudget` or more, is recorded; the full plan settles whether a section is empty.
        let visit: @Sendable (Int, UInt64, Double, Double, inout CoverageReport) -> Void = { index, filled, shortest, budget, report in
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
        }
        let results: [CoverageReport]
        if let tables {
            // Walk the answers digit by digit, evaluating each essential snippet once per combination
            // of the answers it reads rather than once per combination of all of them.
            let prefixes = tables.prefixes
            results = parallelMap(Array(prefixes.indices)) { item -> CoverageReport in
                var report = CoverageReport(blueprintID: blueprint.id, combinations: 0, description: space.description)
                let walk = CoverageWalk(tables: tables, radices: space.radices, requiredMask: requiredMask,
                                        minimumBudget: minimumBudget, sectionCount: blueprint.sections.count)
                // Only combinations that may have a problem reach `visit`; the rest are counted.
                walk.run(prefix: prefixes[item]) { digits, filled, shortest in
                    visit(space.encode(digits), filled, shortest, tables.budget(digits), &report)
                }
                report.combinations += walk.leaves
                return report
            }
        } else {
            let chunks = max(1, min(64, space.count / 4096))
            results = parallelMap(Array(0..<chunks)) { chunk -> CoverageReport in
                var report = CoverageReport(blueprintID: blueprint.id, combinations: 0, description: space.description)
                var holds = [Bool](repeating: false, count: essential.count)
                var index = chunk
                while index < space.count {
                    let scope = EvaluationScope(blueprint: blueprint, answers: space.answers(at: index))
                    var filled: UInt64 = 0
                    var shortest = 0.0
                    for (position, candidate) in essential.enumerated() {
                        let snippet = assembler.candidates[candidate]
                        holds[position] = (snippet.when?.holds(in: scope) ?? true)
                            && !earlierSharing[position].contains { holds[$0] }
                        guard holds[position] else { continue }
                        filled |= 1 << UInt64(sectionOfCandidate[candidate] & 63)
                        shortest += snippet.summary == nil ? snippet.minutes : snippet.summaryMinutes
                    }
                    visit(index, filled, shortest, scope.budgetMinutes, &report)
                    report.combinations += 1
                    index += chunks
                }
                return report
            }
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
                    for digit in digits {
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
        shortest = essential.map { candidate in
            let snippet = assembler.candidates[candidate]
            return snippet.summary == nil ? snippet.minutes : snippet.summaryMinutes
        }
        sectionBits = essential.map { 1 << UInt64(assembler.sectionOfCandidate[$0] & 63) }
        // A snippet kept out by an earlier one on the same idea also depends on that one's digits.
        var effective: [Set<Int>] = []
        for position in essential.indices {
            var digits = Set(digitsRead[position])
            for earlier in earlierSharing[position] { digits.formUnion(effective[earlier]) }
            effective.append(digits)
        }
        let readers = radices.indices.map { digit in effective.filter { $0.contains(digit) }.count }
        let order = radices.indices.sorted { (readers[$0], -$0) > (readers[$1], -$1) }
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var atLevel = [[Int]](repeating: [], count: order.count)
        var root: [Int] = []
        for position in essential.indices {
            if let deepest = effective[position].map({ rank[$0]! }).max() {
                atLevel[deepest].append(position)
            } else {
                root.append(position)
            }
        }
        levelOrder = order
        snippetsAtLevel = atLevel
        rootSnippets = root
        // Enough starting points for both cores: the first level's values, or the first two levels'.
        var starts: [[Int]] = [[]]
        for level in order.indices.prefix(2) where starts.count <= 8 {
            starts = starts.flatMap { prefix in (0..<radices[order[level]]).map { prefix + [$0] } }
        }
        prefixes = starts
        if case .minutes(let minutes) = assembler.blueprint.budget {
            budgets = [minutes]
        } else {
            budgets = space.budgets
        }
    }

    /// Per essential snippet: its reading time with a summary, and its section as a bit.
    let shortest: [Double]
    let sectionBits: [UInt64]
    /// The digits in the order the walk sets them: the most read first, so that the inner levels,
    /// which run most often, evaluate the fewest snippets.
    let levelOrder: [Int]
    /// Per level: the essential snippets (positions, in fill order) evaluated once that level's digit
    /// is set; `rootSnippets` read no digit at all.
    let snippetsAtLevel: [[Int]]
    let rootSnippets: [Int]
    /// Each worker's starting point: values for the first one or two levels.
    let prefixes: [[Int]]

    /// Whether the essential snippet at `position` is in, given the digits set so far and the
    /// snippets already decided.
    func holds(_ position: Int, _ digits: [Int], _ holds: [Bool]) -> Bool {
        var entry = 0
        for (digit, stride) in zip(digitsRead[position], strides[position]) { entry += digits[digit] * stride }
        return tables[position][entry] && !earlierSharing[position].contains { holds[$0] }
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

/// One worker's walk over the combinations that start with a prefix: each level sets one digit and
/// evaluates the essential snippets whose answers are then all known, carrying the filled sections
/// and the reading time down to the leaves.
private final class CoverageWalk {
    let tables: EssentialTables
    let radices: [Int]
    let requiredMask: UInt64
    let minimumBudget: Double
    let alwaysCheck: Bool
    var digits: [Int]
    var holds: [Bool]
    /// The combinations walked so far.
    var leaves = 0

    init(tables: EssentialTables, radices: [Int], requiredMask: UInt64, minimumBudget: Double, sectionCount: Int) {
        self.tables = tables
        self.radices = radices
        self.requiredMask = requiredMask
        self.minimumBudget = minimumBudget
        alwaysCheck = sectionCount > 64
        digits = [Int](repeating: 0, count: radices.count)
        holds = [Bool](repeating: false, count: tables.shortest.count)
    }

    func run(prefix: [Int], leaf: ([Int], UInt64, Double) -> Void) {
        var filled: UInt64 = 0
        var shortest = 0.0
        for position in tables.rootSnippets { add(position, &filled, &shortest) }
        for (level, value) in prefix.enumerated() {
            digits[tables.levelOrder[level]] = value
            for position in tables.snippetsAtLevel[level] { add(position, &filled, &shortest) }
        }
        walk(level: prefix.count, filled: filled, shortest: shortest, leaf: leaf)
    }

    private func add(_ position: Int, _ filled: inout UInt64, _ shortest: inout Double) {
        let isIn = tables.holds(position, digits, holds)
        holds[position] = isIn
        if isIn {
            filled |= tables.sectionBits[position]
            shortest += tables.shortest[position]
        }
    }

    private func walk(level: Int, filled: UInt64, shortest: Double, leaf: ([Int], UInt64, Double) -> Void) {
        guard level < tables.levelOrder.count else {
            leaves += 1
            let budget = tables.budget(digits)
            if alwaysCheck || filled & requiredMask != requiredMask || (budget >= minimumBudget && shortest > budget + 1e-9) {
                leaf(digits, filled, shortest)
            }
            return
        }
        let digit = tables.levelOrder[level]
        let snippets = tables.snippetsAtLevel[level]
        for value in 0..<radices[digit] {
            digits[digit] = value
            var levelFilled = filled
            var levelShortest = shortest
            for position in snippets { add(position, &levelFilled, &levelShortest) }
            walk(level: level + 1, filled: levelFilled, shortest: levelShortest, leaf: leaf)
        }
    }
}
