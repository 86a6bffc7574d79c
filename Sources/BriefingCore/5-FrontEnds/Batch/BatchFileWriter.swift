import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a chunk's briefings atomically on a thread of its own, so that the next chunk can be made
/// meanwhile, and writes each row's manifest line right after its file: the manifest never lags the
/// files it describes. A single writer also keeps threads from queueing on the output folder's lock.
final class BatchFileWriter: @unchecked Sendable {
    /// One row: its manifest line, and the file to write first when the row was made.
    struct Job: Sendable {
        var entry: BatchManifestEntry
        var bytes: [UInt8]?
        var path: String?
    }

    /// What became of one job.
    enum Result: Sendable {
        case written
        case failed(BatchRowFailure)
        /// Not reached: the batch stopped (a signal, a full disk) before this row.
        case skipped
    }

    private let overwrite: Bool
    private let manifest: BatchManifestWriter?
    private let queue = DispatchQueue(label: "briefing.batch.writer")
    private let group = DispatchGroup()
    /// Set on the writer's queue, read after `wait()`: the group orders the two.
    private var results: [Result] = []
    /// A failure that stops the whole batch: the disk is full, or the manifest cannot be written.
    private(set) var fatal: BriefingError?

    init(overwrite: Bool, manifest: BatchManifestWriter?) {
        self.overwrite = overwrite
        self.manifest = manifest
    }

    /// Starts writing `jobs` in order.
    func start(_ jobs: [Job]) {
        group.enter()
        queue.async { [overwrite] in
            var results = [Result](repeating: .skipped, count: jobs.count)
            for (index, job) in jobs.enumerated() {
                if self.fatal != nil || BatchInterruption.signal != nil { break }
                var entry = job.entry
                var result = Result.written
                if let bytes = job.bytes, let path = job.path {
                    do throws(BriefingError) {
                        try AtomicFile.write(bytes, to: path, overwrite: overwrite)
                    } catch {
                        if Self.isDiskFull(error) {
                            self.fatal = error
                            break
                        }
                        let failure = BatchRowFailure(error)
                        entry.file = nil
                        entry.error = failure.summary
                        entry.snippets = []
                        entry.minutes = nil
                        entry.readiness = nil
                        result = .failed(failure)
                    }
                } else if let message = entry.error {
                    result = .failed(BatchRowFailure(message))
                }
                do throws(BriefingError) {
                    try self.manifest?.writeLine(entry)
                } catch {
                    self.fatal = error
                    break
                }
                results[index] = result
            }
            self.results = results
            self.group.leave()
        }
    }

    /// Waits for the jobs last started; the result of each, in order.
    func wait() -> [Result] {
        group.wait()
        return results
    }

    static func isDiskFull(_ error: BriefingError) -> Bool {
        if case .io(_, let reason) = error {
            return reason.contains(String(cString: strerror(ENOSPC))) || reason.contains(String(cString: strerror(EDQUOT)))
        }
        return false
    }
}
