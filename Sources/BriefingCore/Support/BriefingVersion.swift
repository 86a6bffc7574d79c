/// The version `briefing --version` prints.
public enum BriefingVersion {
    public static let current = "0.4.0"
}
