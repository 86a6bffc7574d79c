/// Renders a briefing as one self-contained, printable HTML file: inline CSS with A4 print rules,
/// `lang="en-GB"`, a strict Content-Security-Policy, no scripts and no external resources. Snippet
/// text goes through cmark-gfm's HTML renderer with raw HTML left out, and every answer and title is
/// escaped. Readiness scores are drawn as an inline SVG bar chart with a text alternative.
public enum HTMLRenderer {
    public static func render(_ briefing: Briefing) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"briefing\">\n"
        out += "<meta name=\"date\" content=\"\(briefing.date.description)\">\n"
        out += "<title>\(XMLText.escape(briefing.title))</title>\n<style>\n\(stylesheet)</style>\n</head>\n<body>\n<main>\n"
        out += "<h1>\(XMLText.escape(briefing.title))</h1>\n"
        out += contextTable(briefing)
        for note in briefing.notes {
            out += "<p class=\"note\"><strong>Note:</strong> \(XMLText.escape(note))</p>\n"
        }
        for section in briefing.sections where section.hasContent {
            out += "<section id=\"\(XMLText.escape(section.id))\">\n<h2>\(XMLText.escape(section.title))</h2>\n"
            if let generated = section.generated {
                if section.generatedBlock == .readinessScores, let readiness = briefing.readiness {
                    out += markdownHTML(generated, replacingCodeWith: ReadinessChartSVG.figure(readiness))
                } else {
                    out += markdownHTML(generated)
                }
            }
            for snippet in section.snippets {
                out += "<article id=\"snippet-\(XMLText.escape(snippet.id))\">\n"
                if section.showTitles { out += "<h3>\(XMLText.escape(snippet.title))</h3>\n" }
                out += markdownHTML(snippet.markdown) + "</article>\n"
            }
            if let note = section.note {
                out += "<aside class=\"consultant-note\">\n<p><strong>Consultant's note</strong></p>\n" + markdownHTML(note) + "</aside>\n"
            }
            out += "</section>\n"
        }
        if !briefing.sources.isEmpty {
            out += "<section id=\"sources\">\n<h2>Sources</h2>\n<ul class=\"sources\">\n"
            for source in briefing.sources {
                out += "<li>" + link(XMLText.escape(source.title), url: source.url) + "</li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    static func contextTable(_ briefing: Briefing) -> String {
        var rows = briefing.context.map { ($0.label, $0.answer) }
        rows.append(("Prepared", briefing.date.longForm))
        rows.append(("Reading time", MarkdownRenderer.readingTime(briefing)))
        var out = "<table class=\"context\">\n<thead><tr><th scope=\"col\">Context</th><th scope=\"col\">Details</th></tr></thead>\n<tbody>\n"
        for (label, answer) in rows {
            out += "<tr><th scope=\"row\">\(XMLText.escape(label))</th><td>\(XMLText.escape(answer))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// A link that only ever points at the web or mail; anything else is shown as text.
    static func link(_ label: String, url: String) -> String {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("mailto:") else { return label }
        return "<a href=\"\(XMLText.escape(url))\">\(label)</a>"
    }

    /// Snippet Markdown as HTML by cmark-gfm, raw HTML left out; a fenced block (the text bars of a
    /// readiness chart) can be replaced by other HTML.
    static func markdownHTML(_ markdown: String, replacingCodeWith replacement: String? = nil) -> String {
        let document = MarkdownDocument(markdown)
        if let replacement { return document.html(replacingCodeBlocksWith: replacement) }
        return document.html()
    }

    static let stylesheet = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          line-height: 1.5; color: #1a1a1a; background: #fff; margin: 0; }
        main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
        h1 { font-size: 1.9rem; line-height: 1.2; color: #1f3864; margin: 0 0 1rem; }
        h2 { font-size: 1.4rem; color: #1f3864; border-bottom: 2px solid #d0d7e2; padding-bottom: .2rem; margin: 2rem 0 .75rem; }
        h3 { font-size: 1.1rem; color: #1f3864; margin: 1.4rem 0 .4rem; }
        p, li { orphans: 3; widows: 3; }
        a { color: #0b4f9c; }
        table { border-collapse: collapse; width: 100%; margin: .75rem 0 1.25rem; font-size: .95rem; }
        th, td { border: 1px solid #c5ccd6; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        thead th, table.context th[scope="row"] { background: #eef2f7; }
        td[align="right"], th[align="right"] { text-align: right; }
        td[align="center"], th[align="center"] { text-align: center; }
        pre { white-space: pre-wrap; font-size: .9rem; }
        .note { border-left: 4px solid #c55a11; padding: .4rem .8rem; background: #fbf1e9; }
        .consultant-note { border-left: 4px solid #1f3864; padding: .4rem .8rem; background: #eef2f7; }
        figure.chart { margin: 1rem 0 1.5rem; }
        figure.chart svg { width: 100%; height: auto; max-width: 40rem; }
        figure.chart figcaption { font-size: .9rem; color: #444; }
        @page { size: A4; margin: 20mm 18mm 22mm;
          @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; color: #555; } }
        @media print {
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
          tr, figure, li { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; color: #444; word-break: break-all; }
          a { color: inherit; }
        }

        """
}
