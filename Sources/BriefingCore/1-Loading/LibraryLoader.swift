import Dispatch
import Foundation

/// Reads a content library from disk: `Briefings/*.yaml` and `Snippets/**/*.md`.
public enum LibraryLoader {
    /// Loads and validates the library in `root`. Problems in files become diagnostics, never crashes;
    /// only a missing folder is thrown.
    ///
    /// With a `cache`, a file whose bytes are those of a cached entry is not decoded again: the entry
    /// gives what decoding it gave (and a file whose fingerprint the entry kept is not even read).
    /// The cache is then updated with every file decoded afresh.
    public static func load(from root: String, today: CalendarDate? = nil,
                            cache: LibraryCache? = nil) throws(BriefingError) -> ContentLibrary {
        let briefings = root + "/Briefings", snippetsFolder = root + "/Snippets"
        for folder in [briefings, snippetsFolder] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .inputNotFound(path: folder)
            }
        }
        // Before any file is looked at: a fingerprint is kept only if the file's times are older.
        let instant = LibraryCache.now()
        let display = displayPrefix(for: root)
        let blueprintFiles = files(in: briefings, extensions: ["yaml", "yml"], recursive: false)
        let snippetFiles = files(in: snippetsFolder, extensions: ["md"], recursive: true)
        let previous = cache?.read()
        // Where the cache could never be written, what is decoded afresh is not encoded for it.
        let writable = cache?.canBeWritten ?? false

        // Blueprints and snippets share one parallel pass, so that the large blueprint files are read
        // while other cores decode snippets.
        let jobs = blueprintFiles.map { LoadJob.blueprint($0) } + snippetFiles.map { LoadJob.snippet($0) }
        let loaded = parallelMap(jobs) { job -> LoadedFile in
            switch job {
            case .blueprint(let relative):
                let shown = display + "Briefings/" + relative
                return loadFile(briefings + "/" + relative, key: "Briefings/" + relative, shown: shown,
                                cache: cache.map { ($0, previous ?? LibraryCache.Contents(), instant, writable) }, failure: { .blueprint(nil, $0) },
                                decode: { text in
                                    let (blueprint, found) = BlueprintDecoder.decode(text, file: shown, defaultID: stem(relative))
                                    return .blueprint(blueprint, found)
                                })
            case .snippet(let relative):
                let shown = display + "Snippets/" + relative
                return loadFile(snippetsFolder + "/" + relative, key: "Snippets/" + relative, shown: shown,
                                cache: cache.map { ($0, previous ?? LibraryCache.Contents(), instant, writable) }, failure: { .snippet(nil, $0) },
                                decode: { text in
                                    let (snippet, found) = SnippetDecoder.decode(text, file: shown, defaultID: stem(relative))
                                    return .snippet(snippet, found)
                                })
            }
        }
        let loadedBlueprints = loaded.prefix(blueprintFiles.count).map { file -> (Blueprint?, [Diagnostic]) in
            if case .blueprint(let blueprint, let found) = file.decoded { return (blueprint, found) }
            return (nil, [])
        }
        let loadedSnippets = loaded.dropFirst(blueprintFiles.count).map { file -> (Snippet?, [Diagnostic]) in
            if case .snippet(let snippet, let found) = file.decoded { return (snippet, found) }
            return (nil, [])
        }

        let blueprints = loadedBlueprints.compactMap(\.0)
        let snippets = loadedSnippets.compactMap(\.0)
        var found = loadedBlueprints.flatMap(\.1) + loadedSnippets.flatMap(\.1)
        if blueprintFiles.isEmpty {
            found.append(.error(at: SourceLocation(file: display + "Briefings", line: 0, column: 0),
                                "the library has no blueprints (Briefings/*.yaml)"))
        }
        let (crossFile, checks) = crossFileDiagnostics(blueprints: blueprints, snippets: snippets, today: today,
                                                       display: display, loaded: loaded, previous: previous)
        found += crossFile
        if let cache, let previous, loaded.contains(where: \.changesCache) || checks.changesCache {
            cache.write((loaded + [checks]).compactMap { $0.entry(in: previous) }, keeping: previous)
        }
        return ContentLibrary(root: root, blueprints: blueprints, snippets: snippets, diagnostics: found)
    }

    /// What `LibraryValidator` finds, with what it means for the cache. Those checks depend only on
    /// what every file decoded to (so on their bytes), how their paths are shown and `today`: when
    /// every file came from the cache, their diagnostics come from it too.
    private static func crossFileDiagnostics(blueprints: [Blueprint], snippets: [Snippet], today: CalendarDate?,
                                             display: String, loaded: [LoadedFile],
                                             previous: LibraryCache.Contents?) -> ([Diagnostic], LoadedFile) {
        var keys: [LibraryCache.Key] = []
        for file in loaded {
            guard let key = file.key else { break }
            keys.append(key)
        }
        guard let previous, keys.count == loaded.count else {
            return (LibraryValidator.validate(blueprints: blueprints, snippets: snippets, today: today),
                    LoadedFile(decoded: .checks([]), cache: .none))
        }
        var hash = LibraryCache.Key.Hasher()
        hash.combine(display)
        hash.combine(today?.description ?? "")
        for key in keys {
            hash.combine(key.relative)
            hash.combine(UInt64(key.length))
            hash.combine(key.hash)
        }
        let key = LibraryCache.Key(relative: LibraryCache.crossFileChecks, length: keys.count, hash: hash.value)
        if loaded.allSatisfy(\.isReused), var reader = previous.payload(key, file: ""),
           let found = try? reader.diagnostics(), reader.isAtEnd {
            return (found, LoadedFile(decoded: .checks(found), cache: .reused(key, [], changed: false)))
        }
        let found = LibraryValidator.validate(blueprints: blueprints, snippets: snippets, today: today)
        var writer = CacheWriter()
        DecodedFile.checks(found).write(&writer)
        return (found, LoadedFile(decoded: .checks(found), cache: .fresh(key, [], writer.bytes)))
    }

    /// Reads and decodes one file, or takes what it decodes to from the `previous` entries of the
    /// cache, read at `instant` (and encodes it for the cache when the cache is `writable`).
    private static func loadFile(_ path: String, key relative: String, shown: String,
                                 cache: (LibraryCache, previous: LibraryCache.Contents, instant: Int64, writable: Bool)?,
                                 failure: ([Diagnostic]) -> DecodedFile, decode: (String) -> DecodedFile) -> LoadedFile {
        func uncached() -> LoadedFile {
            do throws(BriefingError) {
                return LoadedFile(decoded: decode(try TextFile.read(path).normalisingLineEndings()), cache: .none)
            } catch {
                return LoadedFile(decoded: failure(diagnostics(from: error, file: shown)), cache: .none)
            }
        }
        guard let (cache, previous, instant, writable) = cache else { return uncached() }
        func reused(_ key: LibraryCache.Key) -> DecodedFile? {
            guard var reader = previous.payload(key, file: shown),
                  let decoded = try? DecodedFile.read(&reader, asBlueprint: relative.hasPrefix("Briefings/")),
                  reader.isAtEnd else { return nil }
            return decoded
        }
        // The fingerprint is taken before the bytes are read: a change made while they are read
        // changes the file's times after it, so it can never be kept for the old bytes.
        let fingerprint = LibraryCache.Fingerprint.of(path)
        if let fingerprint, let key = previous.key(relative: relative, fingerprint: fingerprint), let decoded = reused(key) {
            return LoadedFile(decoded: decoded, cache: .reused(key, previous.fingerprints(of: key), changed: false))
        }
        // For anything but a readable regular file, the uncached path reports why.
        guard let bytes = TextFile.readRegularFile(path) else { return uncached() }
        let key = LibraryCache.Key(relative: relative, bytes: bytes)
        let fingerprints = previous.fingerprints(of: key, seen: cache.settled(fingerprint, at: instant))
        if let decoded = reused(key) {
            return LoadedFile(decoded: decoded,
                              cache: .reused(key, fingerprints, changed: fingerprints != previous.fingerprints(of: key)))
        }
        do throws(BriefingError) {
            let decoded = decode(try TextFile.decode(bytes, path: path).normalisingLineEndings())
            guard writable else { return LoadedFile(decoded: decoded, cache: .none) }
            var writer = CacheWriter(file: shown)
            decoded.write(&writer)
            return LoadedFile(decoded: decoded, cache: .fresh(key, fingerprints, writer.bytes))
        } catch {
            return LoadedFile(decoded: failure(diagnostics(from: error, file: shown)), cache: .none)
        }
    }

    /// File paths below `folder`, relative to it, sorted so that loading never depends on the file system.
    /// Names starting with a dot are skipped, with everything below them; symbolic links to folders
    /// are not followed.
    static func files(in folder: String, extensions: Set<String>, recursive: Bool) -> [String] {
        var result: [String] = []
        func visit(_ relative: String) {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            for entry in DirectoryEntries.list(path) where !entry.name.hasPrefix(".") {
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if extensions.contains(pathExtension(entry.name)) { result.append(child) }
                if recursive, entry.isDirectory { visit(child) }
            }
        }
        visit("")
        return result.sorted()
    }

    /// The extension of a file name, as `NSString.pathExtension` gives it: "" for none or a leading dot.
    static func pathExtension(_ name: String) -> String {
        if isPlainASCII(name) {
            let bytes = name.utf8
            guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot != bytes.startIndex else { return "" }
            return String(name[bytes.index(after: dot)...])
        }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// True for ASCII without a carriage return: text whose characters are its bytes (a "\r\n" is
    /// one character), where byte operations give what character operations give, many times faster.
    static func isPlainASCII(_ text: String) -> Bool {
        let isPlain: (UInt8) -> Bool = { $0 < 0x80 && $0 != 0x0D }
        return text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isPlain) } ?? text.utf8.allSatisfy(isPlain)
    }

    /// How paths below `root` are shown: relative to the current directory when possible.
    static func displayPrefix(for root: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        if absolute == current { return "" }
        if absolute.hasPrefix(current + "/") { return String(absolute.dropFirst(current.count + 1)) + "/" }
        return root.hasSuffix("/") ? root : root + "/"
    }

    static func stem(_ relative: String) -> String {
        if isPlainASCII(relative), !relative.hasSuffix("/") {
            let bytes = relative.utf8
            let start = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
            // As below: the whole name when its last dot starts or ends it (no extension).
            let dot = bytes[start...].lastIndex(of: UInt8(ascii: "."))
            guard let dot, dot != start, bytes.index(after: dot) != bytes.endIndex else { return String(relative[start...]) }
            return String(relative[start..<dot])
        }
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        let suffix = pathExtension(name)
        return suffix.isEmpty ? name : String(name.dropLast(suffix.count + 1))
    }

    private static func diagnostics(from error: BriefingError, file: String) -> [Diagnostic] {
        if case .badData(let found) = error {
            return found.map { var diagnostic = $0; diagnostic.location.file = file; return diagnostic }
        }
        return [.error(at: SourceLocation(file: file, line: 1, column: 1), error.message)]
    }
}

