import Foundation

/// Renders the whole briefing as JSON, provenance included, with sorted keys for byte-identical output.
public enum JSONRenderer {
    public static func render(_ briefing: Briefing) -> String {
        encode(briefing, pretty: true)
    }

    /// Encodes any value the same deterministic way (sorted keys, unescaped slashes).
    public static func encode(_ value: some Encodable, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
