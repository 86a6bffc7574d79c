import Foundation

/// Where the chat keeps its history and session: `$XDG_STATE_HOME/briefing/`, by default
/// `~/.local/state/briefing/`.
public struct StateDirectory: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> StateDirectory {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return StateDirectory(path: state + "/briefing")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return StateDirectory(path: home + "/.local/state/briefing")
    }

    public var sessionFile: String { path + "/session.json" }
    /// The session a new one replaced, kept one generation back.
    public var previousSessionFile: String { path + "/session.previous.json" }
    public var historyFile: String { path + "/history" }

    /// Creates the folder (mode 0700) if needed.
    func create() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }
}
