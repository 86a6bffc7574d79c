/// A 0-100 score as a bar of Unicode blocks, to the nearest eighth of a cell: at the full width 100
/// fills every cell, and 50 fills exactly half of them.
public enum ScoreBar {
    /// Cells for a score of 100.
    public static let width = 20
    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar for `score`, without padding; empty for 0.
    public static func bar(_ score: Int, width: Int = ScoreBar.width) -> String {
        let clamped = min(max(score, 0), 100)
        let units = (Double(clamped) * Double(width * 8) / 100).rounded()
        let full = Int(units) / 8
        let rest = Int(units) % 8
        return String(repeating: "█", count: full) + eighths[rest]
    }

    /// The bar padded to `width` cells, then the score: `██████████           50`.
    public static func line(_ score: Int, width: Int = ScoreBar.width) -> String {
        let bar = bar(score, width: width)
        let cells = bar.unicodeScalars.count
        let number = String(score)
        return bar + String(repeating: " ", count: width - cells + 2 + max(0, 3 - number.count)) + number
    }
}
