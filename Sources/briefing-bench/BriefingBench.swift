import BriefingCore
import Foundation

/// `briefing-bench`: the timings `make bench` cannot take from outside a process. Not installed,
/// not documented for users; `Scripts/bench` runs it.
///
/// `briefing-bench reassembly LIBRARY [ITERATIONS]` changes one answer at a time, as the chat does
/// after `/set`, and times re-assembling the briefing (with provenance, which `/why` needs) and
/// rendering it to Markdown. It prints one line: `reassembly assemble_ms=… assemble_render_ms=…`
/// with the medians, and the 90th percentiles.
///
/// `briefing-bench load LIBRARY [ITERATIONS] [fresh|cached]` times loading the library in this
/// process, decoding every file, and through a cache of decoded files (in a temporary folder, filled
/// first); or only one of the two, for a profiler. It prints `load fresh_ms=… cached_ms=…` with the
/// medians.
@main
enum BriefingBench {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 2, ["reassembly", "load"].contains(arguments[0]) else {
            print("usage: briefing-bench reassembly LIBRARY [ITERATIONS]\n       briefing-bench load LIBRARY [ITERATIONS]")
            return
        }
        do throws(BriefingError) {
            if arguments[0] == "load" {
                try load(library: arguments[1], iterations: arguments.count > 2 ? Int(arguments[2]) ?? 10 : 10,
                         only: arguments.count > 3 ? arguments[3] : nil)
            } else {
                try reassembly(library: arguments[1], iterations: arguments.count > 2 ? Int(arguments[2]) ?? 2_000 : 2_000)
            }
        } catch {
            print(error.description)
        }
    }

    static func load(library path: String, iterations: Int, only: String?) throws(BriefingError) {
        let folder = NSTemporaryDirectory() + "briefing-bench-cache-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = LibraryCache(path: folder + "/library.cache", owner: "briefing-bench")
        _ = try LibraryLoader.load(from: path, cache: cache)
        let clock = ContinuousClock()
        var fresh: [Double] = [], cached: [Double] = []
        for _ in 0..<max(1, iterations) {
            if only != "cached" {
                let start = clock.now
                _ = try LibraryLoader.load(from: path)
                fresh.append(milliseconds(clock.now - start))
            }
            if only != "fresh" {
                let start = clock.now
                _ = try LibraryLoader.load(from: path, cache: cache)
                cached.append(milliseconds(clock.now - start))
            }
        }
        print("load fresh_ms=\(format(median(fresh))) cached_ms=\(format(median(cached))) iterations=\(iterations)")
    }

    /// The senior-leader answers the timings start from, and the one-answer changes they cycle through.
    static let base: [String: AnswerValue] = [
        "organisation": .text("Cardiff and Vale University Health Board"), "nation": .choice("wales"),
        "sector": .choice("health-social-care"), "level": .choice("strategic"), "stage": .choice("options"),
        "maturity": .choice("developing"), "audience": .choice("board"), "drivers": .choices(["trust", "net-zero"]),
        "minutes": .number(10),
    ]
    static let changes: [(String, AnswerValue)] = [
        ("nation", .choice("scotland")), ("stage", .choice("formal-consultation")), ("maturity", .choice("starting")),
        ("minutes", .number(20)), ("drivers", .choices(["budget-pressure"])), ("level", .choice("neighbourhood")),
        ("audience", .choice("elected-members")), ("sector", .choice("planning")),
    ]

    static func reassembly(library path: String, iterations: Int) throws(BriefingError) {
        let library = try LibraryLoader.load(from: path)
        let assembler = Assembler(library: library, blueprint: try library.requireBlueprint("senior-leader"))
        let date = CalendarDate(secondsSinceEpoch: 1_767_225_600)
        var answers = Answers(base)
        var assembleTimes: [Double] = [], totalTimes: [Double] = []
        let clock = ContinuousClock()
        for iteration in 0..<(iterations + 50) {
            let (id, value) = changes[iteration % changes.count]
            answers[id] = iteration % (2 * changes.count) < changes.count ? value : base[id]
            let start = clock.now
            let briefing = assembler.assemble(answers, date: date, provenance: true)
            let assembled = clock.now
            let markdown = MarkdownRenderer.render(briefing)
            let rendered = clock.now
            precondition(!markdown.isEmpty)
            // The first iterations warm caches up and are not counted.
            if iteration >= 50 {
                assembleTimes.append(milliseconds(assembled - start))
                totalTimes.append(milliseconds(rendered - start))
            }
        }
        print("reassembly assemble_ms=\(format(median(assembleTimes))) assemble_p90_ms=\(format(percentile(assembleTimes, 0.9)))"
              + " assemble_render_ms=\(format(median(totalTimes))) assemble_render_p90_ms=\(format(percentile(totalTimes, 0.9)))"
              + " iterations=\(iterations)")
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }

    static func format(_ value: Double) -> String {
        let thousandths = Int((value * 1_000).rounded())
        let fraction = String(thousandths % 1_000)
        return "\(thousandths / 1_000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
