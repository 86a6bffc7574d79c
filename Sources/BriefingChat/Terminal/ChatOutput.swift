#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the conversation writes: the terminal, or a buffer in tests.
public protocol ChatOutput: AnyObject {
    func write(_ text: String)
}

/// Writes to standard output, unbuffered, so prompts and replies interleave correctly with input.
public final class StandardChatOutput: ChatOutput {
    public init() {}

    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { Glibc.write(1, $0 + offset, buffer.count - offset) } ?? -1
            }
            if written < 0 {
                if errno == EINTR { continue }
                // The reader has gone (a closed pipe): leave quietly, as command-line tools do.
                if errno == EPIPE { exit(141) }
                return
            }
            offset += written
        }
    }
}

/// Collects everything written, for transcript tests.
public final class BufferedChatOutput: ChatOutput {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) {
        self.text += text
    }
}
