/// A command's arguments split into words the way a shell would: spaces separate words, and
/// "double" or 'single' quotes keep spaces inside one (`/export md "my file.md"`); a backslash
/// keeps the next character as it is.
enum CommandWords {
    /// The words, or a message when a quote is left open.
    static func split(_ text: String) -> Result<[String], CommandWordsProblem> {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
                inWord = true
            } else if character == "\\", quote != "'" {
                escaped = true
            } else if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if let open = quote { return .failure(CommandWordsProblem(message: "the \(open) quote is never closed")) }
        if escaped { current.append("\\") }
        if inWord { words.append(current) }
        return .success(words)
    }
}

struct CommandWordsProblem: Error {
    var message: String
}
