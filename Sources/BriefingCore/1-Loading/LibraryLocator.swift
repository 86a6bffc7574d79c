import Foundation

/// Finds the content library folder, in the order product.md fixes: `--library`, then the
/// `BRIEFING_LIBRARY` environment variable, then the nearest ancestor of the current directory that
/// holds both `Briefings/` and `Snippets/`, then the folder next to the installed executable.
public enum LibraryLocator {
    public static func locate(explicit: String?,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              currentDirectory: String = FileManager.default.currentDirectoryPath,
                              executablePath: String = CommandLine.arguments.first ?? "") throws(BriefingError) -> String {
        if let explicit {
            guard isLibrary(explicit) else { throw notALibrary(explicit, via: "--library") }
            return explicit
        }
        if let variable = environment["BRIEFING_LIBRARY"], !variable.isEmpty {
            guard isLibrary(variable) else { throw notALibrary(variable, via: "BRIEFING_LIBRARY") }
            return variable
        }
        var folder = URL(fileURLWithPath: currentDirectory).standardizedFileURL
        while true {
            if isLibrary(folder.path) { return folder.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [executable, executable.appendingPathComponent("../share/briefing").standardizedFileURL] {
            if isLibrary(candidate.path) { return candidate.path }
        }
        throw .inputNotFound(path: "a content library (no folder holding Briefings/ and Snippets/ here or above; "
                             + "pass --library DIR or set BRIEFING_LIBRARY)")
    }

    /// True when `folder` holds both `Briefings/` and `Snippets/`.
    public static func isLibrary(_ folder: String) -> Bool {
        ["Briefings", "Snippets"].allSatisfy { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
    }

    private static func notALibrary(_ folder: String, via source: String) -> BriefingError {
        if !FileManager.default.fileExists(atPath: folder) { return .inputNotFound(path: folder) }
        return .inputNotFound(path: "Briefings/ and Snippets/ in \(folder) (named by \(source))")
    }
}
