import Foundation
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reading text inputs strictly: UTF-8 only, with clear errors for missing or undecodable files.
public enum TextFile {
    /// Reads `path` (or standard input for `-`) as UTF-8 text, dropping a leading byte order mark.
    public static func read(_ path: String) throws(BriefingError) -> String {
        if path != "-", let bytes = readRegularFile(path) {
            return try decode(bytes, path: path)
        }
        if path != "-" { try refuseNonRegular(path) }
        let data: Data
        if path == "-" {
            do {
                data = try FileHandle.standardInput.read(upToCount: InputLimits.documentBytes + 1) ?? Data()
            } catch {
                throw .io(path: "<stdin>", reason: "cannot be read (\(Self.reason(error)))")
            }
            if data.count > InputLimits.documentBytes { throw tooLarge("<stdin>") }
        } else {
            var status = stat()
            if stat(path, &status) == 0, Int(status.st_size) > InputLimits.documentBytes { throw tooLarge(path) }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .inputNotFound(path: path)
            }
            if isDirectory.boolValue {
                throw .io(path: path, reason: "is a directory, not a file")
            }
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw .io(path: path, reason: "cannot be read (\(Self.reason(error)))")
            }
        }
        return try decode(data, path: path == "-" ? "<stdin>" : path)
    }

    static func tooLarge(_ path: String) -> BriefingError {
        .badData(at: SourceLocation(file: path, line: 0, column: 0),
                 "the file is over \(InputLimits.documentBytes >> 20) MB, the limit for one document; split it, or use CSV or JSON Lines for many rows")
    }

    /// An error's reason in words: the POSIX message where there is one, never "error 512".
    public static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }

    /// A missing path, or one that is not a regular file (a FIFO would block, a device never ends),
    /// as a clear error rather than a hang.
    static func refuseNonRegular(_ path: String) throws(BriefingError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .inputNotFound(path: path) }
            throw .io(path: path, reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        let type = status.st_mode & S_IFMT
        if type == S_IFDIR { throw .io(path: path, reason: "is a directory, not a file") }
        if type != S_IFREG {
            throw .io(path: path, reason: "is \(AtomicFile.kind(status.st_mode)), not a regular file; to read a pipe, use - and redirect it to stdin")
        }
    }

    /// The bytes of a regular file (not standard input), with the same errors as `read`.
    public static func readBytes(_ path: String) throws(BriefingError) -> [UInt8] {
        if let bytes = readRegularFile(path) { return bytes }
        try refuseNonRegular(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .inputNotFound(path: path)
        }
        if isDirectory.boolValue { throw .io(path: path, reason: "is a directory, not a file") }
        throw .io(path: path, reason: "is not a regular file that can be read")
    }

    /// The bytes of a regular file, read with plain system calls (the library has thousands of files);
    /// nil on any problem, which the Foundation path then reports in its own words.
    static func readRegularFile(_ path: String) -> [UInt8]? {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; a regular file reads the same either way.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard Int(status.st_size) <= InputLimits.documentBytes else { return nil }
        var bytes: [UInt8] = []
        // One byte more than the size, so that a file read whole ends with a single short read.
        var chunk = [UInt8](repeating: 0, count: max(Int(status.st_size), 4_096) + 1)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    /// Decodes UTF-8, reporting the line and column of the first invalid byte.
    public static func decode(_ data: Data, path: String) throws(BriefingError) -> String {
        try decode([UInt8](data), path: path)
    }

    /// Decodes UTF-8 bytes, dropping a leading byte order mark.
    static func decode(_ bytes: [UInt8], path: String) throws(BriefingError) -> String {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        let (line, column, offset) = firstInvalidByte(in: bytes)
        throw .badData(at: SourceLocation(file: path, line: line, column: column),
                       "not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at offset \(offset)); save the file as UTF-8")
    }

    /// Where the first byte that breaks UTF-8 is: its 1-based line and column, and its offset.
    static func firstInvalidByte(in bytes: [UInt8]) -> (line: Int, column: Int, offset: Int) {
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column, index)
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return (line, column, index) }
            if lead == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return (line, column, max(0, bytes.count - 1))
    }
}
