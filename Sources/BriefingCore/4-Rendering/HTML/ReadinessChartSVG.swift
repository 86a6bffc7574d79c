/// The readiness scores as an inline SVG bar chart: one row per dimension and overall, a bar for the
/// self-assessed score and, when verified, one for the verified score, each with its number. The
/// figure's caption and the SVG's title and description give the same numbers as text.
enum ReadinessChartSVG {
    static func figure(_ report: ReadinessReport) -> String {
        let verified = report.verification.status != .none
        let rows = report.dimensions.map { ($0.title, $0.score, $0.verifiedScore) }
            + [("Overall", report.overall.score, report.overall.verifiedScore)]
        let labelWidth = 230.0, barWidth = 300.0, rowHeight = verified ? 34.0 : 22.0, top = 26.0
        let width = labelWidth + barWidth + 50
        let height = top + Double(rows.count) * rowHeight + 8
        let description = rows.map { title, own, checked in
            "\(title): " + (own.map { "self-assessed \($0)" } ?? "not scored")
                + (verified ? (checked.map { ", verified \($0)" } ?? ", not verified") : "")
        }.joined(separator: "; ")
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" "
            + "aria-labelledby=\"chart-title chart-desc\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n"
        svg += "<title id=\"chart-title\">Readiness scores out of 100</title>\n"
        svg += "<desc id=\"chart-desc\">\(XMLText.escape(description)).</desc>\n"
        // A key, and guides at 25, 50 and 75, where the levels change.
        svg += "<rect x=\"\(number(labelWidth))\" y=\"6\" width=\"10\" height=\"10\" fill=\"#9db4d3\"/>"
            + "<text x=\"\(number(labelWidth + 14))\" y=\"15\">Self-assessed</text>\n"
        if verified {
            svg += "<rect x=\"\(number(labelWidth + 110))\" y=\"6\" width=\"10\" height=\"10\" fill=\"#1f3864\"/>"
                + "<text x=\"\(number(labelWidth + 124))\" y=\"15\">Verified</text>\n"
        }
        for guide in [25.0, 50, 75, 100] {
            let x = labelWidth + barWidth * guide / 100
            svg += "<line x1=\"\(number(x))\" y1=\"\(number(top - 4))\" x2=\"\(number(x))\" y2=\"\(number(height - 6))\" "
                + "stroke=\"#d0d7e2\" stroke-width=\"1\"/>\n"
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            svg += "<text x=\"0\" y=\"\(number(y + 14))\"\(row.0 == "Overall" ? " font-weight=\"bold\"" : "")>\(XMLText.escape(row.0))</text>\n"
            svg += bar(row.1, x: labelWidth, y: y + 4, width: barWidth, colour: "#9db4d3", label: "self-assessed")
            if verified {
                svg += bar(row.2, x: labelWidth, y: y + 18, width: barWidth, colour: "#1f3864", label: "verified")
            }
        }
        svg += "</svg>"
        return "<figure class=\"chart\">\n\(svg)\n<figcaption>\(XMLText.escape(description)).</figcaption>\n</figure>\n"
    }

    /// One bar of `score` out of 100 across `width`, with its number after it.
    private static func bar(_ score: Int?, x: Double, y: Double, width: Double, colour: String, label: String) -> String {
        guard let score else { return "" }
        let length = width * Double(min(max(score, 0), 100)) / 100
        return "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(length))\" height=\"12\" fill=\"\(colour)\" "
            + "data-score=\"\(score)\"><title>\(label) \(score)</title></rect>"
            + "<text x=\"\(number(x + length + 4))\" y=\"\(number(y + 10))\">\(score)</text>\n"
    }

    /// A coordinate as SVG wants it: `12`, or `12.5`.
    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
