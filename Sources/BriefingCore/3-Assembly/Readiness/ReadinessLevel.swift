/// The four readiness levels, from a 0-100 score: starting (<25), developing (<50),
/// established (<75), embedded (>=75).
public enum ReadinessLevel: String, Sendable, CaseIterable, Codable, Comparable {
    case starting, developing, established, embedded

    /// The level of a score as the report shows it, rounded to a whole number first, so that a
    /// score shown as 50 is never called Developing.
    public init(score: Double) {
        switch score.rounded() {
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

    /// The level above this one, or nil for embedded.
    public var next: ReadinessLevel? {
        switch self {
        case .starting: .developing
        case .developing: .established
        case .established: .embedded
        case .embedded: nil
        }
    }

    /// The lowest score of this level.
    public var threshold: Double {
        switch self {
        case .starting: 0
        case .developing: 25
        case .established: 50
        case .embedded: 75
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: ReadinessLevel, rhs: ReadinessLevel) -> Bool { lhs.rank < rhs.rank }
}
