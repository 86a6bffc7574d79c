import BriefingCore

/// A line that talks to the chat rather than answering the question: a command word typed without
/// its slash ("help", "quit", "back"), or a question about the question ("what does this mean?").
/// None of these is ever taken as an answer.
enum MetaInput: Equatable {
    /// "help", "help me", "what does this mean?", "why do you ask?".
    case help
    /// A command word without its slash: "quit" for /quit.
    case command(String)

    static func classify(_ line: String) -> MetaInput? {
        let words = PhraseMatcher.words(line)
        guard !words.isEmpty, words.count <= 8 else { return nil }
        let phrase = words.joined(separator: " ")
        if helpPhrases.contains(phrase) { return .help }
        if let command = commandWords[phrase] { return .command(command) }
        guard line.trimmingSpaces().hasSuffix("?") else { return nil }
        // A question is about the question when it asks what to do or what something means; "How do
        // we redesign urgent care?" answers the challenge question and is not about it.
        if words.count <= 2, questionWords.contains(words[0]) { return .help }
        if questionWords.contains(words[0]) || ["can", "could", "do", "does", "should", "is", "are"].contains(words[0]),
           words.contains(where: aboutTheQuestion.contains) {
            return .help
        }
        return nil
    }

    private static let helpPhrases: Set<String> = [
        "help", "help me", "help please", "please help", "i need help", "hint", "explain", "explain please", "huh",
        "i don't know", "i dont know", "not sure", "i'm not sure", "im not sure", "no idea", "pardon", "sorry",
        "what", "eh", "show options", "show me the options", "what are the options", "more info", "more information",
    ]

    private static let commandWords: [String: String] = [
        "quit": "quit", "exit": "quit", "bye": "quit", "goodbye": "quit", "stop": "quit", "leave": "quit",
        "back": "back", "undo": "back", "go back": "back",
        "preview": "preview", "outline": "outline", "answers": "answers", "reset": "reset", "start again": "reset",
        "start over": "reset", "export": "export", "save": "save", "resume": "resume", "commands": "help",
    ]

    private static let questionWords: Set<String> = ["what", "what's", "whats", "why", "how", "which", "who", "huh", "eh"]

    private static let aboutTheQuestion: Set<String> = [
        "mean", "means", "meaning", "this", "that", "question", "you", "example", "examples", "options", "option",
        "put", "answer", "type", "say", "enter", "write", "choose", "pick", "difference", "ask", "asking", "need",
    ]
}
