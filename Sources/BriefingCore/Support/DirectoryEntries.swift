#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of one folder, read with `opendir`/`readdir`: cheaper than `FileManager` when a
/// library has thousands of files.
enum DirectoryEntries {
    /// One name in a folder.
    struct Entry {
        var name: String
        /// True for a real folder; a symbolic link to a folder is not one.
        var isDirectory: Bool
    }

    /// The entries of `path` except `.` and `..`, in no particular order; empty when it cannot be read.
    static func list(_ path: String) -> [Entry] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let pointer = readdir(directory) {
            let name = withUnsafeBytes(of: pointer.pointee.d_name) { buffer in
                buffer.baseAddress.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? ""
            }
            if name.isEmpty { continue }
            if name == "." || name == ".." { continue }
            var isDirectory = Int32(pointer.pointee.d_type) == Int32(DT_DIR)
            if Int32(pointer.pointee.d_type) == Int32(DT_UNKNOWN) {
                var status = stat()
                isDirectory = lstat(path + "/" + name, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append(Entry(name: name, isDirectory: isDirectory))
        }
        return entries
    }
}
