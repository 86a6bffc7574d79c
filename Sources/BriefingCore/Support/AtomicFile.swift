import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files all at once or not at all: a temporary file in the same folder, then a rename.
public enum AtomicFile {
    /// Writes `contents` to `path`. Without `overwrite`, an existing file is an error and stays untouched.
    public static func write(_ contents: String, to path: String, overwrite: Bool,
                             permissions: mode_t = 0o644) throws(BriefingError) {
        try write(Array(contents.utf8), to: path, overwrite: overwrite, permissions: permissions)
    }

    /// Writes `bytes` to `path`. Without `overwrite`, an existing file is an error and stays untouched.
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool,
                             permissions: mode_t = 0o644) throws(BriefingError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .cannotCreateOutput(path: path, reason: "the folder \(folder) does not exist")
        }
        if !overwrite, FileManager.default.fileExists(atPath: path) {
            throw .cannotCreateOutput(path: path, reason: "the file already exists (use --force to overwrite it)")
        }
        var template = Array("\(folder)/.\(url.lastPathComponent).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw .cannotCreateOutput(path: path, reason: String(cString: strerror(errno)))
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var failure: String?
        do {
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: bytes)
        } catch {
            failure = error.localizedDescription
        }
        fchmod(descriptor, permissions)
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw .io(path: path, reason: "write failed: \(failure)")
        }
        if overwrite {
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw .cannotCreateOutput(path: path, reason: reason)
            }
        } else {
            // link() refuses an existing target atomically, so a race can never clobber a file.
            guard link(temporary, path) == 0 else {
                let code = errno
                unlink(temporary)
                throw .cannotCreateOutput(
                    path: path,
                    reason: code == EEXIST ? "the file already exists (use --force to overwrite it)"
                                           : String(cString: strerror(code)))
            }
            unlink(temporary)
        }
    }
}
