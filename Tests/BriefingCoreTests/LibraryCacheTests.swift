import Foundation
import Testing
@testable import BriefingCore

/// The cache of decoded library files: a library read through it is, to the last stored property
/// and diagnostic, the library decoded afresh; edits are seen whatever the file times say; and a
/// cache that is missing, broken, foreign or unwritable changes nothing but the speed.
@Suite struct LibraryCacheTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every stored property of every blueprint and snippet, and every diagnostic, as text: the
    /// library's reflection, with the entries of dictionaries and sets sorted (their order differs
    /// from one instance to the next).
    static func dumped(_ library: ContentLibrary) -> String {
        canonical(library, indent: "")
    }

    static func canonical(_ value: Any, indent: String) -> String {
        let mirror = Mirror(reflecting: value)
        let children = mirror.children.map { child in
            (child.label.map { $0 + ": " } ?? "") + canonical(child.value, indent: indent + "  ")
        }
        if children.isEmpty { return String(reflecting: value) }
        let ordered = mirror.displayStyle == .dictionary || mirror.displayStyle == .set ? children.sorted() : children
        return "\(mirror.subjectType) {\n" + ordered.map { indent + "  " + $0 + "\n" }.joined() + indent + "}"
    }

    static func cache(in folder: TemporaryFolder, owner: String = "tests") -> LibraryCache {
        LibraryCache(path: folder.path + "/cache/briefing/library.cache", owner: owner)
    }

    static func inode(_ path: String) -> UInt64? {
        var status = stat()
        return stat(path, &status) == 0 ? UInt64(status.st_ino) : nil
    }

    /// Loads `root` afresh, then through an empty cache (which fills it), then through the filled
    /// cache, and checks that all three give the same library; returns the cache.
    @discardableResult
    static func expectSameThroughCache(_ root: String, today: CalendarDate? = nil,
                                       in folder: TemporaryFolder = TemporaryFolder("briefing-cache")) throws -> LibraryCache {
        let cache = Self.cache(in: folder)
        let fresh = dumped(try LibraryLoader.load(from: root, today: today))
        let filling = dumped(try LibraryLoader.load(from: root, today: today, cache: cache))
        let written = inode(cache.path)
        #expect(written != nil, "the cache was written")
        let reading = dumped(try LibraryLoader.load(from: root, today: today, cache: cache))
        #expect(filling == fresh)
        #expect(reading == fresh)
        #expect(inode(cache.path) == written, "a load that found every file in the cache does not rewrite it")
        return cache
    }

    @Test func theShippedLibraryReadsTheSameThroughTheCache() throws {
        let folder = TemporaryFolder("briefing-cache")
        let cache = try Self.expectSameThroughCache(Self.repository.path, today: CalendarDate("2026-03-01"), in: folder)
        let files = LibraryLoader.files(in: Self.repository.path + "/Snippets", extensions: ["md"], recursive: true).count
        // Every file, and the checks across them.
        #expect(cache.read().entries.count == files + 2 + 1)
    }

    @Test func theChecksAcrossFilesAreTakenFromTheCacheOnlyForTheSameDateAndFiles() throws {
        let folder = TemporaryFolder("briefing-cache")
        let cache = Self.cache(in: folder)
        let library = LibraryLoaderTests.library(["old.md": LibraryLoaderTests.snippet("title: Old\nsection: summary\nreviewed: 2020-01-01")])
        func reviewWarnings(_ today: String?) throws -> Int {
            let loaded = try LibraryLoader.load(from: library.path, today: today.flatMap(CalendarDate.init), cache: cache)
            #expect(Self.dumped(loaded) == Self.dumped(try LibraryLoader.load(from: library.path, today: today.flatMap(CalendarDate.init))))
            return loaded.diagnostics.filter { $0.message.contains("over 12 months ago") }.count
        }
        #expect(try reviewWarnings("2026-03-01") == 1)
        #expect(try reviewWarnings("2026-03-01") == 1)
        #expect(try reviewWarnings("2020-06-01") == 0)
        #expect(try reviewWarnings(nil) == 0)
        #expect(try reviewWarnings("2026-03-01") == 1)
        // A second snippet that the first one's checks know nothing about: a duplicate id.
        library.write("Snippets/again.md", LibraryLoaderTests.snippet("id: old\ntitle: Again\nsection: summary"))
        let loaded = try LibraryLoader.load(from: library.path, today: CalendarDate("2026-03-01"), cache: cache)
        #expect(loaded.diagnostics.contains { $0.message.hasPrefix("duplicate snippet id 'old'") })
    }

    /// A library with a problem of every kind: bad YAML, a bad condition over several lines, an
    /// unknown variable, a heading, raw HTML, an image, a bad summary, bytes that are not UTF-8.
    static func brokenLibrary() -> TemporaryFolder {
        let folder = LibraryLoaderTests.library([
            "bad-yaml.md": "---\ntitle: Bad: colon\nsection: context\n---\nBody.\n",
            "bad-when.md": LibraryLoaderTests.snippet("title: When\nsection: context\nwhen: >-\n  nation == \"wales\" and\n  stage = 1"),
            "checked-when.md": LibraryLoaderTests.snippet("title: Checked\nsection: context\nwhen: |-\n  nation == \"walse\"\n  or drivers contains \"x\""),
            "variable.md": LibraryLoaderTests.snippet("title: Variable\nsection: summary", body: "Hello {{organisaton}} and {{nation | somewhere}}.\n"),
            "markdown.md": LibraryLoaderTests.snippet("title: Markdown\nsection: summary\nsummary: \"- a list\"",
                                                     body: "# Heading\n\nText <b>bold</b> ![image](x.png)\n\nUnder\n---\n"),
            "keys.md": LibraryLoaderTests.snippet("title: Keys\nsection: nowhere\npriorty: 1\nsources:\n  - title: A\n    url: ftp://x\n"
                                                 + "reviewed: 2020-01-01\ncovers: [a b]\nminutes: 0"),
            "nested/\u{E9}t\u{E9}.md": LibraryLoaderTests.snippet("title: Caf\u{E9} \u{2014} \u{201C}quoted\u{201D}\nsection: context\n"
                                                                 + "blueprints: [pilot, other]\nwhen: nation in [\"wales\", \"england\"]\n"
                                                                 + "priority: 1\norder: -3\ndimension: power\nsummary: Short."),
        ])
        folder.write("Snippets/latin1.md", bytes: Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\nsection: context\n---\nBody.\n".utf8))
        folder.write("Briefings/broken.yaml", "id: other\ntitle: \"{{unclosed\"\nquestions:\n  - id: x\n    type: colour\nsections: []\n")
        return folder
    }

    @Test func aBrokenLibraryReadsTheSameThroughTheCache() throws {
        let library = Self.brokenLibrary()
        try Self.expectSameThroughCache(library.path, today: CalendarDate("2026-03-01"))
        #expect(try LibraryLoader.load(from: library.path).diagnostics.count > 15)
    }

    @Test func anEditIsSeenEvenWithTheSameSizeAndTimes() throws {
        let folder = TemporaryFolder("briefing-cache")
        let library = LibraryLoaderTests.library(["a.md": LibraryLoaderTests.snippet("title: Alpha\nsection: summary")])
        let cache = Self.cache(in: folder)
        let path = library.path + "/Snippets/a.md"
        var before = stat()
        stat(path, &before)
        #expect(try LibraryLoader.load(from: library.path, cache: cache).snippets.map(\.title) == ["Alpha"])

        library.write("Snippets/a.md", LibraryLoaderTests.snippet("title: Gamma\nsection: summary"))
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        var after = stat()
        stat(path, &after)
        #expect(after.st_size == before.st_size && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        #expect(try LibraryLoader.load(from: library.path, cache: cache).snippets.map(\.title) == ["Gamma"])
    }

    @Test func aLibraryShownFromAnotherFolderGetsItsOwnPaths() throws {
        let folder = TemporaryFolder("briefing-cache")
        let cache = Self.cache(in: folder)
        let library = Self.brokenLibrary()
        _ = try LibraryLoader.load(from: library.path, cache: cache)
        let otherSpelling = library.path + "/./"
        let fresh = Self.dumped(try LibraryLoader.load(from: otherSpelling))
        #expect(fresh.contains(otherSpelling + "Snippets/bad-when.md"))
        #expect(Self.dumped(try LibraryLoader.load(from: otherSpelling, cache: cache)) == fresh)
    }

    @Test(arguments: ["garbage", "truncated", "foreign", "folder"])
    func aBrokenOrForeignCacheIsIgnoredAndReplaced(_ damage: String) throws {
        let folder = TemporaryFolder("briefing-cache")
        let cache = Self.cache(in: folder)
        let library = Self.brokenLibrary()
        let fresh = Self.dumped(try LibraryLoader.load(from: library.path))
        _ = try LibraryLoader.load(from: library.path, cache: cache)
        let good = try #require(LibraryCache.readFile(cache.path).map { $0[0..<$0.count] })
        switch damage {
        case "garbage": #expect(FileManager.default.createFile(atPath: cache.path, contents: Data(good.map { $0 ^ 0x5A })))
        case "truncated": #expect(FileManager.default.createFile(atPath: cache.path, contents: Data(good.prefix(good.count / 2))))
        case "folder":
            try FileManager.default.removeItem(atPath: cache.path)
            try FileManager.default.createDirectory(atPath: cache.path, withIntermediateDirectories: false)
        default: _ = try LibraryLoader.load(from: library.path, cache: Self.cache(in: folder, owner: "another build"))
        }
        #expect(Self.dumped(try LibraryLoader.load(from: library.path, cache: cache)) == fresh)
        if damage != "folder" {
            #expect(cache.read().entries.count == 9, "the cache was written again for this executable (all but the file that is not UTF-8)")
        }
    }

    @Test func everyEntryThatDoesNotReadAsOneIsDecodedAfresh() throws {
        let folder = TemporaryFolder("briefing-cache")
        let cache = Self.cache(in: folder)
        let library = Self.brokenLibrary()
        let fresh = Self.dumped(try LibraryLoader.load(from: library.path))
        _ = try LibraryLoader.load(from: library.path, cache: cache)
        // Each entry's payload replaced by bytes of its own length that do not decode.
        var contents = cache.read()
        var bytes = contents.bytes[0..<contents.bytes.count]
        for range in contents.entries.values {
            for index in range { bytes[index] = 0xFF }
        }
        contents.bytes = CacheBytes(bytes)
        cache.write([], keeping: contents)
        #expect(cache.read().entries.count == 9)
        #expect(Self.dumped(try LibraryLoader.load(from: library.path, cache: cache)) == fresh)
    }

    @Test func aCacheThatCannotBeWrittenChangesNothing() throws {
        let folder = TemporaryFolder("briefing-cache")
        let blocker = folder.write("not-a-folder", "a file where the cache folder would be")
        let cache = LibraryCache(path: blocker + "/briefing/library.cache", owner: "tests")
        let library = Self.brokenLibrary()
        let fresh = Self.dumped(try LibraryLoader.load(from: library.path))
        #expect(Self.dumped(try LibraryLoader.load(from: library.path, cache: cache)) == fresh)
        #expect(cache.read().entries.isEmpty)
    }

    @Test func theCacheNeverWritesIntoTheLibrary() throws {
        let folder = TemporaryFolder("briefing-cache")
        let library = Self.brokenLibrary()
        func listing() -> [String] { (FileManager.default.subpaths(atPath: library.path) ?? []).sorted() }
        let before = listing()
        _ = try LibraryLoader.load(from: library.path, cache: Self.cache(in: folder))
        _ = try LibraryLoader.load(from: library.path, cache: Self.cache(in: folder))
        #expect(listing() == before)
        #expect(FileManager.default.fileExists(atPath: Self.cache(in: folder).path))
    }

    @Test func oldEntriesOfOtherLibrariesAreKeptBehindTheLatestOnes() throws {
        let folder = TemporaryFolder("briefing-cache")
        let cache = Self.cache(in: folder)
        let first = LibraryLoaderTests.library(["a.md": LibraryLoaderTests.snippet("title: A\nsection: summary")])
        let second = LibraryLoaderTests.library(["a.md": LibraryLoaderTests.snippet("title: B\nsection: summary")])
        _ = try LibraryLoader.load(from: first.path, cache: cache)
        _ = try LibraryLoader.load(from: second.path, cache: cache)
        let keys = cache.read().order
        // The second library's two files and checks first, then the first library's own version of
        // a.md and its checks; the blueprints are the same bytes, so one entry serves both.
        let checks = LibraryCache.crossFileChecks
        #expect(keys.map(\.relative) == ["Briefings/pilot.yaml", "Snippets/a.md", checks, "Snippets/a.md", checks])
    }

    /// A cache that keeps the fingerprint of every file at once, as it does of files not changed in
    /// the last seconds.
    static func trustingCache(in folder: TemporaryFolder) -> LibraryCache {
        LibraryCache(path: folder.path + "/cache/briefing/library.cache", owner: "tests", settlingTime: 0)
    }

    @Test func aFingerprintIsKeptOnlyOnceTheFileHasSettled() throws {
        let folder = TemporaryFolder("briefing-cache")
        let library = LibraryLoaderTests.library(["a.md": LibraryLoaderTests.snippet("title: A\nsection: summary")])
        let cache = Self.cache(in: folder)
        _ = try LibraryLoader.load(from: library.path, cache: cache)
        #expect(cache.read().fingerprints.values.allSatisfy { $0.isEmpty }, "files written a moment ago")
        let trusting = Self.trustingCache(in: folder)
        _ = try LibraryLoader.load(from: library.path, cache: trusting)
        let kept = trusting.read().fingerprints
        #expect(kept.count == 3 && kept.filter { $0.value.count == 1 }.count == 2, "both files, not the checks")
    }

    @Test func aFileWithAKeptFingerprintIsNotReadAgain() throws {
        let folder = TemporaryFolder("briefing-cache"), other = TemporaryFolder("briefing-cache")
        let alpha = LibraryLoaderTests.library(["a.md": LibraryLoaderTests.snippet("title: Alpha\nsection: summary")])
        let beta = LibraryLoaderTests.library(["a.md": LibraryLoaderTests.snippet("title: Beta\nsection: summary")])
        let cache = Self.trustingCache(in: folder), betaCache = Self.trustingCache(in: other)
        _ = try LibraryLoader.load(from: alpha.path, cache: cache)
        _ = try LibraryLoader.load(from: beta.path, cache: betaCache)
        // The entry of Alpha's a.md, with Alpha's fingerprint but Beta's payload.
        let contents = cache.read(), betaContents = betaCache.read()
        let alphaKey = try #require(contents.order.first { $0.relative == "Snippets/a.md" })
        let betaKey = try #require(betaContents.order.first { $0.relative == "Snippets/a.md" })
        let forged = LibraryCache.Entry(key: alphaKey, fingerprints: contents.fingerprints[alphaKey] ?? [],
                                        payload: betaContents.bytes[try #require(betaContents.entries[betaKey])])
        cache.write([forged], keeping: contents)
        #expect(try LibraryLoader.load(from: alpha.path, cache: cache).snippets.map(\.title) == ["Beta"],
                "the file was not read: its entry was found by its fingerprint")
    }

    @Test(arguments: ["same size and times", "renamed over"])
    func anEditIsSeenThroughAKeptFingerprint(_ edit: String) throws {
        let folder = TemporaryFolder("briefing-cache")
        let library = LibraryLoaderTests.library(["a.md": LibraryLoaderTests.snippet("title: Alpha\nsection: summary")])
        let cache = Self.trustingCache(in: folder)
        let path = library.path + "/Snippets/a.md"
        var before = stat()
        stat(path, &before)
        #expect(try LibraryLoader.load(from: library.path, cache: cache).snippets.map(\.title) == ["Alpha"])
        #expect(cache.read().fingerprints.values.contains { !$0.isEmpty })
        if edit == "renamed over" {
            library.write("Snippets/new.tmp", LibraryLoaderTests.snippet("title: Gamma\nsection: summary"))
            #expect(rename(library.path + "/Snippets/new.tmp", path) == 0)
        } else {
            // Rewritten in place: the same inode, size and (below) times; only the change time moves.
            let descriptor = open(path, O_WRONLY | O_TRUNC)
            let bytes = Array(LibraryLoaderTests.snippet("title: Gamma\nsection: summary").utf8)
            #expect(descriptor >= 0 && write(descriptor, bytes, bytes.count) == bytes.count)
            close(descriptor)
        }
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        var after = stat()
        stat(path, &after)
        #expect((after.st_ino == before.st_ino) == (edit == "same size and times"))
        #expect(after.st_size == before.st_size && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        #expect(try LibraryLoader.load(from: library.path, cache: cache).snippets.map(\.title) == ["Gamma"])
    }

    @Test func twoCopiesOfALibraryShareEntriesWithoutRewritingTheCache() throws {
        let folder = TemporaryFolder("briefing-cache")
        let files = ["a.md": LibraryLoaderTests.snippet("title: A\nsection: summary")]
        let first = LibraryLoaderTests.library(files), second = LibraryLoaderTests.library(files)
        let cache = Self.trustingCache(in: folder)
        _ = try LibraryLoader.load(from: first.path, cache: cache)
        _ = try LibraryLoader.load(from: second.path, cache: cache)
        let written = Self.inode(cache.path)
        for root in [first.path, second.path, first.path] {
            let cached = Self.dumped(try LibraryLoader.load(from: root, cache: cache))
            #expect(cached == Self.dumped(try LibraryLoader.load(from: root)))
        }
        #expect(Self.inode(cache.path) == written, "each copy's files are known by their fingerprints")
        #expect(cache.read().fingerprints.values.contains { $0.count == 2 })
    }

    @Test func theUserCacheLivesUnderTheXDGCacheFolder() {
        #expect(LibraryCache.user(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"])?.path
                == "/x/cache/briefing/library.cache")
        #expect(LibraryCache.user(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/u"])?.path
                == "/home/u/.cache/briefing/library.cache")
        #expect(LibraryCache.user(environment: ["HOME": "/home/u"])?.path == "/home/u/.cache/briefing/library.cache")
        #expect(LibraryCache.user(environment: [:]) == nil)
    }
}
