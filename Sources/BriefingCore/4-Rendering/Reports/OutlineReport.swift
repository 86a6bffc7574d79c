/// The shape of a briefing at a glance: sections, snippet titles and minutes against the budget.
public enum OutlineReport {
    /// Lines fit `width` columns, so the outline reads in an 80-column terminal.
    public static func text(_ briefing: Briefing, width: Int = 78) -> String {
        var out = "Outline: \(MinutesFormat.short(briefing.totalMinutes)) of \(MinutesFormat.short(briefing.budgetMinutes)) minutes\n"
        let pinned = Set(briefing.provenance.filter { $0.reason == .pinned }.map(\.id))
        for section in briefing.sections where section.hasContent {
            let minutes = section.snippets.reduce(0) { $0 + $1.minutes }
            out += "\n  \(section.title) (\(MinutesFormat.short(minutes)) min)\n"
            if section.generated != nil {
                out += "    • Written from the scores: tables and bars\n"
            }
            for snippet in section.snippets {
                let title = TextWrapper.wrap(snippet.title, width: width - 6)
                out += "    • " + title.joined(separator: "\n      ") + "\n"
                out += "      \(snippet.id) · \(MinutesFormat.short(snippet.minutes)) min" + (snippet.condensed ? " · summary" : "")
                    + (pinned.contains(snippet.id) ? " · pinned by the consultant" : "") + "\n"
            }
            if section.note != nil {
                out += "    • Consultant's note\n"
            }
        }
        if !briefing.sources.isEmpty {
            out += "\n  Sources (\(briefing.sources.count))\n"
        }
        let dropped = briefing.provenance.filter { $0.reason == .dropped }.map(\.id)
        if !dropped.isEmpty {
            out += "\n  Dropped by the consultant: " + TextWrapper.wrap(dropped.joined(separator: ", "), width: width - 30)
                .joined(separator: "\n    ") + "\n"
        }
        let left = briefing.provenance.filter { $0.reason == .overBudget }
        if !left.isEmpty {
            out += "\n  Left out for time: \(left.count) snippet\(left.count == 1 ? "" : "s") ("
                + "\(MinutesFormat.short(left.reduce(0) { $0 + $1.minutes })) min) that a larger budget would include\n"
        }
        for inference in briefing.inferences { out += "\n  Note: \(inference.explanation)\n" }
        for note in briefing.notes { out += "\n  Note: \(note)\n" }
        return out
    }
}
