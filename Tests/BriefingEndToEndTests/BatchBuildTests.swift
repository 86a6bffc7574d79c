import Foundation
import Testing

/// `briefing build` on CSV and JSON Lines inputs, run as a user would run it: row errors that never
/// stop the others, exit codes, the manifest, identical output whatever `--jobs`, files that are
/// never overwritten without `--force`, safe names, and a killed run that leaves only whole files.
@Suite struct BatchBuildTests {
    // MARK: Running the built executable

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `briefing` executable next to this test bundle, else in `.build/debug`.
    static let executable: String = {
        var folders = Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        folders.append(repository.appendingPathComponent(".build/debug"))
        for folder in folders {
            let candidate = folder.appendingPathComponent("briefing").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return repository.appendingPathComponent(".build/debug/briefing").path
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts `briefing build ARGUMENTS` in `folder` with the shipped library and a fixed date.
    static func start(_ arguments: [String], in folder: String) throws -> (Process, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["build", "--library", repository.path, "--date", "2026-03-01"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["BRIEFING_LIBRARY"] = nil
        environment["SOURCE_DATE_EPOCH"] = nil
        process.environment = environment
        let out = folder + "/.stdout-\(UUID().uuidString)", err = folder + "/.stderr-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    static func build(_ arguments: [String], in folder: String) throws -> Run {
        let (process, out, err) = try start(arguments, in: folder)
        process.waitUntilExit()
        defer {
            unlink(out)
            unlink(err)
        }
        return Run(status: process.terminationStatus, stdout: try String(contentsOfFile: out, encoding: .utf8),
                   stderr: try String(contentsOfFile: err, encoding: .utf8))
    }

    /// Removes a test's folder when the test ends.
    static func remove(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A fresh folder for one test.
    static func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The names in `folder`, sorted, hidden ones included.
    static func listing(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    static func manifest(_ folder: String) throws -> [[String: Any]] {
        try String(contentsOfFile: folder + "/manifest.jsonl", encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    // MARK: Inputs

    static let header = "organisation,nation,sector,level,stage,maturity,audience,drivers,minutes"
    static let nations = ["england", "scotland", "wales", "northern-ireland", "uk-wide"]
    static let sectors = ["health-social-care", "local-government", "planning", "energy-infrastructure", "housing"]
    static let stages = ["early-thinking", "options", "formal-consultation", "decision", "delivery-review"]

    /// A good CSV row for `organisation`, varied by `index`.
    static func row(_ organisation: String, _ index: Int) -> String {
        let quoted = organisation.contains(where: { ",\"\n".contains($0) })
            ? "\"" + organisation.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : organisation
        return [quoted, nations[index % 5], sectors[(index / 5) % 5], ["neighbourhood", "service", "strategic"][index % 3],
                stages[(index / 3) % 5], ["starting", "developing", "established", "embedded"][index % 4],
                ["board", "executive-team", "elected-members", "partnership"][index % 4],
                ["", "trust", "trust;net-zero", "budget-pressure"][index % 4], ["5", "10", "20", ""][index % 4]]
            .joined(separator: ",")
    }

    static func writeCSV(_ rows: [String], to path: String) throws {
        try (([header] + rows).joined(separator: "\r\n") + "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    // MARK: Tests

    @Test func badRowsAreReportedAndTheRestAreBuilt() throws {
        let folder = try Self.scratch()
        defer { Self.remove(folder) }
        var rows = (1...30).map { Self.row("Council \($0)", $0) }
        rows[4] = "Bad Nation,walse,planning,service,options,starting,board,,10"
        rows[11] = ",wales,planning,service,options,starting,board,,10"
        rows[20] = Self.row("Too Many", 20) + ",extra"
        try Self.writeCSV(rows, to: folder + "/rows.csv")
        let run = try Self.build(["--answers", "rows.csv", "--output-dir", "out"], in: folder)

        #expect(run.status == 1)
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors == [
            "rows.csv:5: error: line 6: \"walse\" is not an option of 'nation'; did you mean \"wales\"?",
            "rows.csv:12: error: line 13: missing an answer to required question 'organisation' (Which organisation or system is this briefing for?)",
            "rows.csv:21: error: line 22: the row has 10 cells, but the header names 9 columns",
        ])
        #expect(run.stderr.contains("30 rows: 27 written, 3 failed in "))
        let manifest = try Self.manifest(folder + "/out")
        #expect(manifest.count == 30)
        #expect(manifest.map { $0["row"] as? Int } == (1...30).map { $0 })
        #expect(manifest.filter { $0["status"] as? String == "error" }.map { $0["row"] as? Int } == [5, 12, 21])
        #expect(manifest[4]["file"] is NSNull && (manifest[4]["error"] as? String)?.contains("walse") == true)
        #expect(manifest[0]["file"] as? String == "Council-1.md")
        #expect((manifest[0]["snippets"] as? [String])?.isEmpty == false && manifest[0]["minutes"] is Double)
        let files = try Self.listing(folder + "/out")
        #expect(files.count == 28)
        #expect(files.allSatisfy { !$0.hasPrefix(".") }, "no temporary or partial files remain")
        for entry in manifest {
            if let file = entry["file"] as? String {
                #expect(try String(contentsOfFile: folder + "/out/" + file, encoding: .utf8).hasPrefix("# Co-production briefing for"))
            }
        }
    }

    @Test func oneJobAndTwoJobsWriteTheSameBytes() throws {
        let folder = try Self.scratch()
        defer { Self.remove(folder) }
        // Several chunks of rows (512 each); repeated names exercise the numbering. Plain text is
        // slower to render, so it gets fewer rows.
        for (format, count) in [("md", 1_200), ("txt", 600)] {
            let rows = (0..<count).map { Self.row($0 % 7 == 0 ? "Same Name" : "Organisation \($0)", $0) }
            try Self.writeCSV(rows, to: folder + "/rows.csv")
            let one = try Self.build(["--answers", "rows.csv", "--output-dir", "one-\(format)", "--jobs", "1", "--format", format], in: folder)
            let two = try Self.build(["--answers", "rows.csv", "--output-dir", "two-\(format)", "--jobs", "2", "--format", format], in: folder)
            #expect(one.status == 0 && two.status == 0)
            let names = try Self.listing(folder + "/one-\(format)")
            #expect(names.count == count + 1)
            #expect(try Self.listing(folder + "/two-\(format)") == names)
            for name in names {
                let a = FileManager.default.contents(atPath: folder + "/one-\(format)/" + name)
                let b = FileManager.default.contents(atPath: folder + "/two-\(format)/" + name)
                #expect(a == b, "\(format)/\(name) differs")
            }
        }
    }

    @Test func existingFilesAreNeverOverwrittenWithoutForce() throws {
        let folder = try Self.scratch()
        defer { Self.remove(folder) }
        try Self.writeCSV([Self.row("Acme", 1), Self.row("Beta", 2)], to: folder + "/rows.csv")
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        try "mine\n".write(toFile: folder + "/out/Acme.md", atomically: true, encoding: .utf8)

        let first = try Self.build(["--answers", "rows.csv", "--output-dir", "out"], in: folder)
        #expect(first.status == 1)
        #expect(first.stderr.contains("rows.csv:1: error: line 2: cannot create out/Acme.md: the file already exists (use --force to overwrite it)"))
        #expect(try String(contentsOfFile: folder + "/out/Acme.md", encoding: .utf8) == "mine\n")
        #expect(FileManager.default.fileExists(atPath: folder + "/out/Beta.md"))

        let again = try Self.build(["--answers", "rows.csv", "--output-dir", "out"], in: folder)
        #expect(again.status == 73, "an earlier run's manifest is not overwritten either")
        #expect(again.stderr.contains("manifest.jsonl: the file already exists"))

        let forced = try Self.build(["--answers", "rows.csv", "--output-dir", "out", "--force"], in: folder)
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: folder + "/out/Acme.md", encoding: .utf8).hasPrefix("# Co-production briefing for Acme"))
        #expect(try Self.listing(folder + "/out") == ["Acme.md", "Beta.md", "manifest.jsonl"])
    }

    @Test func unsafeNamesStayInsideTheFolderAndApart() throws {
        let folder = try Self.scratch()
        defer { Self.remove(folder) }
        let long = String(repeating: "Long Name ", count: 30)
        let organisations = ["../../etc/passwd", "CON", "nul", long, "Emoji 🎉 Trust 👨‍👩‍👧", "Twin", "twin", "Twin", "/tmp/x", ".hidden"]
        try Self.writeCSV(organisations.enumerated().map { Self.row($1, $0) }, to: folder + "/rows.csv")
        let before = try Self.listing(folder)
        let run = try Self.build(["--answers", "rows.csv", "--output-dir", "out"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.listing(folder) == (before + ["out"]).sorted(), "nothing is written outside the folder")
        let names = try Self.manifest(folder + "/out").compactMap { $0["file"] as? String }
        #expect(names == ["etc-passwd.md", "CON_.md", "nul_.md",
                          String(repeating: "Long-Name-", count: 9) + "Long-Na.md",
                          "Emoji-🎉-Trust-👨‍👩‍👧.md", "Twin.md", "twin-2.md", "Twin-3.md", "tmp-x.md", "hidden.md"])
        #expect(names.allSatisfy { $0.utf8.count <= 100 && !$0.contains("/") && !$0.hasPrefix(".") })
        #expect(Set(try Self.listing(folder + "/out")) == Set(names + ["manifest.jsonl"]))
    }

    @Test func jsonLinesInAndOut() throws {
        let folder = try Self.scratch()
        defer { Self.remove(folder) }
        let lines = [
            #"{"organisation": "Acme", "nation": "wales", "sector": "planning", "level": "service", "stage": "options", "maturity": "starting", "audience": "board", "drivers": ["trust"]}"#,
            #"{"organisation": "Broken""#,
            #"{"organisation": "Beta", "nation": "scotland", "sector": "housing", "level": "strategic", "stage": "decision", "maturity": "embedded", "audience": "board", "minutes": 5}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/rows.jsonl", atomically: true, encoding: .utf8)
        let run = try Self.build(["--answers", "rows.jsonl", "--format", "json", "-o", "-"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("rows.jsonl:2: error: line 2: invalid JSON: "))
        // One line per row, in row order, the failed row included.
        let out = try run.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(out.count == 3)
        #expect(out.map { $0["row"] as? Int } == [1, 2, 3])
        #expect(out.map { $0["line"] as? Int } == [1, 2, 3])
        #expect(out.map { $0["status"] as? String } == ["ok", "error", "ok"])
        #expect(out.map { $0["title"] as? String } == ["Co-production briefing for Acme", nil, "Co-production briefing for Beta"])
        #expect(out[0]["schema"] as? Int == 1 && out[0]["errors"] == nil)
        let errors = try #require(out[1]["errors"] as? [String])
        #expect(errors.count == 1 && errors[0].hasPrefix("invalid JSON: "), "\(errors)")
        #expect(run.stdout.hasPrefix("{\"row\":1,\"line\":1,\"status\":\"ok\",\"answers\":"))
    }

    @Test func jsonLinesOnStdoutNameEveryRowOfACSVFailedOnesToo() throws {
        let folder = try Self.scratch()
        defer { Self.remove(folder) }
        try Self.writeCSV([Self.row("One", 1), "Two,walse,planning,service,options,starting,board,,10", Self.row("Three", 3),
                           ",wales,planning,service,options,starting,board,,10"], to: folder + "/rows.csv")
        let run = try Self.build(["--answers", "rows.csv", "--format", "json", "-o", "-", "--jobs", "2"], in: folder)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[1] == #"{"row":2,"line":3,"status":"error","errors":["\"walse\" is not an option of 'nation'; did you mean \"wales\"?"]}"#)
        #expect(lines[3] == #"{"row":4,"line":5,"status":"error","errors":["missing an answer to required question 'organisation' (Which organisation or system is this briefing for?)"]}"#)
        #expect(lines[0].hasPrefix(#"{"row":1,"line":2,"status":"ok","#) && lines[2].hasPrefix(#"{"row":3,"line":4,"status":"ok","#))
        // The messages on stderr count rows the same way.
        #expect(run.stderr.contains("rows.csv:2: error: line 3: \"walse\""))
        #expect(run.stderr.contains("rows.csv:4: error: line 5: missing an answer"))
    }

    @Test func problemsWithTheWholeRunStopBeforeAnyRow() throws {
        let folder = try Self.scratch()
        defer { Self.remove(folder) }
        try Self.writeCSV([Self.row("Acme", 1)], to: folder + "/rows.csv")
        try "organisation,natoin\nAcme,wales\n".write(toFile: folder + "/typo.csv", atomically: true, encoding: .utf8)
        let cases: [([String], Int32, String)] = [
            (["--answers", "rows.csv"], 64, "add --output-dir DIR"),
            (["--answers", "rows.csv", "--output-dir", "out", "--name", "{organisaton}"], 64, "did you mean \"organisation\"?"),
            (["--answers", "rows.csv", "--output-dir", "out", "--jobs", "0"], 64, "--jobs must be at least 1"),
            (["--answers", "typo.csv", "--output-dir", "out"], 65, "typo.csv:1:14: error: unknown question 'natoin' in blueprint senior-leader; did you mean 'nation'?"),
            (["--answers", "missing.csv", "--output-dir", "out"], 66, "not found: missing.csv"),
        ]
        for (arguments, status, message) in cases {
            let run = try Self.build(arguments, in: folder)
            #expect(run.status == status, "\(arguments)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/Acme.md"))
    }

    @Test func failFastStopsAtTheFirstBadRow() throws {
        let folder = try Self.scratch()
        defer { Self.remove(folder) }
        try Self.writeCSV([Self.row("One", 1), "Two,walse,,,,,,,", Self.row("Three", 3)], to: folder + "/rows.csv")
        let run = try Self.build(["--answers", "rows.csv", "--output-dir", "out", "--fail-fast"], in: folder)
        #expect(run.status == 1)
        #expect(try Self.manifest(folder + "/out").map { $0["status"] as? String } == ["ok", "error"])
        #expect(try Self.listing(folder + "/out") == ["One.md", "manifest.jsonl"])
    }

    @Test func aKilledRunLeavesOnlyWholeFiles() throws {
        let folder = try Self.scratch()
        defer { Self.remove(folder) }
        try Self.writeCSV((0..<6_000).map { Self.row("Organisation \($0)", $0) }, to: folder + "/rows.csv")
        let complete = try Self.build(["--answers", "rows.csv", "--output-dir", "complete"], in: folder)
        #expect(complete.status == 0)

        let (process, _, _) = try Self.start(["--answers", "rows.csv", "--output-dir", "killed"], in: folder)
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, ((try? Self.listing(folder + "/killed"))?.count ?? 0) < 600 { usleep(2_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let left = try Self.listing(folder + "/killed")
        let visible = left.filter { !$0.hasPrefix(".") }
        #expect(visible.count >= 500 && visible.count < 6_000, "killed part-way (\(visible.count) files)")
        #expect(!visible.contains("manifest.jsonl"), "the manifest only gets its name when the run ends")
        for name in visible {
            #expect(FileManager.default.contents(atPath: folder + "/killed/" + name)
                    == FileManager.default.contents(atPath: folder + "/complete/" + name), "\(name) is incomplete")
        }
        let partial = try String(contentsOfFile: folder + "/killed/.manifest.jsonl.partial", encoding: .utf8)
        #expect(partial.isEmpty || partial.hasSuffix("\n"))
        for line in partial.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "a whole manifest line")
        }
    }

    // MARK: Readiness for many teams

    @Test func aThousandTeamsOfSelfAndVerifiedScoresGiveAThousandReportsAndOneBadRowFailsAlone() throws {
        let folder = try Self.scratch()
        defer { Self.remove(folder) }
        let yaml = try String(contentsOf: Self.repository.appendingPathComponent("Briefings/readiness.yaml"), encoding: .utf8)
        let statements = yaml.split(separator: "\n").enumerated().compactMap { index, line -> String? in
            guard line.hasPrefix("  - id: ") else { return nil }
            let lines = yaml.split(separator: "\n")
            return index + 1 < lines.count && lines[index + 1].contains("type: scale") ? String(line.dropFirst(8)) : nil
        }
        #expect(statements.count == 18)
        var csv = (["organisation", "stage"] + statements + ["verification.verifier", "verification.date"]
            + statements.map { "verification.scores.\($0)" } + ["verification.notes.\(statements[0])"]).joined(separator: ",") + "\n"
        for row in 1...1000 {
            let own = statements.indices.map { ($0 + row) % 4 }
            let verified = row % 3 == 0 ? [String](repeating: "", count: statements.count)
                : own.enumerated().map { String(row == 700 && $0.offset == 2 ? 4 : max(0, $0.element - row % 2)) }
            let who = row % 3 == 0 ? ["", ""] : ["\"Assessor \(row % 7), Peer Review\"", "2026-02-20"]
            csv += (["Team \(row)", "options"] + own.map(String.init) + who + verified + [row % 3 == 0 ? "" : "Checked the minutes"])
                .joined(separator: ",") + "\n"
        }
        try csv.write(toFile: folder + "/teams.csv", atomically: true, encoding: .utf8)
        let run = try Self.build(["--blueprint", "readiness", "--answers", "teams.csv", "--output-dir", "out"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("teams.csv:700: error: line 701: the verified score for '\(statements[2])' must be 0, 1, 2 or 3"), "\(run.stderr)")
        #expect(run.stderr.contains("1000 rows: 999 written, 1 failed"))
        let manifest = try Self.manifest(folder + "/out")
        #expect(manifest.count == 1000)
        #expect(try Self.listing(folder + "/out").filter { $0.hasSuffix(".md") }.count == 999)
        let first = try #require(manifest.first?["readiness"] as? [String: Any])
        #expect(first["verification_status"] as? String == "complete")
        #expect(first["level"] is String && first["verified_level"] is String)
        let third = try #require(manifest[2]["readiness"] as? [String: Any])
        #expect(third["verification_status"] as? String == "none")
        #expect(third["verified_level"] is NSNull)
        #expect(manifest[699]["status"] as? String == "error")
        let report = try String(contentsOfFile: folder + "/out/Team-1.md", encoding: .utf8)
        #expect(report.contains("**Independently verified** by Assessor 1, Peer Review on 20 February 2026: 18 of 18 statements."))
        let unverified = try String(contentsOfFile: folder + "/out/Team-3.md", encoding: .utf8)
        #expect(unverified.contains("**Self-assessed, not independently verified.**"))
    }

    @Test func aBadAssessmentColumnIsCaughtBeforeTheFirstRow() throws {
        let folder = try Self.scratch()
        defer { Self.remove(folder) }
        try "organisation,verification.scores.leadership_bord\nA,1\n".write(toFile: folder + "/bad.csv", atomically: true, encoding: .utf8)
        let run = try Self.build(["--blueprint", "readiness", "--answers", "bad.csv", "--output-dir", "out"], in: folder)
        #expect(run.status == 65)
        #expect(run.stderr.contains("bad.csv:1:14: error: unknown statement 'leadership_bord' in blueprint readiness; did you mean 'leadership_board'?"), "\(run.stderr)")
    }
}
