/// A byte-at-a-time view of a `ByteChunkReader`, refilling one buffer as it goes.
struct ByteCursor {
    let reader: ByteChunkReader
    private var buffer: [UInt8]
    private var count = 0
    private var index = 0
    private var atEnd = false

    init(reader: ByteChunkReader, chunkSize: Int = ByteChunkReader.defaultChunkSize) {
        self.reader = reader
        buffer = [UInt8](repeating: 0, count: max(chunkSize, 16))
    }

    /// How many bytes of the input have been consumed.
    var bytesConsumed: Int { reader.bytesRead - (count - index) }

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
        while count - index < prefix.count, !atEnd {
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

    private mutating func refill() throws(BriefingError) -> Bool {
        guard !atEnd else { return false }
        count = try reader.read(into: &buffer)
        index = 0
        if count == 0 { atEnd = true }
        return count > 0
    }
}
