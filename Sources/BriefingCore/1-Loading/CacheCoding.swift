#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte format of the library cache: variable-length integers, UTF-8 strings with their length,
/// and source locations whose file is usually the file being decoded, so that the same entry serves
/// whatever folder the library is shown relative to.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []
    /// The file that locations name unless they say otherwise.
    let file: String

    init(file: String = "") {
        self.file = file
    }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// A signed integer, zig-zag encoded so that small negative numbers stay short.
    mutating func int(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func double(_ value: Double) {
        fixed(value.bitPattern)
    }

    /// Eight bytes, little-endian.
    mutating func fixed(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func string(_ value: String) {
        unsigned(UInt64(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    /// Bytes as they are, without a length.
    mutating func append(_ value: [UInt8]) {
        bytes.append(contentsOf: value)
    }

    /// Bytes with their length.
    mutating func raw(_ value: [UInt8]) {
        unsigned(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout CacheWriter, Value) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<Value>(_ values: [Value], _ write: (inout CacheWriter, Value) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }

    mutating func location(_ location: SourceLocation) {
        if location.file == file {
            bool(false)
        } else {
            bool(true)
            string(location.file)
        }
        int(location.line)
        int(location.column)
    }
}

/// Bytes that never change once made: a cache file mapped into memory (read from the page cache,
/// never copied), or bytes read or built in memory.
final class CacheBytes: @unchecked Sendable {
    let buffer: UnsafeRawBufferPointer
    private let isMapped: Bool

    /// Copies `bytes`.
    init(_ bytes: [UInt8]) {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        memory.copyBytes(from: bytes)
        buffer = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(memory)[0..<bytes.count])
        isMapped = false
    }

    /// Maps the regular file open as `descriptor`, `count` bytes long; nil when it cannot be mapped.
    init?(mapping descriptor: Int32, count: Int) {
        guard count > 0, let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0),
              address != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        buffer = UnsafeRawBufferPointer(start: address, count: count)
        isMapped = true
    }

    deinit {
        guard let address = buffer.baseAddress else { return }
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: address), buffer.count)
        } else {
            address.deallocate()
        }
    }

    var count: Int { buffer.count }

    subscript(range: Range<Int>) -> [UInt8] {
        Array(buffer[range])
    }
}

/// Reads what `CacheWriter` wrote; anything malformed throws, and the entry is then decoded afresh.
struct CacheReader {
    private let bytes: CacheBytes
    private var position: Int
    private let end: Int
    /// The file that locations name unless they say otherwise.
    let file: String

    init(_ bytes: CacheBytes, range: Range<Int>? = nil, file: String = "") {
        self.bytes = bytes
        position = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
        self.file = file
    }

    var isAtEnd: Bool { position == end }

    /// The position, for the index of entries.
    var offset: Int { position }

    mutating func byte() throws(CacheFormatError) -> UInt8 {
        guard position < end else { throw CacheFormatError() }
        defer { position += 1 }
        return bytes.buffer[position]
    }

    mutating func unsigned() throws(CacheFormatError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw CacheFormatError() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(CacheFormatError) -> Int {
        let zigzag = try unsigned()
        let value = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
        guard let result = Int(exactly: value) else { throw CacheFormatError() }
        return result
    }

    /// A count of items that must each take at least a byte of what is left.
    mutating func count() throws(CacheFormatError) -> Int {
        let value = try unsigned()
        guard value <= UInt64(end - position) else { throw CacheFormatError() }
        return Int(value)
    }

    mutating func bool() throws(CacheFormatError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw CacheFormatError()
        }
    }

    mutating func double() throws(CacheFormatError) -> Double {
        Double(bitPattern: try fixed())
    }

    mutating func fixed() throws(CacheFormatError) -> UInt64 {
        guard end - position >= 8 else { throw CacheFormatError() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes.buffer[position + index]) << UInt64(8 * index) }
        position += 8
        return value
    }

    mutating func string() throws(CacheFormatError) -> String {
        let range = try span()
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes.buffer[range]), as: UTF8.self)
    }

    /// The range of a length-prefixed run of bytes, skipped over.
    mutating func span() throws(CacheFormatError) -> Range<Int> {
        let length = try count()
        defer { position += length }
        return position..<(position + length)
    }

    mutating func optional<Value>(_ read: (inout CacheReader) throws(CacheFormatError) -> Value) throws(CacheFormatError) -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<Value>(_ read: (inout CacheReader) throws(CacheFormatError) -> Value) throws(CacheFormatError) -> [Value] {
        let count = try count()
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func location() throws(CacheFormatError) -> SourceLocation {
        let file = try bool() ? try string() : self.file
        return SourceLocation(file: file, line: try int(), column: try int())
    }
}

/// A cache entry that does not read as one: it is ignored and its file decoded afresh.
struct CacheFormatError: Error {}
