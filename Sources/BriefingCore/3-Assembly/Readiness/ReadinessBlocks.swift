/// The Markdown of the blocks the engine writes for an assessment: the scores table and bars, the
/// verification, and the dimensions to work on first. Every answer in them is escaped.
enum ReadinessBlocks {
    static func markdown(_ block: GeneratedBlock, report: ReadinessReport) -> String? {
        switch block {
        case .readinessScores: scores(report)
        case .readinessVerification: verification(report)
        case .readinessFocus: focus(report)
        }
    }

    // MARK: Scores

    static func scores(_ report: ReadinessReport) -> String {
        var out = statusLine(report.verification) + "\n\n"
        let verified = report.verification.status != .none
        if verified {
            out += "| Dimension | Self | Verified | Difference | Verified level |\n|---|--:|--:|--:|---|\n"
            for dimension in report.dimensions {
                out += "| \(escape(dimension.title)) | \(number(dimension.score)) | \(number(dimension.verifiedScore)) | "
                    + "\(signed(dimension.difference)) | \(dimension.verifiedLevel?.label ?? "–") |\n"
            }
            out += "| **Overall** | **\(number(report.overall.score))** | **\(number(report.overall.verifiedScore))** | "
                + "**\(signed(report.overall.difference))** | **\(report.overall.verifiedLevel?.label ?? "–")** |\n"
        } else {
            out += "| Dimension | Score | Level |\n|---|--:|---|\n"
            for dimension in report.dimensions {
                out += "| \(escape(dimension.title)) | \(number(dimension.score)) | \(dimension.level?.label ?? "not scored") |\n"
            }
            out += "| **Overall** | **\(number(report.overall.score))** | **\(report.overall.level?.label ?? "–")** |\n"
        }
        out += "\nScores are out of 100: below 25 is Starting, 25 to 49 Developing, 50 to 74 Established, 75 or more Embedded.\n\n"
        out += "```text\n" + chart(report) + "```\n"
        if let sentence = capSentence(report) { out += "\n" + sentence + "\n" }
        return out
    }

    /// "**Self-assessed, not independently verified.** …" or "**Independently verified** by …".
    static func statusLine(_ verification: VerificationSummary) -> String {
        switch verification.status {
        case .none:
            return "**Self-assessed, not independently verified.** These are the organisation's own scores."
        case .partial, .complete:
            var line = "**Independently verified"
            if let verifier = verification.verifier { line += "** by \(escape(verifier))" } else { line += "**" }
            if let date = verification.date { line += " on \(date.longForm)" }
            line += ": \(verification.statementsVerified) of \(verification.statements) statements"
            if verification.status == .partial {
                let rest = verification.statements - verification.statementsVerified
                line += "; the other \(rest) keep their self-score\(rest == 1 ? "" : "s")"
            }
            return line + "."
        }
    }

    /// Unicode block bars, one line per score, labels padded to line up.
    static func chart(_ report: ReadinessReport) -> String {
        let verified = report.verification.status != .none
        let labels = report.dimensions.map(\.title) + ["Overall"]
        let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 0
        func pad(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
        }
        let rows = report.dimensions.map { ($0.title, $0.score, $0.verifiedScore) }
            + [("Overall", report.overall.score, report.overall.verifiedScore)]
        var out = ""
        for (title, own, checked) in rows {
            if verified {
                out += title + "\n"
                out += "  " + pad("Self", 10) + (own.map { ScoreBar.line($0) } ?? "not scored") + "\n"
                out += "  " + pad("Verified", 10) + (checked.map { ScoreBar.line($0) } ?? "not scored") + "\n"
            } else {
                out += pad(title, labelWidth + 2) + (own.map { ScoreBar.line($0) } ?? "not scored") + "\n"
            }
        }
        return out
    }