extension String {
    /// Windows (`\r\n`) and old Mac (`\r`) line endings as `\n`, so that files saved on any system
    /// read the same.
    func normalisingLineEndings() -> String {
        // memchr over the contiguous UTF-8 is many times faster than iterating the view.
        let hasCarriageReturn = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false
        } ?? utf8.contains(0x0D)
        guard hasCarriageReturn else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

/// One file for the loader to read.
private enum LoadJob: Sendable {
    case blueprint(String)
    case snippet(String)
}

/// What one file of the library decoded to, with its problems; or what the checks across files found.
private enum DecodedFile: Sendable {
    case blueprint(Blueprint?, [Diagnostic])
    case snippet(Snippet?, [Diagnostic])
    case checks([Diagnostic])

    func write(_ writer: inout CacheWriter) {
        switch self {
        case .blueprint(let blueprint, let found): writer.blueprintResult(blueprint, found)
        case .snippet(let snippet, let found): writer.snippetResult(snippet, found)
        case .checks(let found): writer.array(found) { $0.diagnostic($1) }
        }
    }

    static func read(_ reader: inout CacheReader, asBlueprint: Bool) throws(CacheFormatError) -> DecodedFile {
        if asBlueprint {
            let (blueprint, found) = try reader.blueprintResult()
            return .blueprint(blueprint, found)
        }
        let (snippet, found) = try reader.snippetResult()
        return .snippet(snippet, found)
    }
}

/// A decoded file and what it means for the cache.
private struct LoadedFile: Sendable {
    enum CacheUse: Sendable {
        /// Not cacheable (it could not be read), or no cache.
        case none
        /// Taken from the cache entry with this key, which keeps these fingerprints from now on
        /// (`changed` when they are not the ones it had).
        case reused(LibraryCache.Key, [LibraryCache.Fingerprint], changed: Bool)
        /// Decoded afresh: the entry to store.
        case fresh(LibraryCache.Key, [LibraryCache.Fingerprint], [UInt8])
    }

