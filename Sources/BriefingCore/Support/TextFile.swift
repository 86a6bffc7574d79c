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
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
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
                throw .io(path: path, reason: "cannot be read (\(error.localizedDescription))")
            }
        }
        return try decode(data, path: path == "-" ? "<stdin>" : path)
    }

    /// The bytes of a regular file (not standard input), with the same errors as `read`.
    public static func readBytes(_ path: String) throws(BriefingError) -> [UInt8] {
        if let bytes = readRegularFile(path) { return bytes }
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
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
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
