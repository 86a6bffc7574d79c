import Foundation
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// What decoding each library file gave, kept on disk between runs, so that a command started afresh
/// does not parse hundreds of unchanged files again.
///
/// An entry is keyed by the file's path in the library and the length and hash of its bytes: an
/// edited file never matches, whatever its times say. The whole cache belongs to one executable
/// (its size, times and inode), so a rebuilt program never reads what another one decoded. The cache
/// is one file under `$XDG_CACHE_HOME/briefing` (or `~/.cache/briefing`), never in the library; it is
/// replaced atomically, and a cache that cannot be read or written is simply not used.
public struct LibraryCache: Sendable {
    /// The cache file.
    public let path: String
    /// Who may use the entries: the executable that wrote them.
    let owner: String

    /// The most payload bytes a library's own entries may take; a larger library is not cached.
    static let byteBudget = 32 << 20
    /// How many bytes of entries of files not in the latest load are kept behind its own (other
    /// libraries, earlier versions of files): as many as its own, and at least this many.
    static let olderEntryBytes = 2 << 20
    static let magic = Array("briefing library cache\n".utf8)
    /// The "path" of the entry for the checks across files, which no file has.
    static let crossFileChecks = ":checks across files"
    /// Bumped whenever the byte format changes.
    static let formatVersion: UInt64 = 1

    /// A cache at `path`, used only by the executable described as `owner`.
    public init(path: String, owner: String) {
        self.path = path
        self.owner = owner
    }

    /// The user's cache, or nil when there is no cache folder or the running executable cannot be
    /// identified (then nothing is cached).
    public static func user(environment: [String: String] = ProcessInfo.processInfo.environment) -> LibraryCache? {
        let base: String
        if let home = environment["XDG_CACHE_HOME"], home.hasPrefix("/") {
            base = home
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home + "/.cache"
        } else {
            return nil
        }
        guard let owner = executableIdentity() else { return nil }
        return LibraryCache(path: base + "/briefing/library.cache", owner: owner)
    }

    /// The running executable's size, modification and change times, device and inode; nil where
    /// `/proc/self/exe` does not name it.
    static func executableIdentity() -> String? {
        #if os(Linux)
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return nil }
        return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) "
            + "\(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec) \(status.st_dev) \(status.st_ino)"
        #else
        return nil
        #endif
    }

    /// Where an entry's file was, and what its bytes were.
    struct Key: Hashable, Sendable {
        var relative: String
        var length: Int
        var hash: UInt64

        init(relative: String, bytes: [UInt8]) {
            self.relative = relative
            length = bytes.count
            hash = Self.fnv1a(bytes)
        }

        init(relative: String, length: Int, hash: UInt64) {
            self.relative = relative
            self.length = length
            self.hash = hash
        }

        /// 64-bit FNV-1a: quick, and spread well enough that two versions of a file never meet.
        static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            return hash
        }
    }

    /// The entries of a cache file: each key with its payload, in the order they were written.
    struct Contents: Sendable {
        var bytes = CacheBytes([])
        var entries: [Key: Range<Int>] = [:]
        var order: [Key] = []

        func payload(_ key: Key, file: String) -> CacheReader? {
            entries[key].map { CacheReader(bytes, range: $0, file: file) }
        }
    }

    /// The entries on disk, or none when the file is missing, unreadable, from another executable or
    /// not a cache at all.
    func read() -> Contents {
        guard let bytes = Self.readFile(path) else { return Contents() }
        var reader = CacheReader(bytes)
        var contents = Contents(bytes: bytes)
        do throws(CacheFormatError) {
            for byte in Self.magic {
                guard try reader.byte() == byte else { return Contents() }
            }
            guard try reader.unsigned() == Self.formatVersion, try reader.string() == owner else { return Contents() }
            let count = try reader.count()
            for _ in 0..<count {
                let relative = try reader.string()
                let length = try reader.unsigned()
                guard length <= UInt64(InputLimits.documentBytes) else { return Contents() }
                let key = Key(relative: relative, length: Int(length), hash: try reader.fixed())
                let payload = try reader.span()
                if contents.entries.updateValue(payload, forKey: key) == nil { contents.order.append(key) }
            }
            return reader.isAtEnd ? contents : Contents()
        } catch {
            return Contents()
        }
    }

    /// The bytes of the cache file, mapped, or nil when it is missing, not a regular file or larger
    /// than any cache this code writes. (The file is only ever replaced by a rename, never changed
    /// in place, so the mapped bytes stay those of the file opened.)
    static func readFile(_ path: String) -> CacheBytes? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              Int(status.st_size) <= 3 * byteBudget else { return nil }
        let count = Int(status.st_size)
        if let mapped = CacheBytes(mapping: descriptor, count: count) { return mapped }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < bytes.count {
            let read = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { return nil }
            filled += read
        }
        return CacheBytes(bytes)
    }

    /// Replaces the cache with `fresh` (the entries of the latest load, in its order) followed by the
    /// most recent older entries that fit. Any failure leaves the cache as it was, or without it.
    func write(_ fresh: [(Key, [UInt8])], keeping previous: Contents) {
        var writer = CacheWriter()
        var entries = fresh
        let own = fresh.reduce(0) { $0 + $1.1.count }
        guard own <= Self.byteBudget else { return }
        var older = max(own, Self.olderEntryBytes)
        let kept = Set(fresh.map(\.0))
        for key in previous.order where !kept.contains(key) {
            guard let range = previous.entries[key], range.count <= older else { break }
            entries.append((key, previous.bytes[range]))
            older -= range.count
        }
        writer.append(Self.magic)
        writer.unsigned(Self.formatVersion)
        writer.string(owner)
        writer.unsigned(UInt64(entries.count))
        for (key, payload) in entries {
            writer.string(key.relative)
            writer.unsigned(UInt64(key.length))
            writer.fixed(key.hash)
            writer.raw(payload)
        }
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        guard !folder.isEmpty, Self.makeFolders(folder) else { return }
        try? AtomicFile.write(writer.bytes, to: path, overwrite: true, permissions: 0o600)
    }

    /// Creates `folder` and its parents (owner-only, as the XDG base directory rules ask), true when
    /// it is a folder at the end.
    static func makeFolders(_ folder: String) -> Bool {
        var status = stat()
        if stat(folder, &status) == 0 { return (status.st_mode & S_IFMT) == S_IFDIR }
        let parent = String(folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)])
        if !parent.isEmpty, !makeFolders(parent) { return false }
        return mkdir(folder, 0o700) == 0 || (stat(folder, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR)
    }
}
