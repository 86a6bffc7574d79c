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
        let (folder, name) = split(path)
        var status = stat()
        guard stat(folder, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            let shown = URL(fileURLWithPath: path).deletingLastPathComponent().path
            throw .cannotCreateOutput(path: path, reason: "the folder \(shown) does not exist")
        }
        guard !name.isEmpty else { throw .usage("the output needs a file name, not an empty one") }
        if lstat(path, &status) == 0 {
            // Only a regular file is ever replaced: never a device, a FIFO, a folder or a link.
            guard (status.st_mode & S_IFMT) == S_IFREG else {
                throw .cannotCreateOutput(path: path, reason: "it is \(kind(status.st_mode)), not a regular file, so it is never replaced, even with --force")
            }
            if !overwrite {
                throw .cannotCreateOutput(path: path, reason: "the file already exists (use --force to overwrite it)")
            }
        }
        // mkstemp opens with O_EXCL, so a name planted in the folder is never followed.
        var template = Array("\(folder)/.\(name).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else {
            throw .cannotCreateOutput(path: path, reason: String(cString: strerror(errno)))
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String?
        do {
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: bytes)
        } catch {
            failure = TextFile.reason(error)
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

    /// "a device", "a FIFO", ... for messages.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }

    /// The folder and the file name of `path`, as `URL` splits them, without building a `URL` for
    /// the common case (batches write thousands of files).
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        guard path.index(after: slash) != path.endIndex else {
            let url = URL(fileURLWithPath: path)
            return (url.deletingLastPathComponent().path, url.lastPathComponent)
        }
        return (slash == path.startIndex ? "/" : String(path[..<slash]), String(path[path.index(after: slash)...]))
    }
}
