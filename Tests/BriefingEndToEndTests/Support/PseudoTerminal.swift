import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program run on a pseudo-terminal, so that it behaves as it does for a person at a keyboard
/// (bash runs readline and its Tab completion only on a terminal).
final class PseudoTerminal {
    enum Failure: Error { case cannotOpen(String) }

    private let process = Process()
    private let master: Int32
    /// Everything the program has written so far, escape codes included.
    private(set) var output = ""

    init(executable: String, arguments: [String], environment: [String: String], columns: UInt16 = 200) throws {
        guard let functions = PseudoTerminalFunctions() else { throw Failure.cannotOpen("no posix_openpt in libc") }
        master = functions.openMaster(O_RDWR | O_NOCTTY)
        guard master >= 0, functions.grant(master) == 0, functions.unlock(master) == 0,
              let name = functions.slaveName(master) else {
            throw Failure.cannotOpen("posix_openpt: \(String(cString: strerror(errno)))")
        }
        let slave = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw Failure.cannotOpen("open \(String(cString: name))") }
        var size = winsize(ws_row: 50, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = withUnsafeMutablePointer(to: &size) { ioctl(slave, UInt(TIOCSWINSZ), $0) }
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = terminal
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Types `text` as keystrokes.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in _ = write(master, buffer.baseAddress, buffer.count) }
    }

    /// Reads until `condition` holds for the output read so far, or `timeout` seconds pass.
    @discardableResult
    func read(until condition: (String) -> Bool, timeout: TimeInterval = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !condition(output) {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return false }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(min(left, 1) * 1000)) > 0 else { continue }
            let count = systemRead(master, &buffer, buffer.count)
            if count <= 0 { return condition(output) }
            output += String(decoding: buffer[..<count], as: UTF8.self)
        }
        return true
    }

    /// Waits for the program to end, at most `timeout` seconds; kills it after that.
    func waitForExit(timeout: TimeInterval = 10) {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            read(until: { _ in false }, timeout: 0.2)
        }
        if process.isRunning { process.terminate() }
    }
}

/// read(2), named apart from `PseudoTerminal.read(until:)`, which would hide it.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// posix_openpt(3) and its companions, looked up in libc at run time: Glibc declares them only for
/// `_XOPEN_SOURCE`, so Swift does not import them.
private struct PseudoTerminalFunctions {
    let openMaster: @convention(c) (Int32) -> Int32
    let grant: @convention(c) (Int32) -> Int32
    let unlock: @convention(c) (Int32) -> Int32
    let slaveName: @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    init?() {
        func lookUp<Function>(_ name: String, as _: Function.Type) -> Function? {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
            return unsafeBitCast(symbol, to: Function.self)
        }
        guard let openMaster = lookUp("posix_openpt", as: (@convention(c) (Int32) -> Int32).self),
              let grant = lookUp("grantpt", as: (@convention(c) (Int32) -> Int32).self),
              let unlock = lookUp("unlockpt", as: (@convention(c) (Int32) -> Int32).self),
              let slaveName = lookUp("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
        else { return nil }
        (self.openMaster, self.grant, self.unlock, self.slaveName) = (openMaster, grant, unlock, slaveName)
    }
}
