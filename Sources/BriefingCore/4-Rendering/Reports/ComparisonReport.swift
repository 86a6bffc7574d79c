/// Human-readable comparison of two briefings, for `briefing diff` and the chat's `/whatif`.
public enum ComparisonReport {
    public static func text(_ comparison: BriefingComparison) -> String {
        var out = ""
        for change in comparison.answerChanges {
            out += "\(change.id): \(change.before ?? "(unanswered)") -> \(change.after ?? "(unanswered)")\n"
        }
        if !comparison.answerChanges.isEmpty { out += "\n" }
        if comparison.isEmpty {
            out += "The briefing would not change.\n"
        } else {
            let rows = comparison.added.map { ["  +", $0.id, $0.section, MinutesFormat.short($0.minutes) + " min", $0.title] }
                + comparison.removed.map { ["  -", $0.id, $0.section, MinutesFormat.short($0.minutes) + " min", $0.title] }
            out += TextTable.format(rows)
        }
        let delta = (comparison.minutesDelta * 10).rounded() / 10
        let sign = delta > 0 ? "+" : delta < 0 ? "-" : "±"
        out += "\n\(comparison.added.count) added, \(comparison.removed.count) removed; minutes "
            + "\(MinutesFormat.short(comparison.minutesBefore)) -> \(MinutesFormat.short(comparison.minutesAfter)) "
            + "(\(sign)\(MinutesFormat.short(abs(delta))))\n"
        return out
    }
}
