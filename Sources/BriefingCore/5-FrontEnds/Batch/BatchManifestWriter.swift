#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `manifest.jsonl` in an output folder, one line per row in row order, so that a kill
/// never leaves a half-written manifest under the real name.
///
/// Each line goes to `.manifest.jsonl.partial` with a single `write` right after its row's file,
/// so that after a kill that file lists every row finished before it, in whole lines. The folder
/// is locked (`.briefing.lock`) while a batch writes into it, so a second batch stops at once.
/// `finish()` renames it to `manifest.jsonl` in one step. A folder holding `manifest.jsonl`
/// therefore holds a finished run; one holding only `.manifest.jsonl.partial`, an interrupted one.
public final class BatchManifestWriter {
    public static let fileName = "manifest.jsonl"
    public static let partialFileName = ".manifest.jsonl.partial"
    public static let lockFileName = ".briefing.lock"

    public let folder: String
    private var descriptor: Int32
    private var lock: Int32 = -1
    private var pending: [UInt8] = []

    /// Starts the partial manifest in `folder`. Without `overwrite`, an existing `manifest.jsonl`
    /// is refused (73), as for briefings.
    public init(folder: String, overwrite: Bool) throws(BriefingError) {
        self.folder = folder
        descriptor = -1
        // One batch per folder: the lock is held until the batch ends, however it ends.
        let lockPath = folder + "/" + Self.lockFileName
        lock = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard lock >= 0 else {
            throw .cannotCreateOutput(path: lockPath, reason: errno == ELOOP ? "it is a symbolic link, which is never followed"
                                                                           : String(cString: strerror(errno)))
        }
        guard flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            close(lock)
            lock = -1
            throw .cannotCreateOutput(path: folder, reason: "another batch is writing into this folder (it holds \(lockPath)); "
                                      + "wait for it to finish, or choose another --output-dir")
        }
        Self.removeStaleTemporaryFiles(in: folder)
        let final = folder + "/" + Self.fileName
        var status = stat()
        if !overwrite, stat(final, &status) == 0 {
            releaseLock()
            throw .cannotCreateOutput(path: final, reason: "the file already exists (use --force to overwrite it)")
        }
        // O_NOFOLLOW: a link planted under the manifest's name is refused, never followed.
        let partial = folder + "/" + Self.partialFileName
        descriptor = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            releaseLock()
            throw .cannotCreateOutput(path: partial, reason: code == ELOOP ? "it is a symbolic link, which is never followed"
                                                                         : String(cString: strerror(code)))
        }
        status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            close(descriptor)
            descriptor = -1
            releaseLock()
            throw .cannotCreateOutput(path: partial, reason: "it is not a regular file, so it is never replaced")
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        releaseLock()
    }

    /// Removes the temporary files a killed batch left (`.NAME.md.ab12CD`, as `AtomicFile` names
    /// them). Only this batch can be writing into the folder while it holds the lock.
    static func removeStaleTemporaryFiles(in folder: String) {
        let extensions = Set(OutputFormat.allCases.map(\.fileExtension))
        for name in DirectoryEntries.list(folder).map(\.name) where name.hasPrefix(".") {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count >= 4, let random = parts.last, random.count == 6, random.allSatisfy({ $0.isLetter || $0.isNumber }),
                  extensions.contains(String(parts[parts.count - 2])) else { continue }
            var status = stat()
            guard lstat(folder + "/" + name, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            unlink(folder + "/" + name)
        }
    }

    private func releaseLock() {
        guard lock >= 0 else { return }
        unlink(folder + "/" + Self.lockFileName)
        close(lock)
        lock = -1
    }

    /// Writes one entry's line at once.
    func writeLine(_ entry: BatchManifestEntry) throws(BriefingError) {
        append(entry)
        try flush()
    }

    /// Queues the line for `entry`; `flush()` writes the queue.
    public func append(_ entry: BatchManifestEntry) {
        entry.write(into: &pending)
    }

    /// Writes the queued lines to the partial manifest.
    public func flush() throws(BriefingError) {
        var offset = 0
        while offset < pending.count {
            let count = pending[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: folder + "/" + Self.partialFileName, reason: "write failed: \(String(cString: strerror(errno)))")
            }
            offset += count
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Flushes, then gives the manifest its real name.
    public func finish() throws(BriefingError) {
        try flush()
        close(descriptor)
        descriptor = -1
        guard rename(folder + "/" + Self.partialFileName, folder + "/" + Self.fileName) == 0 else {
            let reason = String(cString: strerror(errno))
            releaseLock()
            throw .cannotCreateOutput(path: folder + "/" + Self.fileName, reason: reason)
        }
        releaseLock()
    }

    /// Ends an interrupted run: the partial manifest, complete up to the last finished row, stays.
    public func abandon() {
        try? flush()
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        releaseLock()
    }
}
