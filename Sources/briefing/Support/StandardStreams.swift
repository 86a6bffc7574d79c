import Foundation
import BriefingCore

/// Writing to standard output and standard error.
enum StandardError {
    /// Writes a message; when stderr is closed there is nowhere to say anything, so nothing is said.
    static func write(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

enum StandardOutput {
    /// Writes `text` to stdout; a closed pipe is an I/O error, not a crash.
    static func write(_ text: String) throws(BriefingError) {
        try write(bytes: Array(text.utf8))
    }

    static func write(bytes: [UInt8]) throws(BriefingError) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(bytes))
        } catch {
            // The reader has gone (`briefing ... | head`): stop quietly with the status a shell gives
            // a pipeline cut short, rather than an error message.
            if StandardStreams.isBrokenPipe(error) { exit(141) }
            throw .io(path: "<stdout>", reason: "write failed: \(StandardStreams.reason(error))")
        }
    }
}

enum StandardStreams {
    /// Ignores SIGPIPE, so that writing to a closed pipe is an error the program handles (EPIPE)
    /// rather than a signal that kills it.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
    }

    static func isBrokenPipe(_ error: any Error) -> Bool {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain, nsError.code == Int(EPIPE) { return true }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.domain == NSPOSIXErrorDomain && underlying.code == Int(EPIPE)
        }
        return false
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
