import ArgumentParser
import BriefingCore

extension OutputFormat: ExpressibleByArgument {}

/// How and where a briefing is written.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("md, txt or json.", valueName: "format"))
    var format: OutputFormat = .markdown

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to FILE ('-' for stdout, the default).", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Overwrite an existing output file.")
    var force = false

    @Flag(name: .customLong("front-matter"), help: "Start Markdown output with YAML front matter.")
    var frontMatter = false

    @Option(name: .long, help: ArgumentHelp("The date printed on the briefing (default: SOURCE_DATE_EPOCH, else today).",
                                            valueName: "yyyy-mm-dd"))
    var date: String?

    var renderOptions: RenderOptions { RenderOptions(frontMatter: frontMatter) }

    /// Writes `text` to the output: stdout, or a file written atomically.
    func emit(_ text: String) throws(BriefingError) {
        let content = text.hasSuffix("\n") ? text : text + "\n"
        if let output, output != "-" {
            try AtomicFile.write(content, to: output, overwrite: force)
        } else {
            try StandardOutput.write(content)
        }
    }
}
