import Foundation

/// Reading text inputs strictly: UTF-8 only, with clear errors for missing or undecodable files.
public enum TextFile {
    /// Reads `path` (or standard input for `-`) as UTF-8 text, dropping a leading byte order mark.
    public static func read(_ path: String) throws(BriefingError) -> String {
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

    /// Decodes UTF-8, reporting the line and column of the first invalid byte.
    public static func decode(_ data: Data, path: String) throws(BriefingError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        let (line, column, offset) = firstInvalidByte(in: bytes)
        throw .badData(at: SourceLocation(file: path, line: line, column: column),
                       "not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at offset \(offset)); save the file as UTF-8")
    }

    private static func firstInvalidByte(in bytes: [UInt8]) -> (line: Int, column: Int, offset: Int) {
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
