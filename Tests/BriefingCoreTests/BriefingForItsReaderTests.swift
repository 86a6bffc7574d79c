import Foundation
import Testing
import Yams
@testable import BriefingCore

/// The shipped library gives every reader the law that binds them: for each nation and kind of body,
/// the duties named in `Fixtures/duties/NATION.yaml` appear, the duties of other kinds of body and
/// other nations do not, no snippet hedges about the kind of body once it is known, and long
/// briefings keep theory short and never repeat an idea.
@Suite struct BriefingForItsReaderTests {
    static let library = ShippedContentTests.library
    static let blueprint = ShippedContentTests.seniorLeader
    static let assembler = Assembler(library: library, blueprint: blueprint)
    static let nations = ["england", "scotland", "wales", "northern-ireland", "uk-wide"]
    static let bodies = blueprint.question("body")!.options.map(\.value)

    struct BodyExpectation: Decodable {
        var sector: String
        var expected: [String]
        var forbidden: [String]
    }

    struct NationExpectation: Decodable {
        var nation: String
        var own: [String]
        var bodies: [String: BodyExpectation]
    }

    static let expectations: [String: NationExpectation] = {
        var result: [String: NationExpectation] = [:]
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/duties")
        for nation in nations {
            let url = folder.appendingPathComponent("\(nation).yaml")
            guard let text = try? String(contentsOf: url, encoding: .utf8),
                  let decoded = try? YAMLDecoder().decode(NationExpectation.self, from: text) else {
                Issue.record("cannot read \(url.path)")
                continue
            }
            result[nation] = decoded
        }
        return result
    }()

    static func answers(nation: String, body: String?, sector: String, stage: String = "options",
                        minutes: Double) -> Answers {
        var answers = Answers([
            "organisation": .text("Test body"), "nation": .choice(nation), "sector": .choice(sector),
            "level": .choice("strategic"), "stage": .choice(stage), "maturity": .choice("developing"),
            "audience": .choice("board"), "minutes": .number(minutes),
        ])
        if let body { answers["body"] = .choice(body) }
        return answers
    }

    static func markdown(_ answers: Answers) -> String {
        MarkdownRenderer.render(assembler.assemble(answers, date: ShippedContentTests.date))
    }

    @Test func everyNationAndBodyHasExpectations() {
        for nation in Self.nations {
            let bodies = Self.expectations[nation]?.bodies.keys.sorted() ?? []
            #expect(bodies == Self.bodies.sorted(), "\(nation).yaml lists \(bodies)")
        }
    }

    @Test(arguments: nations)
    func eachBodyGetsItsOwnDutiesAndNoOthers(nation: String) throws {
        let expectation = try #require(Self.expectations[nation])
        // Nation-only names of the other nations; a UK-wide briefing names each nation's headline
        // duty on purpose, so it is checked against its own table only.
        let foreign = nation == "uk-wide" ? [] : Self.expectations.filter { $0.key != nation }.flatMap(\.value.own)
        for body in Self.bodies {
            let want = try #require(expectation.bodies[body], "\(nation) has no expectations for \(body)")
            for minutes in [10.0, 30.0] {
                let text = Self.markdown(Self.answers(nation: nation, body: body, sector: want.sector, minutes: minutes))
                for name in want.expected {
                    #expect(text.contains(name), "\(nation) \(body) at \(Int(minutes)) min lacks \"\(name)\"")
                }
                for name in want.forbidden {
                    #expect(!text.contains(name), "\(nation) \(body) at \(Int(minutes)) min names \"\(name)\"")
                }
                for name in foreign {
                    #expect(!text.contains(name), "\(nation) \(body) at \(Int(minutes)) min names another nation's \"\(name)\"")
                }
            }
        }
    }

