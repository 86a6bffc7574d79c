extension Template {
    /// Fills the variables from `scope`. Answers are escaped so they stay literal text; an unanswered
    /// variable takes its fallback (Markdown written by the author), or nothing.
    public func render(in scope: EvaluationScope) -> String {
        var result = ""
        for segment in segments {
            switch segment {
            case .text(let text):
                result += text
            case .variable(let variable):
                if let value = scope.displayText(of: variable.name) {
                    result += MarkdownEscaping.escape(value)
                } else if let fallback = variable.fallback {
                    result += fallback
                }
            }
        }
        return result
    }

    /// Fills the variables with plain, unescaped text: for titles shown outside Markdown.
    public func renderPlain(in scope: EvaluationScope) -> String {
        segments.map { segment in
            switch segment {
            case .text(let text): text
            case .variable(let variable): scope.displayText(of: variable.name) ?? variable.fallback ?? ""
            }
        }.joined()
    }
}
