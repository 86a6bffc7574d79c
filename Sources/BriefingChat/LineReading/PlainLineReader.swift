#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from standard input without line editing: for pipes and scripts. Lines that are not
/// UTF-8, or longer than `LineLimits.maximumBytes`, are reported rather than passed on.
public final class PlainLineReader: LineReader {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    private var reachedEnd = false
    /// Writes the prompt and echoes the line, so a transcript of a piped session reads naturally.
    private let echo: (String) -> Void

    public init(descriptor: Int32 = 0, echo: @escaping (String) -> Void) {
        self.descriptor = descriptor
        self.echo = echo
    }

    public func readLine(prompt: String) -> LineReadResult {
        var line: [UInt8] = []
        var length = 0
        while true {
            if position >= buffer.count {
                guard fill() else {
                    if length == 0 { return .endOfInput }
                    break
                }
            }
            let byte = buffer[position]
            position += 1
            if byte == 0x0A { break }
            length += 1
            if length <= LineLimits.maximumBytes { line.append(byte) }
        }
        if line.last == 0x0D { line.removeLast() }
        if length > LineLimits.maximumBytes {
            echo(prompt + "[\(length) bytes]\n")
            return .tooLong(length)
        }
        guard let text = String(validating: line, as: UTF8.self) else {
            echo(prompt + "[invalid UTF-8]\n")
            return .invalidUTF8
        }
        echo(prompt + Sanitized.forTerminal(text) + "\n")
        return .line(text)
    }

    private func fill() -> Bool {
        guard !reachedEnd else { return false }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                reachedEnd = true
                return false
            }
            buffer = Array(chunk[0..<count])
            position = 0
            return true
        }
    }
}
