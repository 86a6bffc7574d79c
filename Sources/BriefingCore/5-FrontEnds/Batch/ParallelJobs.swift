import Dispatch

/// Runs work for many indices on a fixed number of threads, each result in its own slot, so that
/// the results come back in index order however the threads interleave.
enum ParallelJobs {
    /// `transform(index)` for every index in `0..<count`, on at most `jobs` threads; worker `w`
    /// takes indices `w`, `w + jobs`, `w + 2 * jobs`, …
    static func map<Output: Sendable>(count: Int, jobs: Int, _ transform: @Sendable (Int) -> Output) -> [Output] {
        let workers = min(max(1, jobs), count)
        guard workers > 1 else { return (0..<count).map(transform) }
        let slots = Slots<Output>(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < count {
                slots.set(index, transform(index))
                index += workers
            }
        }
        return slots.values()
    }
}

/// Fixed slots that concurrent workers fill, each worker writing only its own indices. The storage
/// is allocated once, so that no write ever touches shared array bookkeeping.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) {
        storage[index] = value
    }

    func values() -> [Value] {
        storage.map { $0! }
    }
}
