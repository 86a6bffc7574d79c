/// Every limit the program puts on its inputs, in one place. Each is far above what real content
/// needs and low enough that no input can exhaust the stack, the memory or the time; going over one
/// is a clear error with its position (bad data, 65, or a usage error, 64, for a command-line
/// argument).
public enum InputLimits {
    /// The longest condition, in characters (the longest shipped one is under 200).
    public static let conditionLength = 2_000
    /// How deeply parentheses, `not` and lists may nest in a condition.
    public static let conditionNesting = 32
    /// How many `and` and `or` one condition may join (the shipped conditions use at most 6).
    public static let conditionTerms = 100
    /// The largest answers file, snippet or blueprint read whole, in bytes.
    public static let documentBytes = 4 << 20
    /// How deeply mappings and lists may nest in a YAML or JSON document.
    public static let documentNesting = 32
    /// How many keys an answers document or batch row may have.
    public static let answerKeys = 2_000
    /// The longest text answer, in characters.
    public static let answerText = 2_000
    /// The longest line the chat reads, in bytes.
    public static let chatLineBytes = 16_384
    /// The longest name built from answers, in bytes.
    public static let fileNameBytes = 100
    /// How many diagnostics are printed; the rest are counted.
    public static let printedDiagnostics = 50
}
