import Foundation

/// The folder a batch writes into.
public enum BatchOutputFolder {
    /// Creates `path` and its parents when missing; a file in the way, or a folder that cannot be
    /// made, cannot create output (73).
    public static func create(_ path: String) throws(BriefingError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .cannotCreateOutput(path: path, reason: "it is a file, not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateOutput(path: path, reason: TextFile.reason(error))
        }
    }
}
