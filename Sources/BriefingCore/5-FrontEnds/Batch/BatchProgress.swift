import Foundation

/// How far a batch run has got: for a progress bar while it runs, and its summary line at the end.
public struct BatchProgress: Sendable {
    public var rows: Int
    public var written: Int
    public var failed: Int
    public var seconds: Double
    /// Input read so far and its size (nil for a pipe), to estimate the time left.
    public var bytesRead: Int
    public var totalBytes: Int?

    public init(rows: Int = 0, written: Int = 0, failed: Int = 0, seconds: Double = 0, bytesRead: Int = 0, totalBytes: Int? = nil) {
        self.rows = rows
        self.written = written
        self.failed = failed
        self.seconds = seconds
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
    }

    /// Rows a second.
    public var rate: Double { seconds > 0 ? Double(rows) / seconds : 0 }

    /// "10000 rows: 9980 written, 20 failed in 0.9 s (11,000/s)"
    public var summary: String {
        "\(rows) row\(rows == 1 ? "" : "s"): \(written) written, \(failed) failed in "
            + "\(Self.seconds(seconds)) (\(Self.grouped(Int(rate.rounded())))/s)"
    }

    /// "[#########...........]  4,096 rows  11,000/s  ETA 0.5 s", `width` characters at most.
    public func bar(width: Int) -> String {
        var text = "\(Self.grouped(rows)) rows  \(Self.grouped(Int(rate.rounded())))/s"
        if failed > 0 { text += "  \(Self.grouped(failed)) failed" }
        guard let totalBytes, totalBytes > 0 else { return String(text.prefix(width)) }
        let fraction = min(1, Double(bytesRead) / Double(totalBytes))
        if fraction > 0, seconds > 0.05 {
            text += "  ETA \(Self.seconds(seconds / fraction - seconds))"
        }
        let barWidth = max(10, min(40, width - text.count - 4))
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "]  "
        return String((bar + text).prefix(width))
    }

    /// "0.9 s", "12 s", "2 min 5 s"
    static func seconds(_ value: Double) -> String {
        let value = max(0, value)
        if value < 10 { return String(format: "%.1f s", value) }
        if value < 60 { return "\(Int(value.rounded())) s" }
        let whole = Int(value.rounded())
        return "\(whole / 60) min \(whole % 60) s"
    }

    /// 11000 → "11,000"
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}
