#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// SIGINT and SIGTERM during a batch: the handler only records the signal; the batch sees it
/// between files, stops, leaves no temporary file behind, and keeps the manifest of what it
/// finished.
public enum BatchInterruption {
    private static let received = Atomic<Int32>(0)

    /// Installs the handlers. Call once, before the batch starts.
    public static func install() {
        // A parent may have blocked or ignored these signals; the batch must still hear them.
        var mask = sigset_t()
        sigemptyset(&mask)
        sigaddset(&mask, SIGINT)
        sigaddset(&mask, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &mask, nil)
        #if canImport(Glibc)
        Glibc.signal(SIGINT, BatchInterruption.handle)
        Glibc.signal(SIGTERM, BatchInterruption.handle)
        #else
        Darwin.signal(SIGINT, BatchInterruption.handle)
        Darwin.signal(SIGTERM, BatchInterruption.handle)
        #endif
    }

    private static let handle: @convention(c) (Int32) -> Void = { number in
        BatchInterruption.received.store(number, ordering: .relaxed)
    }

    /// The signal received, or nil.
    public static var signal: Int32? {
        let number = received.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// For tests: as if `number` had arrived (0 clears it).
    public static func simulate(_ number: Int32) {
        received.store(number, ordering: .relaxed)
    }
}
