/// A byte-at-a-time view of a `ByteChunkReader` (or of bytes already in memory), refilling one
/// buffer as it goes.
struct ByteCursor {
    /// The input; nil when the cursor reads only the bytes it was given.
    let reader: ByteChunkReader?
    private var buffer: [UInt8]
    private var count = 0
    private var index = 0
    private var atEnd = false
    private let chunkSize: Int

    init(reader: ByteChunkReader, chunkSize: Int = ByteChunkReader.defaultChunkSize) {
        self.reader = reader
        self.chunkSize = max(chunkSize, 16)
        buffer = [UInt8](repeating: 0, count: self.chunkSize)
    }

    /// A cursor over `bytes` alone.
    init(bytes: [UInt8]) {
        reader = nil
        chunkSize = max(bytes.count, 16)
        buffer = bytes
        count = bytes.count
        atEnd = true
    }

    /// How many bytes of the input have been consumed.
    var bytesConsumed: Int { (reader?.bytesRead ?? count) - (count - index) }

    /// The next byte without consuming it; nil at the end of the input.
    @inline(__always)
    mutating func peek() throws(BriefingError) -> UInt8? {
        if index < count { return buffer[index] }
        return try refill() ? buffer[index] : nil
    }

    /// The next byte, consumed; nil at the end of the input.
    @inline(__always)
    mutating func next() throws(BriefingError) -> UInt8? {
        if index < count {
            defer { index += 1 }
            return buffer[index]
        }
        guard try refill() else { return nil }
        defer { index += 1 }
        return buffer[index]
    }

    /// Consumes `prefix` when the input continues with it; true when it did.
    mutating func skip(prefix: [UInt8]) throws(BriefingError) -> Bool {
        while count - index < prefix.count, !atEnd, let reader {
            // Keep the unread bytes, and read more after them.
            let unread = count - index
            buffer.replaceSubrange(0..<unread, with: buffer[index..<count])
            index = 0
            count = unread
            let read = try reader.read(into: &buffer, from: count)
            if read == 0 { atEnd = true }
            count += read
        }
        guard count - index >= prefix.count, buffer[index..<index + prefix.count].elementsEqual(prefix) else { return false }
        index += prefix.count
        return true
    }

    /// Puts `bytes`, just consumed, back in front of the input, so that they are read again.
    mutating func unread(_ bytes: [UInt8]) {
        var refilled = bytes
        refilled.append(contentsOf: buffer[index..<count])
        count = refilled.count
        index = 0
        if refilled.count < chunkSize { refilled.append(contentsOf: repeatElement(0, count: chunkSize - refilled.count)) }
        buffer = refilled
    }

    private mutating func refill() throws(BriefingError) -> Bool {
        guard !atEnd, let reader else { return false }
        count = try reader.read(into: &buffer)
        index = 0
        if count == 0 { atEnd = true }
        return count > 0
    }
}
