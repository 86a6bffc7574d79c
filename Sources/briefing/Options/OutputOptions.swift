import ArgumentParser
import BriefingCore
import Foundation

extension OutputFormat: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(name: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// How and where a briefing is written.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("md, txt, json, html or docx (default: from the -o file's extension, else md).",
                                            valueName: "format"))
    var format: OutputFormat?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to FILE ('-' for stdout, the default).", valueName: "file"),
            completion: .file())
    var output: String?

    @Flag(name: .long, help: "Overwrite an existing output file.")
    var force = false

    @Flag(name: .customLong("front-matter"), help: "Start Markdown output with YAML front matter.")
    var frontMatter = false

    @Option(name: .customLong("reference-doc"),
            help: ArgumentHelp("docx: take the styles (fonts, colours, headings) and theme of this Word file.", valueName: "file.docx"),
            completion: .file(extensions: ["docx"]))
    var referenceDoc: String?

    @Option(name: .long, help: ArgumentHelp("The date printed on the briefing (default: SOURCE_DATE_EPOCH, else today).",
                                            valueName: "yyyy-mm-dd"))
    var date: String?

    /// The format: `--format`, else the `-o` file's extension, else Markdown.
    func resolvedFormat() throws(BriefingError) -> OutputFormat {
        if let format { return format }
        if let output, output != "-", let format = try OutputFormat.forPath(output) { return format }
        return .markdown
    }

    /// The render options, with the reference document read when Word output is asked for.
    func renderOptions(for format: OutputFormat) throws(BriefingError) -> RenderOptions {
        var options = RenderOptions(frontMatter: frontMatter)
        if let referenceDoc {
            guard format == .docx else {
                throw .usage("--reference-doc styles a Word document; add --format docx or write to a .docx file")
            }
            options.wordTemplate = try WordTemplate.read(referenceDoc)
        }
        return options
    }

    /// Writes a file's bytes to the output: stdout, or a file written atomically. A .docx is never
    /// written to a terminal.
    func emit(_ bytes: [UInt8], format: OutputFormat) throws(BriefingError) {
        if let output, output != "-" {
            try AtomicFile.write(bytes, to: output, overwrite: force)
        } else {
            if !format.isText, isatty(1) == 1 {
                throw .usage("a .docx is a binary file, so it is not written to the terminal: add -o FILE.docx")
            }
            try StandardOutput.write(bytes: bytes)
        }
    }
}
