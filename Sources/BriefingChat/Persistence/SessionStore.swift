import Foundation
import BriefingCore

/// Saves and loads the chat session atomically, so that a crash or `kill -9` loses nothing that
/// was answered before it.
struct SessionStore {
    let directory: StateDirectory

    /// Why a saved session could not be used.
    enum LoadProblem: Error, Equatable {
        case missing
        case unreadable(String)
        case otherVersion(Int)
    }

    /// Writes the session. With `keepingPrevious`, a session already saved (by another chat) is
    /// first kept as `session.previous.json`, so starting afresh never loses it.
    func save(_ snapshot: SessionSnapshot, keepingPrevious: Bool = false) throws(BriefingError) {
        do {
            try directory.create()
        } catch {
            throw .cannotCreateOutput(path: directory.path, reason: TextFile.reason(error))
        }
        if keepingPrevious { try keepAsPrevious() }
        let json = JSONRenderer.encode(snapshot, pretty: true) + "\n"
        try AtomicFile.write(json, to: directory.sessionFile, overwrite: true, permissions: 0o600)
    }

    /// Moves the saved session, if there is one, to `session.previous.json` (replacing an older one).
    func keepAsPrevious() throws(BriefingError) {
        guard FileManager.default.fileExists(atPath: directory.sessionFile) else { return }
        if rename(directory.sessionFile, directory.previousSessionFile) != 0 {
            throw .cannotCreateOutput(path: directory.previousSessionFile, reason: String(cString: strerror(errno)))
        }
    }

    /// True when a session file is saved.
    var hasSavedSession: Bool {
        FileManager.default.fileExists(atPath: directory.sessionFile)
    }

    func load() -> Result<SessionSnapshot, LoadProblem> {
        guard let data = FileManager.default.contents(atPath: directory.sessionFile) else { return .failure(.missing) }
        struct Versioned: Decodable { var version: Int? }
        guard let versioned = try? JSONDecoder().decode(Versioned.self, from: data) else {
            return .failure(.unreadable("it is not a session file"))
        }
        guard versioned.version == SessionSnapshot.currentVersion else {
            return .failure(.otherVersion(versioned.version ?? 0))
        }
        do {
            return .success(try JSONDecoder().decode(SessionSnapshot.self, from: data))
        } catch {
            return .failure(.unreadable("\(error)"))
        }
    }

    /// Moves an unusable session file aside so that it is kept, not overwritten.
    func setAside() -> String? {
        let target = directory.sessionFile + ".old"
        try? FileManager.default.removeItem(atPath: target)
        return (try? FileManager.default.moveItem(atPath: directory.sessionFile, toPath: target)) != nil ? target : nil
    }
}