    /// The words of a hedge about what kind of body the reader is.
    static let hedges = [#"\bif (test body|your organisation|you) (is|are|'re) (a|an|one of)\b"#,
                         #"\bif test body is\b"#, #"\bwhether (test body|your organisation|you) (is|are) (a|an)\b"#]

    @Test(arguments: nations)
    func noHedgeAboutTheKindOfBodyOnceItIsKnown(nation: String) {
        let stages = Self.blueprint.question("stage")!.options.map(\.value)
        for body in Self.bodies {
            // The body's own sector, and the sectors whose snippets add duties for some bodies.
            let sectors = Set([Self.expectations[nation]?.bodies[body]?.sector ?? "local-government",
                               "planning", "housing", "health-social-care"]).sorted()
            for stage in stages {
                for sector in sectors {
                    var answers = Self.answers(nation: nation, body: body, sector: sector, stage: stage, minutes: 60)
                    answers["drivers"] = .choices(Self.blueprint.question("drivers")!.options.map(\.value))
                    answers["topics"] = .choices(Self.blueprint.question("topics")!.options.map(\.value))
                    let text = Self.markdown(answers).lowercased()
                    for hedge in Self.hedges {
                        if let range = text.range(of: hedge, options: .regularExpression) {
                            Issue.record("\(nation) \(body) \(sector) \(stage) hedges: …\(text[range])…")
                        }
                    }
                }
            }
        }
    }

    @Test func anUnknownBodyIsSpokenToConditionally() {
        for nation in Self.nations {
            let text = Self.markdown(Self.answers(nation: nation, body: nil, sector: "local-government", minutes: 10))
            #expect(text.range(of: #"\bif (you are|you're|it is|your organisation is|test body is)\b"#,
                               options: [.regularExpression, .caseInsensitive]) != nil,
                    "\(nation) with no body says nothing conditional about which duties bind")
        }
    }

    @Test func theGunningPrinciplesAreStatedOncePerNationAndNeverForScotlandOrNorthernIreland() {
        let naming = Self.library.snippets(for: Self.blueprint).filter {
            ($0.body.source + ($0.summary?.source ?? "")).lowercased().contains("gunning")
        }
        #expect(Set(naming.map(\.id)) == ["england-consultation-fairness", "wales-consultation-fairness", "uk-wide-consultation-fairness"],
                "\(naming.map(\.id))")
        for snippet in naming {
            #expect(snippet.covers.contains("consultation-fairness"), "\(snippet.id)")
        }
    }

    // MARK: Long briefings: theory kept short, no idea twice

    static func longBriefings() -> [Briefing] {
        var result: [Briefing] = []
        for nation in nations {
            for stage in blueprint.question("stage")!.options.map(\.value) {
                for maturity in blueprint.question("maturity")!.options.map(\.value) {
                    for (body, sector) in [("nhs-body", "health-social-care"), ("local-authority", "planning"),
                                           ("housing-provider", "housing"), (nil, "voluntary-community")] as [(String?, String)] {
                        var answers = Self.answers(nation: nation, body: body, sector: sector, stage: stage, minutes: 30)
                        answers["maturity"] = .choice(maturity)
                        answers["drivers"] = .choices(["trust", "consultation-fatigue", "budget-pressure"])
                        answers["challenge"] = .text("We must consult on closing two care homes and cutting the budget")
                        result.append(assembler.assemble(answers, date: ShippedContentTests.date))
                    }
                }
            }
        }
        return result
    }

    @Test func aLongBriefingHasAtMostTwoTheorySnippets() {
        for briefing in Self.longBriefings() {
            let theory = briefing.includedSnippetIDs.filter { $0.hasPrefix("theory-") }
            #expect(theory.count <= 2, "\(theory)")
            for id in theory { #expect(Self.library.snippet(id)?.priority == 3, "\(id) is theory and must be priority 3") }
        }
    }

    @Test func aLongBriefingStatesEachIdeaOnce() {
        for briefing in Self.longBriefings() {
            var seen: [String: String] = [:]
            for id in briefing.includedSnippetIDs {
                for idea in Self.library.snippet(id)?.covers ?? [] {
                    if let first = seen[idea] { Issue.record("\(first) and \(id) both cover \(idea)") }
                    seen[idea] = id
                }
            }
            // Text similarity catches repeated advice that the covers ids missed: no two included
            // snippets share a third of their word sequences.
            let snippets = briefing.sections.flatMap(\.snippets)
            let shingles = snippets.map { Self.shingles($0.markdown) }
            for a in snippets.indices {
                for b in snippets.indices where b > a && !shingles[a].isEmpty && !shingles[b].isEmpty {
                    let shared = Double(shingles[a].intersection(shingles[b]).count)
                    let similarity = shared / Double(min(shingles[a].count, shingles[b].count))
                    #expect(similarity < 0.34, "\(snippets[a].id) and \(snippets[b].id) repeat each other (\(similarity))")
                }
            }
        }
    }

    /// Runs of four words, lower case, for a rough measure of repeated text.
    static func shingles(_ text: String) -> Set<String> {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard words.count >= 4 else { return [] }
        return Set((0...(words.count - 4)).map { words[$0..<($0 + 4)].joined(separator: " ") })
    }

    // MARK: Short briefings and topics

    @Test(arguments: nations)
    func threeMinutesStillCarryTheLawTheStageAndTheFirstAction(nation: String) {
        for body in Self.bodies + [""] {
            let sector = Self.expectations[nation]?.bodies[body]?.sector ?? "local-government"
            let briefing = Self.assembler.assemble(
                Self.answers(nation: nation, body: body.isEmpty ? nil : body, sector: sector, minutes: 3),
                date: ShippedContentTests.date)
            #expect(briefing.totalMinutes <= 3 + 1e-9, "\(nation) \(body): \(briefing.totalMinutes) minutes")
            let ids = briefing.includedSnippetIDs
            #expect(ids.contains { $0.hasPrefix("\(nation)-duties-") }, "\(nation) \(body) lacks its duties: \(ids)")
            #expect(ids.contains { $0.hasPrefix("\(nation)-stage-") }, "\(nation) \(body) lacks the stage's law: \(ids)")
            #expect(ids.contains("stage-options-summary"), "\(nation) \(body) lacks the stage: \(ids)")
            #expect(ids.contains("stage-options-actions"), "\(nation) \(body) lacks the first action: \(ids)")
        }
    }

    @Test func aCareHomeClosureChallengeBringsTheServiceChangeSnippets() throws {
        var answers = Self.answers(nation: "england", body: "local-authority", sector: "local-government", minutes: 20)
        answers["challenge"] = .text("We must consult on closing two care homes")
        let briefing = Self.assembler.assemble(answers, date: ShippedContentTests.date)
        #expect(briefing.answers["topics"] == .choices(["service-change"]))
        let inference = try #require(briefing.inferences.first)
        #expect(inference.explanation == #"topics inferred from the challenge: "closing" → service-change, "care homes" → service-change"#)
        #expect(briefing.includedSnippetIDs.contains("topic-service-change"))
        let decision = try #require(briefing.provenance.first { $0.id == "topic-service-change" })
        #expect(decision.explanation.contains("topics inferred from the challenge"))

        answers["topics"] = .choices([])
        let explicit = Self.assembler.assemble(answers, date: ShippedContentTests.date)
        #expect(explicit.inferences.isEmpty)
        #expect(!explicit.includedSnippetIDs.contains("topic-service-change"))
    }
}
