import Foundation
import BriefingCore

/// Writing to standard output and standard error.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
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
            throw .io(path: "<stdout>", reason: "write failed: \(error.localizedDescription)")
        }
    }
}