    var decoded: DecodedFile
    var cache: CacheUse

    /// True when the cache must be written again for this file.
    var changesCache: Bool {
        switch cache {
        case .none: return false
        case .reused(_, _, let changed): return changed
        case .fresh: return true
        }
    }

    var isReused: Bool {
        if case .reused = cache { return true }
        return false
    }

    /// The key of its cache entry, if it has one.
    var key: LibraryCache.Key? {
        switch cache {
        case .none: return nil
        case .reused(let key, _, _), .fresh(let key, _, _): return key
        }
    }

    /// The cache entry for this file: its fresh payload, or the one it was read from.
    func entry(in previous: LibraryCache.Contents) -> LibraryCache.Entry? {
        switch cache {
        case .none:
            return nil
        case .reused(let key, let fingerprints, _):
            return previous.stored[key].map { LibraryCache.Entry(key: key, fingerprints: fingerprints, payload: previous.bytes[$0.payload]) }
        case .fresh(let key, let fingerprints, let payload):
            return LibraryCache.Entry(key: key, fingerprints: fingerprints, payload: payload)
        }
    }
}

/// Maps `transform` over `items` on all cores, keeping the input order.
func parallelMap<Input: Sendable, Output: Sendable>(_ items: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
    guard items.count > 8 else { return items.map(transform) }
    let results = SlotArray<Output>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        results.set(index, transform(items[index]))
    }
    return results.values()
}

/// Fixed slots that concurrent workers fill, each worker writing only its own index.
private final class SlotArray<Value>: @unchecked Sendable {
    private var slots: [Value?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [Value] {
        slots.map { $0! }
    }
}
