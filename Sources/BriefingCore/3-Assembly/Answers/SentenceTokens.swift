/// A sentence's words, as `PhraseMatcher.words` gives them, with the clause each word is in, so that
/// a denial ("not budget pressure, just trust") reaches only the words it is about.
struct SentenceTokens {
    /// The lower-case words, exactly as `PhraseMatcher.words(text)` splits them.
    let words: [String]
    /// For each word, the number of the clause it belongs to; punctuation (`,;:.!?()`) starts a clause.
    let clauses: [Int]

    init(_ text: String) {
        var words: [String] = [], clauses: [Int] = []
        var clause = 0
        var part = ""
        func flush() {
            let partWords = PhraseMatcher.words(part)
            words += partWords
            clauses += Array(repeating: clause, count: partWords.count)
            clause += 1
            part = ""
        }
        for character in text {
            if Self.clauseBreaks.contains(character) { flush() } else { part.append(character) }
        }
        flush()
        self.words = words
        self.clauses = clauses
    }

    /// True when a denial stands in the three words before `position`, in the same clause and with
    /// no turn ("but", "just") between: "not budget pressure", "no real trust", "rather than net zero".
    func isDenied(at position: Int) -> Bool {
        var index = position - 1
        while index >= 0, index >= position - Self.reach, clauses[index] == clauses[position] {
            let word = words[index]
            if Self.turns.contains(word) { return false }
            if Self.denials.contains(word) { return true }
            if index > 0, clauses[index - 1] == clauses[position],
               Self.twoWordDenials.contains(words[index - 1] + " " + word) { return true }
            index -= 1
        }
        return false
    }

    private static let reach = 3
    private static let clauseBreaks: Set<Character> = [",", ";", ":", ".", "!", "?", "(", ")"]
    /// Words that deny what follows them: "not", "without", "isn't" …
    static let denials: Set<String> = [
        "not", "no", "never", "without", "except", "excluding", "nor", "neither", "isn't", "isnt", "aren't", "arent",
        "wasn't", "weren't", "don't", "dont", "doesn't", "doesnt", "didn't", "haven't", "hasn't", "won't", "can't", "cannot",
    ]
    private static let twoWordDenials: Set<String> = ["rather than", "other than", "instead of", "apart from"]
    /// Words that turn a sentence back after a denial: "not budget pressure but trust".
    private static let turns: Set<String> = ["but", "just", "only", "instead", "rather", "mainly", "mostly"]
}
