import BriefingCore

/// What a chat session starts from.
public struct ChatConfiguration: Sendable {
    public var library: ContentLibrary
    public var blueprintID: String
    /// Answers to fill in before the first question.
    public var prefill: [RawAnswer]
    public var resume: Bool
    /// Where the session and history are kept; nil keeps nothing (tests).
    public var stateDirectory: StateDirectory?
    /// The date printed on exports.
    public var date: CalendarDate
    /// Relative export paths are resolved against this folder.
    public var workingDirectory: String
    public var style: TerminalStyle

    public init(library: ContentLibrary, blueprintID: String = "senior-leader", prefill: [RawAnswer] = [],
                resume: Bool = false, stateDirectory: StateDirectory?, date: CalendarDate,
                workingDirectory: String, style: TerminalStyle = .plain) {
        self.library = library
        self.blueprintID = blueprintID
        self.prefill = prefill
        self.resume = resume
        self.stateDirectory = stateDirectory
        self.date = date
        self.workingDirectory = workingDirectory
        self.style = style
    }
}
