import CCmarkGFM

/// Registers the GFM core extensions exactly once; a Swift global `let` is initialised thread-safely.
private let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

/// A CommonMark document parsed by cmark-gfm with the GFM table extension.
///
/// It owns the parser and the syntax tree and frees both; it is not Sendable, so keep it on one task.
final class MarkdownDocument {
    private let parser: OpaquePointer?
    /// The document node; nil only if cmark-gfm could not allocate a parser, when the document is
    /// empty (cmark-gfm's accessors all take a null node as an empty one).
    let root: OpaquePointer?

    /// Parses `markdown` with the GFM table extension, and any other GFM extensions named (tests use
    /// "autolink" to check that answers never become links where GitHub would link them).
    init(_ markdown: String, extensions: [String] = ["table"]) {
        _ = extensionsRegistered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else {
            self.parser = nil
            root = nil
            return
        }
        for name in extensions {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        self.parser = parser
        root = cmark_parser_finish(parser)
    }

    deinit {
        if let root { cmark_node_free(root) }
        if let parser { cmark_parser_free(parser) }
    }

    /// The document as HTML, with raw HTML omitted.
    func html() -> String {
        guard let root else { return "" }
        return html(of: root)
    }

    /// The document as HTML block by block, with each top-level code block replaced by `replacement`.
    func html(replacingCodeBlocksWith replacement: String) -> String {
        var out = ""
        guard let root else { return out }
        var child = cmark_node_first_child(root)
        while let node = child {
            out += cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK ? replacement : html(of: node)
            child = cmark_node_next(node)
        }
        return out
    }

    private func html(of node: OpaquePointer) -> String {
        guard let rendered = cmark_render_html(node, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

/// A borrowed view of one node of a `MarkdownDocument`; valid while the document lives.
struct MarkdownNode {
    /// The node; nil stands for an empty document.
    let pointer: OpaquePointer?

    /// The kinds of node the renderers and checks care about.
    enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
        case table, tableRow, tableCell
        case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image
        case strikethrough, other
    }

    var kind: Kind {
        let type = cmark_node_get_type(pointer)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: return .customInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default:
            if type == briefing_cmark_node_table() { return .table }
            if type == briefing_cmark_node_table_row() { return .tableRow }
            if type == briefing_cmark_node_table_cell() { return .tableCell }
            if let name = cmark_node_get_type_string(pointer), String(cString: name) == "strikethrough" {
                return .strikethrough
            }
            return .other
        }
    }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let node = child {
            result.append(MarkdownNode(pointer: node))
            child = cmark_node_next(node)
        }
        return result
    }

    var literal: String {
        cmark_node_get_literal(pointer).map { String(cString: $0) } ?? ""
    }

    var url: String {
        cmark_node_get_url(pointer).map { String(cString: $0) } ?? ""
    }

    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// True for the first row of a table.
    var isTableHeader: Bool {
        cmark_node_get_type_string(pointer).map { String(cString: $0) == "table_header" } ?? false
    }

    /// Column alignments of a table: "l", "c", "r" or " " per column.
    var tableAlignments: [Character] {
        let count = Int(cmark_gfm_extensions_get_table_columns(pointer))
        guard count > 0, let alignments = cmark_gfm_extensions_get_table_alignments(pointer) else { return [] }
        return (0..<count).map { Character(UnicodeScalar(alignments[$0])) }
    }

    /// Every node below this one, depth first, this one included.
    func walk(_ visit: (MarkdownNode) -> Void) {
        visit(self)
        for child in children { child.walk(visit) }
    }
}
