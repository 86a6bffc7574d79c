import Foundation
import ZIPFoundation

/// A consultant's own Word file (`--reference-doc`), whose styles (fonts, colours, heading looks)
/// and theme the briefing takes, so that it matches their house style.
public struct WordTemplate: Sendable {
    /// `word/styles.xml`.
    public let styles: String
    /// `word/theme/theme1.xml`, when the template has one.
    public let theme: String?

    public init(styles: String, theme: String?) {
        self.styles = styles
        self.theme = theme
    }

    /// The largest part read from a template: a styles part is a few hundred kilobytes at most.
    static let maximumPartBytes = 8 << 20

    /// Reads the styles and theme of the .docx at `path`.
    public static func read(_ path: String) throws(BriefingError) -> WordTemplate {
        let data = try TextFile.readBytes(path)
        let archive: Archive
        do {
            archive = try Archive(data: Data(data), accessMode: .read)
        } catch {
            throw .badData(at: SourceLocation(file: path, line: 0, column: 0),
                           "--reference-doc must be a Word .docx file; this one is not a zip archive")
        }
        func part(_ name: String) throws(BriefingError) -> String? {
            guard let entry = archive[name] else { return nil }
            guard entry.uncompressedSize <= UInt64(maximumPartBytes) else {
                throw .badData(at: SourceLocation(file: path, line: 0, column: 0), "\(name) in the template is over 8 MB")
            }
            var bytes = Data()
            do {
                _ = try archive.extract(entry) { bytes.append($0) }
            } catch {
                throw .badData(at: SourceLocation(file: path, line: 0, column: 0), "\(name) in the template cannot be read")
            }
            guard let text = String(data: bytes, encoding: .utf8) else {
                throw .badData(at: SourceLocation(file: path, line: 0, column: 0), "\(name) in the template is not UTF-8 XML")
            }
            return text
        }
        guard let styles = try part("word/styles.xml"), styles.contains("</w:styles>") else {
            throw .badData(at: SourceLocation(file: path, line: 0, column: 0),
                           "--reference-doc has no word/styles.xml, so it is not a Word document")
        }
        return WordTemplate(styles: styles, theme: try part("word/theme/theme1.xml"))
    }
}
