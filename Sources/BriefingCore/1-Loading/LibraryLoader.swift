import Dispatch
import Foundation

/// Reads a content library from disk: `Briefings/*.yaml` and `Snippets/**/*.md`.
public enum LibraryLoader {
    /// Loads and validates the library in `root`. Problems in files become diagnostics, never crashes;
    /// only a missing folder is thrown.
    public static func load(from root: String, today: CalendarDate? = nil) throws(BriefingError) -> ContentLibrary {
        let briefings = root + "/Briefings", snippetsFolder = root + "/Snippets"
        for folder in [briefings, snippetsFolder] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .inputNotFound(path: folder)
            }
        }
        let display = displayPrefix(for: root)
        let blueprintFiles = files(in: briefings, extensions: ["yaml", "yml"], recursive: false)
        let snippetFiles = files(in: snippetsFolder, extensions: ["md"], recursive: true)

        let loadedBlueprints = parallelMap(blueprintFiles) { relative -> (Blueprint?, [Diagnostic]) in
            let shown = display + "Briefings/" + relative
            do throws(BriefingError) {
                let text = try TextFile.read(briefings + "/" + relative)
                return BlueprintDecoder.decode(text, file: shown, defaultID: stem(relative))
            } catch {
                return (nil, diagnostics(from: error, file: shown))
            }
        }
        let loadedSnippets = parallelMap(snippetFiles) { relative -> (Snippet?, [Diagnostic]) in
            let shown = display + "Snippets/" + relative
            do throws(BriefingError) {
                let text = try TextFile.read(snippetsFolder + "/" + relative)
                return SnippetDecoder.decode(text, file: shown, defaultID: stem(relative))
            } catch {
                return (nil, diagnostics(from: error, file: shown))
            }
        }

        let blueprints = loadedBlueprints.compactMap(\.0)
        let snippets = loadedSnippets.compactMap(\.0)
        var found = loadedBlueprints.flatMap(\.1) + loadedSnippets.flatMap(\.1)
        if blueprintFiles.isEmpty {
            found.append(.error(at: SourceLocation(file: display + "Briefings", line: 0, column: 0),
                                "the library has no blueprints (Briefings/*.yaml)"))
        }
        found += LibraryValidator.validate(blueprints: blueprints, snippets: snippets, today: today)
        return ContentLibrary(root: root, blueprints: blueprints, snippets: snippets, diagnostics: found)
    }

    /// File paths below `folder`, relative to it, sorted so that loading never depends on the file system.
    static func files(in folder: String, extensions: Set<String>, recursive: Bool) -> [String] {
        let manager = FileManager.default
        var result: [String] = []
        if recursive {
            guard let enumerator = manager.enumerator(atPath: folder) else { return [] }
            while let path = enumerator.nextObject() as? String {
                let name = (path as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                if extensions.contains((path as NSString).pathExtension) { result.append(path) }
            }
        } else {
            result = ((try? manager.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { !$0.hasPrefix(".") && extensions.contains(($0 as NSString).pathExtension) }
        }
        return result.sorted()
    }

    /// How paths below `root` are shown: relative to the current directory when possible.
    static func displayPrefix(for root: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        if absolute == current { return "" }
        if absolute.hasPrefix(current + "/") { return String(absolute.dropFirst(current.count + 1)) + "/" }
        return root.hasSuffix("/") ? root : root + "/"
    }

    private static func stem(_ relative: String) -> String {
        ((relative as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    private static func diagnostics(from error: BriefingError, file: String) -> [Diagnostic] {
        if case .badData(let found) = error { return found }
        return [.error(at: SourceLocation(file: file, line: 1, column: 1), error.description)]
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
