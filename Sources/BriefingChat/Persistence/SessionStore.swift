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

    func save(_ snapshot: SessionSnapshot) throws(BriefingError) {
        do {
            try directory.create()
        } catch {
            throw .cannotCreateOutput(path: directory.path, reason: TextFile.reason(error))
        }
        let json = JSONRenderer.encode(snapshot, pretty: true) + "\n"
        try AtomicFile.write(json, to: directory.sessionFile, overwrite: true, permissions: 0o600)
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
