#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `manifest.jsonl` in an output folder, one line per row in row order, so that a kill
/// never leaves a half-written manifest under the real name.
///
/// Lines go to `.manifest.jsonl.partial` as rows finish, each batch of them with a single
/// `write`, so that after a kill that file lists every row finished before it, in whole lines.
/// `finish()` renames it to `manifest.jsonl` in one step. A folder holding `manifest.jsonl`
/// therefore holds a finished run; one holding only `.manifest.jsonl.partial`, an interrupted one.
public final class BatchManifestWriter {
    public static let fileName = "manifest.jsonl"
    public static let partialFileName = ".manifest.jsonl.partial"

    public let folder: String
    private var descriptor: Int32
    private var pending: [UInt8] = []

    /// Starts the partial manifest in `folder`. Without `overwrite`, an existing `manifest.jsonl`
    /// is refused (73), as for briefings.
    public init(folder: String, overwrite: Bool) throws(BriefingError) {
        self.folder = folder
        let final = folder + "/" + Self.fileName
        var status = stat()
        if !overwrite, stat(final, &status) == 0 {
            throw .cannotCreateOutput(path: final, reason: "the file already exists (use --force to overwrite it)")
        }
        descriptor = open(folder + "/" + Self.partialFileName, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .cannotCreateOutput(path: folder + "/" + Self.partialFileName, reason: String(cString: strerror(errno)))
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
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
            throw .cannotCreateOutput(path: folder + "/" + Self.fileName, reason: String(cString: strerror(errno)))
        }
    }
}
