#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads a file, or standard input, in fixed-size chunks, so that an input of any size streams
/// through in constant memory.
public final class ByteChunkReader {
    /// How many bytes a chunk holds.
    public static let defaultChunkSize = 256 * 1024

    /// The path as shown in messages (`<stdin>` for standard input).
    public let displayPath: String
    /// The size of a regular file; nil for a pipe or a terminal.
    public let totalBytes: Int?
    /// How many bytes the chunks handed out so far hold.
    public private(set) var bytesRead = 0

    private let descriptor: Int32
    private let ownsDescriptor: Bool

    /// Opens `path`; `-` reads standard input.
    public init(path: String) throws(BriefingError) {
        let descriptor: Int32
        if path == "-" {
            descriptor = STDIN_FILENO
        } else {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                let code = errno
                if code == ENOENT || code == ENOTDIR { throw .inputNotFound(path: path) }
                throw .io(path: path, reason: "cannot be read (\(String(cString: strerror(code))))")
            }
        }
        var status = stat()
        let known = fstat(descriptor, &status) == 0
        if known, (status.st_mode & S_IFMT) == S_IFDIR {
            if path != "-" { close(descriptor) }
            throw .io(path: path, reason: "is a directory, not a file")
        }
        self.descriptor = descriptor
        ownsDescriptor = path != "-"
        displayPath = path == "-" ? "<stdin>" : path
        totalBytes = known && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Fills `buffer` from `offset` on with the next bytes of the input; returns how many it read,
    /// 0 at the end of the input.
    public func read(into buffer: inout [UInt8], from offset: Int = 0) throws(BriefingError) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count >= 0 {
                bytesRead += count
                return count
            }
            if errno == EINTR { continue }
            throw .io(path: displayPath, reason: "read failed (\(String(cString: strerror(errno))))")
        }
    }
}
