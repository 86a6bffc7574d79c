import Foundation

/// Finds the content library folder, in the order product.md fixes: `--library`, then the
/// `BRIEFING_LIBRARY` environment variable, then the nearest ancestor of the current directory that
/// holds both `Briefings/` and `Snippets/`, then the folder next to the installed executable.
///
/// "Next to the installed executable" means the executable's folder itself, or `../share/briefing`
/// from it: `make install` puts the binary in `PREFIX/bin` and the library in `PREFIX/share/briefing`.
/// The executable is the real file, found from `/proc/self/exe`, so a `briefing` started through
/// `PATH` or a symlink in another folder still finds its library.
public enum LibraryLocator {
    public static func locate(explicit: String?,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              currentDirectory: String = FileManager.default.currentDirectoryPath,
                              executablePath: String? = nil) throws(BriefingError) -> String {
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
        let executable = executablePath ?? runningExecutable(environment: environment, currentDirectory: currentDirectory)
        if let library = libraryBeside(executable: executable) { return library }
        throw .inputNotFound(path: "a content library (no folder holding Briefings/ and Snippets/ here or above; "
                             + "pass --library DIR or set BRIEFING_LIBRARY)")
    }

    /// The library installed with the executable at `executable`: its own folder, or
    /// `../share/briefing` from it. Symlinks are resolved first, so a link to the binary works.
    public static func libraryBeside(executable: String) -> String? {
        guard !executable.isEmpty else { return nil }
        let folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [folder, folder.appendingPathComponent("../share/briefing").standardizedFileURL] {
            if isLibrary(candidate.path) { return candidate.path }
        }
        return nil
    }

    /// The real path of the running executable.
    ///
    /// On Linux this is the target of `procSelfExe` (`/proc/self/exe`), which the kernel keeps
    /// whatever name or link started the program. Where that is absent (no `/proc`, or another
    /// system), it is `argument0`: a path with a `/` is taken from `currentDirectory`, and a bare name
    /// is searched for in `PATH`, as the shell did. Either way symlinks are resolved. Empty when
    /// nothing is found.
    public static func runningExecutable(procSelfExe: String = "/proc/self/exe",
                                         argument0: String = CommandLine.arguments.first ?? "",
                                         environment: [String: String] = ProcessInfo.processInfo.environment,
                                         currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: procSelfExe),
           target.hasPrefix("/"), FileManager.default.fileExists(atPath: target) {
            return target
        }
        guard !argument0.isEmpty else { return "" }
        if argument0.contains("/") {
            let absolute = argument0.hasPrefix("/") ? argument0 : currentDirectory + "/" + argument0
            return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":", omittingEmptySubsequences: false) {
            // An empty PATH entry means the current directory, as in the shell.
            let base = folder.isEmpty ? currentDirectory : (folder.hasPrefix("/") ? String(folder) : currentDirectory + "/" + folder)
            let candidate = base + "/" + argument0
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return URL(fileURLWithPath: candidate).standardizedFileURL.resolvingSymlinksInPath().path
            }
        }
        return ""
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
