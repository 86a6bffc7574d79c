import Yams

/// Renders a briefing as CommonMark with GFM tables: title, context box, sections, sources.
public enum MarkdownRenderer {
    public static func render(_ briefing: Briefing, options: RenderOptions = RenderOptions()) -> String {
        var out = ""
        out.reserveCapacity(8_192)
        if options.frontMatter { out += frontMatter(briefing) }
        out += "# \(briefing.titleMarkdown)\n\n"
        out += contextBox(briefing)
        for note in briefing.notes {
            out += "> **Note:** \(MarkdownEscaping.escape(note))\n\n"
        }
        for section in briefing.sections where section.hasContent {
            out += self.section(section)
        }
        if !briefing.sources.isEmpty {
            out += "## Sources\n\n"
            for source in briefing.sources {
                out += "- [\(MarkdownEscaping.escape(source.title))](<\(source.url)>)\n"
            }
            out += "\n"
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    /// One section: its heading, the block the engine wrote, then each snippet (under its title
    /// when the section shows titles); ends with a blank line.
    public static func section(_ section: BriefingSection) -> String {
        var out = "## \(MarkdownEscaping.escape(section.title))\n\n"
        if let generated = section.generated { out += generated + "\n\n" }
        for snippet in section.snippets {
            if section.showTitles { out += "### \(MarkdownEscaping.escape(snippet.title))\n\n" }
            out += snippet.markdown
            out += "\n\n"
        }
        if let note = section.note { out += ConsultantNote.markdown(note) + "\n\n" }
        return out
    }

    /// A two-column table of the answers that shaped the briefing, the date and the reading time.
    static func contextBox(_ briefing: Briefing) -> String {
        var rows = briefing.context.map { ($0.label, MarkdownEscaping.escape($0.answer)) }
        rows.append(("Prepared", briefing.date.longForm))
        rows.append(("Reading time", readingTime(briefing)))
        var out = "| Context | Details |\n| --- | --- |\n"
        for (label, answer) in rows {
            out += "| \(MarkdownEscaping.escape(label)) | \(answer) |\n"
        }
        return out + "\n"
    }

    /// "About 9 minutes (budget 10)"
    public static func readingTime(_ briefing: Briefing) -> String {
        let minutes = max(1, Int(briefing.totalMinutes.rounded()))
        return "About \(minutes) minute\(minutes == 1 ? "" : "s") (budget \(MinutesFormat.short(briefing.budgetMinutes)))"
    }

    private static func frontMatter(_ briefing: Briefing) -> String {
        var pairs: [(Node, Node)] = [
            (Node("title"), Node(briefing.title, .implicit, .doubleQuoted)),
            (Node("blueprint"), Node(briefing.blueprint)),
            (Node("date"), Node(briefing.date.description)),
            (Node("minutes"), Node(MinutesFormat.short(briefing.totalMinutes))),
            (Node("budget"), Node(MinutesFormat.short(briefing.budgetMinutes))),
        ]
        var answers: [(Node, Node)] = []
        for entry in briefing.context {
            answers.append((Node(entry.id), frontMatterValue(briefing.answers[entry.id], shown: entry.answer)))
        }
        if !answers.isEmpty { pairs.append((Node("answers"), Node(answers))) }
        let yaml = (try? Yams.serialize(node: Node(pairs), sortKeys: false)) ?? ""
        return "---\n\(yaml)---\n\n"
    }

    /// An answer as front matter holds it: a multi-choice answer as a YAML list of its values,
    /// anything else as one quoted string (the value a script would write, else what the box shows).
    private static func frontMatterValue(_ answer: AnswerValue?, shown: String) -> Node {
        if case .choices(let values)? = answer {
            return Node(values.map { Node($0, .implicit, .doubleQuoted) }, .implicit, .flow)
        }
        return Node(answer?.raw ?? shown, .implicit, .doubleQuoted)
    }
}
