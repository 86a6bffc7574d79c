import Foundation
import Testing
@testable import BriefingCore

/// Checks on the content library that ships with the product: devolved law, readiness scoring and
/// the authoring rules every snippet must meet.
@Suite struct ShippedContentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let library = try! LibraryLoader.load(from: root)
    static let seniorLeader = library.blueprint("senior-leader")!
    static let readiness = library.blueprint("readiness")!
    static let date = CalendarDate("2026-01-15")!

    /// Where each nation's own statutory frameworks are cited from.
    static let nationalSources: [String: [String]] = [
        // The Planning Act 2008 is left out: it also governs the largest generating stations in Wales.
        "england": ["legislation.gov.uk/ukpga/2014/23", "legislation.gov.uk/ukpga/2022/31", "legislation.gov.uk/ukpga/2006/41",
                    "legislation.gov.uk/ukpga/2011/20", "legislation.gov.uk/ukpga/2026/23", "england.nhs.uk"],
        "scotland": ["legislation.gov.uk/asp/", "gov.scot", "scdc.org.uk"],
        "wales": ["legislation.gov.uk/anaw/", "gov.wales"],
        "northern-ireland": ["legislation.gov.uk/nia/", "hscni.net", "health-ni.gov.uk"],
    ]

    /// Every briefing a nation can get with the most content: each kind of body (and none), sector
    /// and stage, all drivers and topics, 60 minutes.
    func briefings(for nation: String) -> [Briefing] {
        let assembler = Assembler(library: Self.library, blueprint: Self.seniorLeader)
        let sectors = Self.seniorLeader.question("sector")!.options.map(\.value)
        let stages = Self.seniorLeader.question("stage")!.options.map(\.value)
        let bodies = Self.seniorLeader.question("body")!.options.map(\.value) as [String?] + [nil]
        let drivers = Self.seniorLeader.question("drivers")!.options.map(\.value)
        let topics = Self.seniorLeader.question("topics")!.options.map(\.value)
        var result: [Briefing] = []
        for body in bodies {
            for sector in sectors {
                for stage in stages {
                    var answers = Answers([
                        "organisation": .text("Test body"), "nation": .choice(nation), "sector": .choice(sector),
                        "level": .choice("strategic"), "stage": .choice(stage), "maturity": .choice("developing"),
                        "audience": .choice("board"), "drivers": .choices(drivers), "topics": .choices(topics),
                        "minutes": .number(60),
                    ])
                    if let body { answers["body"] = .choice(body) }
                    result.append(assembler.assemble(answers, date: Self.date, provenance: false))
                }
            }
        }
        return result
    }

    @Test(arguments: ["england", "scotland", "wales", "northern-ireland"])
    func noBriefingCitesAnotherNationsLaw(nation: String) {
        let foreign = Self.nationalSources.filter { $0.key != nation }.flatMap(\.value)
        for briefing in briefings(for: nation) {
            for source in briefing.sources {
                #expect(!foreign.contains { source.url.contains($0) },
                        "a \(nation) briefing (\(briefing.answers["body"]?.raw ?? "no body"), \(briefing.answers["sector"]!.raw), \(briefing.answers["stage"]!.raw)) cites \(source.url)")
            }
            let foreignSnippets = briefing.includedSnippetIDs.filter { id in
                let file = Self.library.snippet(id)!.location.file
                return Self.nationalSources.keys.contains { other in other != nation && file.contains("/nations/\(other)/") }
            }
            #expect(foreignSnippets.isEmpty, "a \(nation) briefing includes \(foreignSnippets)")
        }
    }

    @Test func eachNationGetsItsOwnDutiesForEveryKindOfBody() {
        let bodies = Self.seniorLeader.question("body")!.options.map(\.value)
        let assembler = Assembler(library: Self.library, blueprint: Self.seniorLeader)
        for nation in ["england", "scotland", "wales", "northern-ireland", "uk-wide"] {
            for body in bodies + ["unknown-body"] {
                var answers = Answers([
                    "organisation": .text("Test body"), "nation": .choice(nation), "sector": .choice("local-government"),
                    "level": .choice("strategic"), "stage": .choice("options"), "maturity": .choice("developing"),
                    "audience": .choice("board"), "minutes": .number(10),
                ])
                if body != "unknown-body" { answers["body"] = .choice(body) }
                let ids = assembler.assemble(answers, date: Self.date, provenance: false).includedSnippetIDs
                #expect(ids.contains("\(nation)-duties-\(body)"), "\(nation) \(body): \(ids)")
                #expect(ids.filter { $0.hasPrefix("\(nation)-duties-") && !$0.hasSuffix("-council-landlord") }.count == 1,
                        "\(nation) \(body) gets more than one duties snippet: \(ids)")
            }
        }
    }

    // MARK: Readiness

    func readinessBriefing(_ score: (Question) -> Double) -> Briefing {
        var answers = Answers(["organisation": .text("Test body")])
        for question in Self.readiness.questions where question.kind == .scale {
            answers[question.id] = .number(score(question))
        }
        return Assembler(library: Self.library, blueprint: Self.readiness).assemble(answers, date: Self.date)
    }

    @Test func allZeroScoresNameAtMostTwoDimensionsEachWithAMeasurablePlan() throws {
        let briefing = readinessBriefing { _ in 0 }
        #expect(briefing.levels?["overall"] == "starting")
        #expect(briefing.scores?["overall"] == 0)
        #expect(briefing.includedSnippetIDs.contains("readiness-overall-starting"))
        let nextSteps = briefing.includedSnippetIDs.filter { $0.hasSuffix("-next-steps") }
        #expect(nextSteps == ["readiness-leadership-next-steps", "readiness-resources-next-steps"])
        let report = try #require(briefing.readiness)
        #expect(report.focus.count == 2)
        for area in report.focus {
            #expect(area.baseline == 0 && area.target != nil && area.owner != nil)
        }
        let table = try #require(briefing.sections.first { $0.id == "next-steps" }?.generated)
        #expect(table.contains("| Leadership and culture | 0 (Starting, self-assessed) | 33 or more (Developing)"))
        #expect(table.contains("| Chief executive | 15 April 2026 |"))
        // Every action in the shipped next steps carries a timeline stage, a target and a check.
        for section in briefing.sections where section.id == "next-steps" {
            for snippet in section.snippets {
                let actions = snippet.markdown.split(separator: "\n").filter { $0.first?.isNumber == true }
                #expect(actions.count == 3, "\(snippet.id)")
                for action in actions {
                    #expect(action.contains("Target:") && action.contains("Check:"), "\(snippet.id): \(action)")
                    let stages = ["Early thinking", "Developing options", "Formal consultation", "Decision", "Delivery and review", "Any stage"]
                    #expect(stages.contains { action.contains("**\($0).**") }, "\(snippet.id): \(action)")
                }
            }
        }
    }

    @Test func allThreeScoresAreEmbedded() {
        let briefing = readinessBriefing { _ in 3 }
        #expect(briefing.levels?["overall"] == "embedded")
        #expect(briefing.scores?["overall"] == 100)
        #expect(briefing.includedSnippetIDs.filter { $0.hasSuffix("-next-steps") }.isEmpty)
        #expect(briefing.includedSnippetIDs.contains("readiness-no-focus"))
        #expect(briefing.includedSnippetIDs.filter { $0.hasSuffix("-strength") }.count == Self.readiness.dimensions.count)
    }

    @Test func resourcesAtZeroCapsTheOverallLevelAndComeFirst() throws {
        let briefing = readinessBriefing { $0.dimension == "resources" ? 0 : 3 }
        #expect(briefing.scores?["overall"] == 83)
        #expect(briefing.levels?["overall"] == "developing")
        let report = try #require(briefing.readiness)
        #expect(report.focus.map(\.dimension) == ["resources"])
        let markdown = MarkdownRenderer.render(briefing)
        #expect(markdown.contains("The average score of 83 would be Embedded, but the overall level is never more than one level above the weakest dimension, and Resources and support is at Starting."))
        #expect(briefing.includedSnippetIDs.first == "readiness-overall-capped")
        #expect(!briefing.includedSnippetIDs.contains("readiness-overall-embedded"))
        #expect(!markdown.contains("readiness-resources-strength"))
        let summary = try #require(briefing.sections.first?.snippets.first?.markdown)
        #expect(summary.contains("Resources and support holds the whole at Developing"))
        #expect(summary.contains("Start with Resources and support"))
    }

    @Test func aMixedPatternWorksOnTheTwoWeakestDimensionsWeakestFirst() throws {
        let dimensions = Self.readiness.dimensions.map(\.id)
        #expect(dimensions.count >= 5)
        let scores: [String: Double] = ["leadership": 3, "resources": 1, "timing": 2, "feedback": 0, "inclusion": 3, "power": 1]
        let briefing = readinessBriefing { scores[$0.dimension!] ?? 0 }
        let expectedLevels = ["leadership": "embedded", "resources": "developing", "timing": "established",
                              "feedback": "starting", "inclusion": "embedded", "power": "developing"]
        for (dimension, level) in expectedLevels {
            #expect(briefing.levels?[dimension] == level, "level of \(dimension)")
        }
        #expect(briefing.readiness?.focus.map(\.dimension) == ["feedback", "resources"])
        let nextSteps = briefing.sections.first { $0.id == "next-steps" }?.snippets.map(\.id)
        #expect(nextSteps == ["readiness-feedback-next-steps", "readiness-resources-next-steps"])
        #expect(briefing.levels?["overall"] == "developing")
        let table = try #require(briefing.sections.first { $0.id == "scores" }?.generated)
        #expect(table.contains("|---|--:|---|"))
        #expect(table.contains("| Feedback and learning | 0 | Starting |"))
    }

    @Test func theNextStageSnippetFollowsTheStage() {
        let stages = ["early-thinking": "readiness-before-options", "options": "readiness-before-formal-consultation",
                      "formal-consultation": "readiness-before-decision", "decision": "readiness-before-delivery",
                      "delivery-review": "readiness-before-next-cycle"]
        for (stage, snippet) in stages {
            var answers = Answers(["organisation": .text("Test body"), "stage": .choice(stage)])
            for question in Self.readiness.questions where question.kind == .scale { answers[question.id] = .number(1) }
            let briefing = Assembler(library: Self.library, blueprint: Self.readiness).assemble(answers, date: Self.date)
            #expect(briefing.sections.first { $0.id == "next-stage" }?.snippets.map(\.id) == [snippet], "\(stage)")
        }
    }

    @Test func readinessContentCitesNoLawBecauseTheBlueprintKnowsNoNation() {
        let legal = ["act 19", "act 20", "gunning", "moseley", "regulations", "statutory", "national standards",
                     "legislation", "supreme court"]
        for snippet in Self.library.snippets(for: Self.readiness) {
            let text = (snippet.body.source + " " + (snippet.summary?.source ?? "")).lowercased()
            for word in legal {
                #expect(!text.contains(word), "\(snippet.id) mentions '\(word)'")
            }
            #expect(text.range(of: #"\bs(ection|\.) ?[0-9]"#, options: .regularExpression) == nil, "\(snippet.id) cites a section")
            for source in snippet.sources {
                #expect(!source.url.contains("legislation.gov.uk"), "\(snippet.id) cites \(source.url)")
            }
        }
    }

    // MARK: Authoring rules

    static let placeholders = ["todo", "tbc", "lorem", "[insert", "xxx", "placeholder", "fixme"]
    static let americanSpellings = ["organization", "organize", "prioritize", "center ", "behavior", "analyze",
                                    "program ", "programs", "color", "favor", "license ", "utilize"]

    @Test func everySnippetMeetsTheAuthoringRules() {
        for snippet in Self.library.snippets {
            #expect((40...250).contains(snippet.wordCount), "\(snippet.id) has \(snippet.wordCount) words")
            let text = snippet.body.source.lowercased()
            for word in Self.placeholders {
                #expect(!text.contains(word), "\(snippet.id) contains placeholder text '\(word)'")
            }
            for word in Self.americanSpellings {
                #expect(!(text + " " + snippet.title.lowercased()).contains(word), "\(snippet.id) uses US spelling '\(word)'")
            }
        }
    }

    @Test func legalAndPolicyClaimsCiteASource() {
        let markers = [#" act (20|\()"#, #"\bsections? \d"#, #"\bs\.\d"#, "gunning", "moseley", "statutory guidance",
                       "action plan", "10 year health plan", "national standards"]
        for snippet in Self.library.snippets {
            let text = " " + snippet.body.source.lowercased()
            if let marker = markers.first(where: { text.range(of: $0, options: .regularExpression) != nil }) {
                #expect(!snippet.sources.isEmpty, "\(snippet.id) mentions '\(marker)' but cites no source")
            }
            for source in snippet.sources {
                #expect(source.url.hasPrefix("https://"), "\(snippet.id) cites a non-https URL \(source.url)")
            }
        }
    }

    @Test func theSeniorLeaderLibraryCoversEveryAnswer() {
        let snippets = Self.library.snippets(for: Self.seniorLeader)
        #expect(snippets.count >= 70)
        let conditions = snippets.compactMap { $0.when?.source }
        for question in Self.seniorLeader.questions where question.kind == .choice || question.kind == .multi {
            for option in question.options {
                #expect(conditions.contains { $0.contains(question.id) && $0.contains("\"\(option.value)\"") },
                        "no condition mentions \(question.id) \(option.value)")
            }
        }
    }

    @Test func theShippedLibraryLintsClean() {
        #expect(Self.library.diagnostics.isEmpty, "\(Self.library.diagnostics.map(\.description))")
        for blueprint in Self.library.blueprints {
            let report = CoverageChecker.check(Assembler(library: Self.library, blueprint: blueprint))
            #expect(report.emptySectionCount == 0 && report.overflowCount == 0, "\(report.summary)")
        }
    }

    @Test func coverageFindsAnEmptySectionAndAnOverflow() throws {
        let copy = NSTemporaryDirectory() + "briefing-coverage-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        for folder in ["Briefings", "Snippets"] {
            try FileManager.default.copyItem(atPath: Self.root + "/" + folder, toPath: copy + "/" + folder)
        }
        try FileManager.default.removeItem(atPath: copy + "/Snippets/stages/stage-decision-summary.md")
        // Long snippets made essential, with their summaries taken away, overrun a 3-minute budget.
        for file in ["drivers/drivers-trust.md", "drivers/drivers-budget-pressure.md", "drivers/drivers-health-inequalities.md",
                     "practice/practice-barriers.md", "practice/practice-closing-the-loop.md"] {
            let path = copy + "/Snippets/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "priority: 2", with: "priority: 1")
                .replacingOccurrences(of: "\nsummary:", with: "\nsummary_removed:")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        let library = try LibraryLoader.load(from: copy)
        let report = CoverageChecker.check(Assembler(library: library, blueprint: library.blueprint("senior-leader")!))
        // nation 5 × sector 7 × body 9 × level 3 × stage 5 × maturity 4 × audience 4 × minutes 5 × 2 variants.
        #expect(report.combinations == 756_000)
        // One stage in five has no summary when no challenge is given: 756,000 / 5 / 2.
        #expect(report.emptySectionCount == 75_600)
        #expect(report.overflowCount > 0)
        let messages = report.diagnostics(file: "senior-leader.yaml").map(\.message)
        #expect(messages.contains { $0.hasPrefix("required section 'summary' is empty in 75600 combinations, e.g. ") && $0.contains("stage=decision") })
        #expect(messages.contains { $0.hasPrefix("priority-1 snippets alone, condensed to their summaries, exceed the budget") && $0.contains("minutes=3") })
    }
}