    /// Why the overall level is lower than the average score alone would give, when it is.
    static func capSentence(_ report: ReadinessReport) -> String? {
        let verified = report.verification.status != .none
        let overall = report.overall
        let (level, average, cappedBy, score) = verified
            ? (overall.verifiedLevel, overall.verifiedAverageLevel, overall.verifiedCappedBy, overall.verifiedScore)
            : (overall.level, overall.averageLevel, overall.cappedBy, overall.score)
        guard let level, let average, let cappedBy, let score,
              let weakest = report.dimensions.first(where: { $0.id == cappedBy }) else {
            return level.map { "Overall level: **\($0.label)**." }
        }
        let weakestLevel = (verified ? weakest.verifiedLevel : weakest.level)?.label ?? "low"
        return "Overall level: **\(level.label)**. The average\(verified ? " verified" : "") score of \(score) would be "
            + "\(average.label), but the overall level is never more than one level above the weakest dimension, "
            + "and \(escape(weakest.title)) is at \(weakestLevel)."
    }

    // MARK: Verification

    static func verification(_ report: ReadinessReport) -> String? {
        let summary = report.verification
        guard summary.status != .none else { return nil }
        let who = summary.verifier.map(escape) ?? "An independent verifier"
        var out = "\(who) checked the self-scores against the evidence"
        if let date = summary.date { out += " on \(date.longForm)" }
        out += summary.status == .complete
            ? ", and scored all \(summary.statements) statements."
            : ", and scored \(summary.statementsVerified) of the \(summary.statements) statements."
        out += " The organisation gave evidence for \(summary.statementsWithEvidence) of its \(summary.statements) self-scores.\n\n"
        let differences = report.differences
        let titles = Dictionary(report.dimensions.map { ($0.id, $0.title) }) { first, _ in first }
        if differences.isEmpty {
            out += "On every statement the verifier scored, the verified score matches the self-score.\n"
            return out
        }
        out += differences.count == 1
            ? "On one statement the verifier's score differs from the self-score:\n\n"
            : "On \(differences.count) statements the verifier's score differs from the self-score:\n\n"
        for statement in differences {
            out += "- **\(escape(titles[statement.dimension] ?? statement.dimension)):** \(escape(statement.text)) "
                + "Self \(number(statement.score)), verified \(number(statement.verifiedScore)) (\(signed(statement.difference))).\n"
            out += "  - Evidence given: " + (statement.evidence.map(escape) ?? "none") + "\n"
            out += "  - Verifier's note: " + (statement.note.map(escape) ?? "none") + "\n"
        }
        return out
    }

    // MARK: Focus

    static func focus(_ report: ReadinessReport) -> String? {
        guard !report.focus.isEmpty else { return nil }
        var out = report.focus.count == 1
            ? "Work on this dimension first:\n\n"
            : "Work on these two dimensions first, weakest first:\n\n"
        out += "| Dimension | Baseline today | Target at re-score | Owner | Re-score by |\n|---|---|---|---|---|\n"
        for area in report.focus {
            let basis = switch area.baselineVerification {
            case .complete: "verified"
            case .partial: "partly verified"
            case .none: "self-assessed"
            }
            var target = "–"
            if let score = area.target, let level = area.targetLevel {
                target = "\(score) or more (\(level.label))"
                if let points = area.pointsNeeded {
                    target += ": \(points) more point\(points == 1 ? "" : "s") across its \(area.statements) statements"
                }
            }
            out += "| \(escape(area.title)) | \(area.baseline) (\(area.baselineLevel.label), \(basis)) | \(target) | "
                + "\(area.owner.map(escape) ?? "–") | \(report.rescoreDate?.longForm ?? "–") |\n"
        }
        return out
    }

    // MARK: Helpers

    private static func escape(_ text: String) -> String { MarkdownEscaping.escape(text) }

    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "–" }

    /// "+11", "−22", "0".
    private static func signed(_ value: Int?) -> String {
        guard let value else { return "–" }
        return value > 0 ? "+\(value)" : value < 0 ? "−\(-value)" : "0"
    }
}
