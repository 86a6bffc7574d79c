/// Human-readable comparison of two briefings, for `briefing diff` and the chat's `/whatif`.
public enum ComparisonReport {
    /// Lines fit `width` columns, so the report reads in an 80-column terminal.
    public static func text(_ comparison: BriefingComparison, width: Int = 78) -> String {
        var out = ""
        for change in comparison.answerChanges {
            out += "\(change.id): \(change.before ?? "(unanswered)") -> \(change.after ?? "(unanswered)")\n"
        }
        if !comparison.answerChanges.isEmpty { out += "\n" }
        if comparison.isEmpty {
            out += "The briefing would not change.\n"
        } else {
            for (sign, changes) in [("+", comparison.added), ("-", comparison.removed)] {
                for change in changes {
                    out += "  \(sign) " + TextWrapper.wrap(change.title, width: width - 4).joined(separator: "\n    ") + "\n"
                    out += "    \(change.id) · \(change.section) · \(MinutesFormat.short(change.minutes)) min\n"
                }
            }
        }
        let delta = (comparison.minutesDelta * 10).rounded() / 10
        let sign = delta > 0 ? "+" : delta < 0 ? "-" : "±"
        out += "\n\(comparison.added.count) added, \(comparison.removed.count) removed; minutes "
            + "\(MinutesFormat.short(comparison.minutesBefore)) -> \(MinutesFormat.short(comparison.minutesAfter)) "
            + "(\(sign)\(MinutesFormat.short(abs(delta))))\n"
        return out
    }
}
