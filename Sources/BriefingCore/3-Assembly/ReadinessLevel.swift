/// The four readiness levels, from a 0-100 score: starting (<25), developing (<50),
/// established (<75), embedded (>=75).
public enum ReadinessLevel: String, Sendable, CaseIterable, Codable {
    case starting, developing, established, embedded

    public init(score: Double) {
        switch score {
        case ..<25: self = .starting
        case ..<50: self = .developing
        case ..<75: self = .established
        default: self = .embedded
        }
    }

    /// "Starting", for prose.
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// True for the levels that need next steps.
    public var isWeak: Bool { self == .starting || self == .developing }
}
