#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Set by the SIGINT handler; long work can check it to stop cleanly.
let interruptRequested = Atomic<Bool>(false)

/// Ctrl-C handling for the interactive chat.
enum InterruptSignal {
    /// Installs a SIGINT handler with `sigaction` and no `SA_RESTART`, so that a blocked `el_gets`
    /// returns with `EINTR` instead of being restarted (`signal()` would restart it).
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptRequested.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// Reads and clears the flag.
    static func consume() -> Bool {
        interruptRequested.exchange(false, ordering: .relaxed)
    }
}
