/// Human-readable provenance: why each snippet is in or out.
public enum ProvenanceReport {
    /// A table of every decision, grouped by section, with a summary line.
    public static func text(_ decisions: [SnippetDecision], briefing: Briefing, blueprint: Blueprint) -> String {
        var out = "\(briefing.title): \(MinutesFormat.short(briefing.totalMinutes)) of \(MinutesFormat.short(briefing.budgetMinutes)) minutes\n"
        for inference in briefing.inferences { out += "\(inference.explanation)\n" }
        for section in blueprint.sections {
            let inSection = decisions.filter { $0.section == section.id }
            guard !inSection.isEmpty else { continue }
            out += "\n\(section.title) (\(section.id))\n"
            out += TextTable.format(inSection.map { decision in
                ["  " + (decision.condensed ? "SUM" : decision.included ? "IN " : "OUT"), decision.id, "p\(decision.priority)",
                 MinutesFormat.short(decision.minutes) + " min", decision.explanation]
            })
        }
        let included = decisions.filter(\.included).count
        let condensed = decisions.filter(\.condensed).count
        out += "\n\(included) in" + (condensed > 0 ? " (\(condensed) as summaries)" : "") + ", \(decisions.count - included) out\n"
        return out
    }

    /// One decision in full, for `/why` and `/whynot`.
    public static func detail(_ decision: SnippetDecision) -> String {
        var out = "\(decision.id) (\(decision.section), priority \(decision.priority), \(MinutesFormat.short(decision.minutes)) min): "
        out += decision.condensed ? "IN, as its summary\n" : decision.included ? "IN\n" : "OUT\n"
        out += "  \(decision.title)\n"
        if let condition = decision.condition {
            out += "  when: \(condition)\n"
            if !decision.reads.isEmpty {
                out += "  reads: " + decision.reads.map { "\($0.identifier) = \($0.value.display)" }.joined(separator: ", ") + "\n"
            }
        } else {
            out += "  when: always\n"
        }
        out += "  \(decision.explanation)\n"
        return out
    }
}
