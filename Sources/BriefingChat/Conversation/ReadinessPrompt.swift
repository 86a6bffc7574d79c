import BriefingCore

/// A line the readiness passes wait for that is not one of the blueprint's questions.
enum ReadinessPrompt: Equatable {
    /// The evidence for the self-score just given to a statement.
    case evidence(statement: String)
    /// Who is verifying.
    case verifier
    /// When the verification is done.
    case verificationDate
    /// The verifier's own score for a statement.
    case verifiedScore(statement: String)
    /// The verifier's note on a statement, once scored.
    case verifierNote(statement: String, differs: Bool)
    /// Whether the readiness answers stay with a renamed organisation.
    case keepReadiness(organisation: String)

    /// The prompt word: `evidence> `.
    var name: String {
        switch self {
        case .evidence: "evidence"
        case .verifier: "verifier"
        case .verificationDate: "date"
        case .verifiedScore(let statement): "verify \(statement)"
        case .verifierNote: "note"
        case .keepReadiness: "keep"
        }
    }

    /// How far the question is indented: prompts about one statement sit under it.
    var indent: Int {
        switch self {
        case .evidence, .verifiedScore, .verifierNote: 3
        case .verifier, .verificationDate, .keepReadiness: 0
        }
    }

    /// What the prompt asks.
    var question: String {
        switch self {
        case .evidence:
            "What does this score rest on? One line of evidence, e.g. a document and its date (Enter to skip)."
        case .verifier:
            "Who is verifying? Give a name and organisation, e.g. \"A. Assessor, Example Associates\"."
        case .verificationDate:
            "On what date is the verification done? YYYY-MM-DD, or Enter for today."
        case .verifiedScore:
            "Your verified score: 0 (not yet), 1 (starting), 2 (mostly) or 3 (fully); Enter skips it for now."
        case .verifierNote(_, let differs):
            differs
                ? "Your score differs: note what you saw, in one line (Enter to skip)."
                : "A note, if any (Enter to skip)."
        case .keepReadiness(let organisation):
            "Keep the readiness assessment for \(organisation)? yes keeps its scores, evidence and verification; no clears them."
        }
    }

    /// The help on `?`.
    var help: String {
        switch self {
        case .evidence:
            "Evidence is what a verifier would look at: board minutes, a policy, payment records, a report-back. "
                + "It goes into the report beside the score. Press Enter to skip; /back undoes the score."
        case .verifier, .verificationDate:
            "The verification statement in the report names who verified and when. /back stops and undoes."
        case .verifiedScore:
            "Score the statement on the evidence you have seen, not on the self-score. Enter skips it: "
                + "/verify later offers the skipped ones again. /back undoes the last verified score."
        case .verifierNote:
            "The note appears in the report beside any score that differs from the self-score."
        case .keepReadiness:
            "The readiness answers belong to the organisation they were scored for. Answer yes or no."
        }
    }
}

/// A state to go back to with `/back`: the main interview's answers and the whole assessment.
struct UndoState {
    var answers: Answers
    var skipped: Set<String>
    var assessment: Interview?
    var note: String
    var rescoring: [String] = []
}

/// "2 - minutes of the March board": a score, and the evidence typed after it on the same line.
enum ScoredLine {
    static func split(_ line: String) -> (score: Int, evidence: String)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, let score = first.wholeNumberValue, (0...3).contains(score) else { return nil }
        let rest = trimmed.dropFirst()
        guard let separator = rest.first, ",;:-–—(".contains(separator) || separator == " " else { return nil }
        let evidence = rest.drop { ",;:-–—( ".contains($0) }.trimmingCharacters(in: .whitespaces)
        guard !evidence.isEmpty, evidence.first?.isNumber == false else { return nil }
        // After a bare space, one or two words may be the score's own label ("2 mostly").
        if separator == " ", evidence.split(separator: " ").count < 3 { return nil }
        return (score, evidence.hasSuffix(")") && separator == "(" ? String(evidence.dropLast()) : evidence)
    }
}
