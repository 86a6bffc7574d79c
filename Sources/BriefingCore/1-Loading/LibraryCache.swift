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
/// edited file never matches, whatever its times say. To spare reading every file, an entry also
/// keeps the fingerprints (`stat`) of the files it was found in, taken before they were read, and a
/// file whose fingerprint is one of them is not read again; as in Git, a fingerprint is kept only
/// once the file's times are older than the moment it was taken by more than any file system's
/// timestamp granularity, so that no later change can leave it the same. The whole cache belongs to
/// one executable (its size, times and inode), so a rebuilt program never reads what another one
/// decoded. The cache is one file under `$XDG_CACHE_HOME/briefing` (or `~/.cache/briefing`), never in
/// the library; it is replaced atomically, and a cache that cannot be read or written is simply not
/// used.
public struct LibraryCache: Sendable {
    /// The cache file.
    public let path: String
    /// Who may use the entries: the executable that wrote them.
    let owner: String
    /// How much older than the moment of its `stat` a file's times must be for its fingerprint to be
    /// kept, in nanoseconds: more than the coarsest timestamps (FAT's two seconds).
    let settlingTime: Int64
    /// The most fingerprints an entry keeps: one per copy of the library the file is found in.
    static let fingerprintsPerEntry = 4

    /// The most payload bytes a library's own entries may take; a larger library is not cached.
    static let byteBudget = 32 << 20
    /// How many bytes of entries of files not in the latest load are kept behind its own (other
    /// libraries, earlier versions of files): as many as its own, and at least this many.
    static let olderEntryBytes = 2 << 20
    static let magic = Array("briefing library cache\n".utf8)
    /// The "path" of the entry for the checks across files, which no file has.
    static let crossFileChecks = ":checks across files"
    /// Bumped whenever the byte format changes.
    static let formatVersion: UInt64 = 2

    /// A cache at `path`, used only by the executable described as `owner`.
    public init(path: String, owner: String) {
        self.init(path: path, owner: owner, settlingTime: 3_000_000_000)
    }

    init(path: String, owner: String, settlingTime: Int64) {
        self.path = path
        self.owner = owner
        self.settlingTime = settlingTime
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
            var hasher = Hasher()
            hasher.combine(bytes)
            return hasher.value
        }

        /// FNV-1a over a sequence of values: each string's bytes and length, each number's eight bytes.
        struct Hasher {
            private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

            mutating func combine(_ bytes: some Sequence<UInt8>) {
                for byte in bytes { combine(byte: UInt64(byte)) }
            }

            mutating func combine(_ text: String) {
                combine(text.utf8)
                combine(UInt64(text.utf8.count))
            }

            mutating func combine(_ number: UInt64) {
                for shift in stride(from: UInt64(0), to: 64, by: 8) { combine(byte: (number >> shift) & 0xFF) }
            }

