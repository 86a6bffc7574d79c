import Dispatch

/// Writes a chunk's briefings atomically on a thread of its own, so that the next chunk can be made
/// meanwhile. A single writer also keeps threads from queueing on the output folder's lock.
final class BatchFileWriter: @unchecked Sendable {
    /// One file to write.
    struct Job: Sendable {
        var bytes: [UInt8]
        var path: String
    }

    private let overwrite: Bool
    private let queue = DispatchQueue(label: "briefing.batch.writer")
    private let group = DispatchGroup()
    /// Set on the writer's queue, read after `wait()`: the group orders the two.
    private var failures: [BatchRowFailure?] = []

    init(overwrite: Bool) {
        self.overwrite = overwrite
    }

    /// Starts writing `jobs` (nil for rows with nothing to write) in order.
    func start(_ jobs: [Job?]) {
        group.enter()
        queue.async { [overwrite] in
            self.failures = jobs.map { job -> BatchRowFailure? in
                guard let job else { return nil }
                do throws(BriefingError) {
                    try AtomicFile.write(job.bytes, to: job.path, overwrite: overwrite)
                    return nil
                } catch {
                    return BatchRowFailure(error)
                }
            }
            self.group.leave()
        }
    }

    /// Waits for the jobs last started; the failure of each, in order.
    func wait() -> [BatchRowFailure?] {
        group.wait()
        return failures
    }
}
