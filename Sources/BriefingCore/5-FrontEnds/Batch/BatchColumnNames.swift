/// The names a CSV header may give its columns, matched case-insensitively: the question ids of
/// the library's blueprints (`Nation`, `ORGANISATION`), `blueprint`, and the dotted assessment and
/// override keys (`evidence.ID`, `verification.scores.ID`, `overrides.notes.SECTION`).
public struct BatchColumnNames: Sendable {
    /// Every question id, by its lowercased form; on a clash, the first in sorted order.
    private let questions: [String: String]
    private let sections: [String: String]
    /// The values and labels, lowercased, of each choice and multi-choice question (in any blueprint).
    private let optionWords: [String: Set<String>]
    private let multiChoice: Set<String>

    /// Names known to `library`'s blueprints.
    public init(library: ContentLibrary) {
        let questions = library.blueprints.flatMap(\.questions)
        var words: [String: Set<String>] = [:]
        for question in questions where question.kind == .choice || question.kind == .multi {
            words[question.id, default: []].formUnion(question.options.flatMap { [$0.value.lowercased(), $0.label.lowercased()] })
        }
        self.init(questionIDs: questions.map(\.id), sectionIDs: library.blueprints.flatMap { $0.sections.map(\.id) },
                  optionWords: words, multiChoice: Set(questions.filter { $0.kind == .multi }.map(\.id)))
    }

    /// No library: names are kept as written, and only `blueprint` and the dotted keys are known.
    public init() {
        self.init(questionIDs: [], sectionIDs: [])
    }

    init(questionIDs: [String], sectionIDs: [String], optionWords: [String: Set<String>] = [:], multiChoice: Set<String> = []) {
        func byLowercase(_ ids: [String]) -> [String: String] {
            Dictionary(Set(ids).sorted().map { ($0.lowercased(), $0) }) { first, _ in first }
        }
        questions = byLowercase(questionIDs)
        sections = byLowercase(sectionIDs)
        self.optionWords = optionWords
        self.multiChoice = multiChoice
    }

    /// For a file with `;` between columns, where an unquoted multi-choice cell (`trust;net-zero`)
    /// spills into the cells after it: for each column of `header` that holds a multi-choice
    /// question and is followed by another, the words (lowercased) that, alone in the next cell,
    /// show the spill: the question's option values and labels, less those the next column takes.
    func spillWords(after header: [String]) -> [(column: Int, words: Set<String>)] {
        header.indices.dropLast().compactMap { index in
            guard multiChoice.contains(header[index]), let words = optionWords[header[index]] else { return nil }
            let spilled = words.subtracting(optionWords[header[index + 1]] ?? [])
            return spilled.isEmpty ? nil : (index, spilled)
        }
    }

    /// The id `name` stands for: itself when it is one exactly, else the id it spells in other case;
    /// a name that matches nothing is kept as written, for the did-you-mean of the unknown column.
    public func canonical(_ name: String) -> String {
        if questions[name] == name { return name }
        let lowered = name.lowercased()
        if let id = questions[lowered] { return id }
        if lowered == BatchRowDecoder.blueprintKey { return lowered }
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { return name }
        let root = parts[0].lowercased()
        guard AssessmentField.roots.contains(root) || root == OverrideField.root else { return name }
        parts[0] = root
        func id(_ part: String, in ids: [String: String]) -> String {
            ids[part] == part ? part : ids[part.lowercased()] ?? part
        }
        if root == "evidence" {
            parts[1] = id(parts[1], in: questions)
        } else {
            parts[1] = parts[1].lowercased()
            if parts.count >= 3 { parts[2] = id(parts[2], in: root == OverrideField.root ? sections : questions) }
        }
        return parts.joined(separator: ".")
    }

    /// True when `name` (in any case) names a question, `blueprint`, or a dotted assessment or
    /// override key: what delimiter detection counts.
    public func isKnown(_ name: String) -> Bool {
        let id = canonical(name)
        return questions[id.lowercased()] == id || id == BatchRowDecoder.blueprintKey
            || (id.contains(".") && (AssessmentField.isAssessmentKey(id) || OverrideField.isOverrideKey(id)))
    }
}