            private mutating func combine(byte: UInt64) {
                value = (value ^ byte) &* 0x0000_0100_0000_01b3
            }
        }
    }

    /// What `stat` says of a regular file: its device and inode, size, and modification and change
    /// times. Any change to the file changes its change time, which no program can set back.
    struct Fingerprint: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var changed: Int64

        init?(_ status: stat) {
            guard (status.st_mode & S_IFMT) == S_IFREG else { return nil }
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int64(status.st_size)
            #if os(Linux)
            modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
            changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
            #else
            modified = Int64(status.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(status.st_mtimespec.tv_nsec)
            changed = Int64(status.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(status.st_ctimespec.tv_nsec)
            #endif
        }

        init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
            self.device = device
            self.inode = inode
            self.size = size
            self.modified = modified
            self.changed = changed
        }

        /// The fingerprint of `path`, or nil when it is not a regular file.
        static func of(_ path: String) -> Fingerprint? {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            return Fingerprint(status)
        }
    }

    /// A file's path in the library with its fingerprint: what finds an entry without reading the file.
    struct Sighting: Hashable, Sendable {
        var relative: String
        var fingerprint: Fingerprint
    }

    /// The entries of a cache file: each key with its payload and fingerprints, in the order they were written.
    struct Contents: Sendable {
        /// Where an entry's payload is, and the fingerprints it keeps.
        struct Stored: Sendable {
            var payload: Range<Int>
            var fingerprints: [Fingerprint]
        }

        var bytes = CacheBytes([])
        var stored: [Key: Stored] = [:]
        var sightings: [Sighting: Key] = [:]
        var order: [Key] = []

        /// Each entry's payload.
        var entries: [Key: Range<Int>] { stored.mapValues(\.payload) }

        /// Each entry's fingerprints.
        var fingerprints: [Key: [Fingerprint]] { stored.mapValues(\.fingerprints) }

        func payload(_ key: Key, file: String) -> CacheReader? {
            stored[key].map { CacheReader(bytes, range: $0.payload, file: file) }
        }

        func fingerprints(of key: Key) -> [Fingerprint] {
            stored[key]?.fingerprints ?? []
        }

        /// The entry of the file at `relative` whose fingerprint this is, if one was kept.
        func key(relative: String, fingerprint: Fingerprint) -> Key? {
            sightings[Sighting(relative: relative, fingerprint: fingerprint)]
        }

        /// The fingerprints to keep for `key` once the file has been seen with `fingerprint` (nil when
        /// its times are too recent to trust): that one first, then the others it had.
        func fingerprints(of key: Key, seen fingerprint: Fingerprint?) -> [Fingerprint] {
            let kept = fingerprints(of: key)
            guard let fingerprint else { return kept }
            return Array(([fingerprint] + kept.filter { $0 != fingerprint }).prefix(LibraryCache.fingerprintsPerEntry))
        }
    }

    /// The fingerprint to keep of a file seen with `fingerprint` at `instant` (nanoseconds since 1970),
    /// or nil when its times are too close to that moment: a change a moment later could then leave
    /// them as they are.
    func settled(_ fingerprint: Fingerprint?, at instant: Int64) -> Fingerprint? {
        guard let fingerprint, fingerprint.modified < instant - settlingTime, fingerprint.changed < instant - settlingTime
        else { return nil }
        return fingerprint
    }

    /// Now, in nanoseconds since 1970.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
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
            contents.stored.reserveCapacity(count)
            contents.sightings.reserveCapacity(count)
            contents.order.reserveCapacity(count)
            for _ in 0..<count {
                let relative = try reader.string()
                let length = try reader.unsigned()
                guard length <= UInt64(InputLimits.documentBytes) else { return Contents() }
                let key = Key(relative: relative, length: Int(length), hash: try reader.fixed())
                let fingerprints = try reader.array { reader throws(CacheFormatError) in
                    Fingerprint(device: try reader.unsigned(), inode: try reader.unsigned(), size: Int64(try reader.int()),
                                modified: Int64(try reader.int()), changed: Int64(try reader.int()))
                }
                let payload = try reader.span()
                guard contents.stored.updateValue(Contents.Stored(payload: payload, fingerprints: fingerprints), forKey: key) == nil
                else { continue }
                contents.order.append(key)
                for fingerprint in fingerprints where fingerprint.size == Int64(length) {
                    contents.sightings[Sighting(relative: relative, fingerprint: fingerprint)] = key
                }
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

    /// One entry to write: its key, the fingerprints of the files it was found in, and its payload.
    struct Entry {
        var key: Key
        var fingerprints: [Fingerprint]
        var payload: [UInt8]
    }

    /// Replaces the cache with `fresh` (the entries of the latest load, in its order) followed by the
    /// most recent older entries that fit. Any failure leaves the cache as it was, or without it.
    func write(_ fresh: [Entry], keeping previous: Contents) {
        var writer = CacheWriter()
        var entries = fresh
        let own = fresh.reduce(0) { $0 + $1.payload.count }
        guard own <= Self.byteBudget else { return }
        var older = max(own, Self.olderEntryBytes)
        let kept = Set(fresh.map(\.key))
        for key in previous.order where !kept.contains(key) {
            guard let entry = previous.stored[key], entry.payload.count <= older else { break }
            entries.append(Entry(key: key, fingerprints: entry.fingerprints, payload: previous.bytes[entry.payload]))
            older -= entry.payload.count
        }
        writer.append(Self.magic)
        writer.unsigned(Self.formatVersion)
        writer.string(owner)
        writer.unsigned(UInt64(entries.count))
        for entry in entries {
            writer.string(entry.key.relative)
            writer.unsigned(UInt64(entry.key.length))
            writer.fixed(entry.key.hash)
            writer.array(entry.fingerprints) { writer, fingerprint in
                writer.unsigned(fingerprint.device)
                writer.unsigned(fingerprint.inode)
                writer.int(Int(fingerprint.size))
                writer.int(Int(fingerprint.modified))
                writer.int(Int(fingerprint.changed))
            }
            writer.raw(entry.payload)
        }
        guard canBeWritten else { return }
        try? AtomicFile.write(writer.bytes, to: path, overwrite: true, permissions: 0o600)
    }

    /// Whether the cache file's folder is, or can be made, a folder this process may write in.
    var canBeWritten: Bool {
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        return !folder.isEmpty && Self.makeFolders(folder) && access(folder, W_OK) == 0
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
