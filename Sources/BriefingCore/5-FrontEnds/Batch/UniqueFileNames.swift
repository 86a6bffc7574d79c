/// Hands out file names that are unique within one run: a name already given gets `-2`, `-3`, …
/// before its extension. Names compare without regard to case, so that the files stay apart on
/// case-insensitive file systems too.
///
/// To keep memory flat however many rows a run has, only a 64-bit FNV-1a hash of each name given
/// is kept (16 bytes a name with the set's overhead). Two different names with the same hash would
/// merely give the second a suffix it did not need, the same way in every run.
public struct UniqueFileNames {
    private var given = Set<UInt64>()
    /// For each name that has been asked for more than once, the next suffix to try, so that the
    /// n-th row with one name costs one step, not n.
    private var nextSuffix: [UInt64: Int] = [:]

    public init() {}

    /// A name for `stem` that no earlier call returned.
    public mutating func claim(stem: String, extension fileExtension: String, fallback: String) -> String {
        var name = FileNameSanitizer.fileName(stem: stem, extension: fileExtension, fallback: fallback)
        let base = Self.hash(name)
        guard !given.insert(base).inserted else { return name }
        var counter = nextSuffix[base] ?? 2
        repeat {
            name = FileNameSanitizer.fileName(stem: stem, suffix: "-\(counter)", extension: fileExtension, fallback: fallback)
            counter += 1
        } while !given.insert(Self.hash(name)).inserted
        nextSuffix[base] = counter
        return name
    }

    /// FNV-1a over the lower-cased UTF-8 of `name`: stable across runs, unlike `Hasher`.
    static func hash(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.lowercased().utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
