import Foundation
import Testing
@testable import BriefingCore

/// Assembling a briefing from a small library made in code: selection, deterministic order, the
/// reading-time budget, provenance, sources, escaping, fallbacks and computed readiness values.
@Suite struct AssemblerTests {
    static let lawWales = Citation(title: "Well-being of Future Generations (Wales) Act 2015", url: "https://www.legislation.gov.uk/anaw/2015/2")
    static let gunning = Citation(title: "Gunning principles", url: "https://www.consultationinstitute.org/the-gunning-principles/")
    static let ladder = Citation(title: "TLAP, Ladder of Co-production", url: "https://www.thinklocalactpersonal.org.uk/ladder")
    static let extra = Citation(title: "Only in the extra snippet", url: "https://example.org/extra")

    static let blueprint = TestSupport.blueprint()

    static let snippets: [Snippet] = [
        TestSupport.snippet("intro", section: "summary", priority: 1, order: 10, minutes: 1,
                            body: "For {{organisation}}, written for {{leader_role | the senior leader}}."),
        TestSupport.snippet("wales-law", section: "context", when: "nation == \"wales\"", priority: 1, order: 10,
                            minutes: 1, sources: [lawWales]),
        TestSupport.snippet("england-law", section: "context", when: "nation == \"england\"", priority: 1, order: 10,
                            minutes: 1, sources: [gunning]),
        TestSupport.snippet("ladder", section: "context", priority: 2, order: 20, minutes: 2,
                            sources: [Citation(title: "The Act, cited again", url: lawWales.url), ladder]),
        TestSupport.snippet("b-same-order", section: "context", priority: 3, order: 20, minutes: 0.5),
        TestSupport.snippet("trust", section: "context", when: "drivers contains \"trust\"", priority: 2, order: 30, minutes: 1),
        TestSupport.snippet("steps", section: "actions", priority: 1, order: 10, minutes: 1, sources: [ladder]),
        TestSupport.snippet("extra", section: "actions", priority: 3, order: 20, minutes: 3, sources: [extra]),
        TestSupport.snippet("register", section: "actions", when: "stage in [\"options\"]", priority: 2, order: 30, minutes: 2),
        TestSupport.snippet("other-blueprint", section: "context", priority: 1, blueprints: ["readiness"]),
        TestSupport.snippet("no-such-section", section: "appendix", priority: 1),
    ]

    static let welsh: [String: AnswerValue] = [
        "organisation": .text("Cardiff and Vale University Health Board"), "nation": .choice("wales"),
        "stage": .choice("options"), "drivers": .choices(["trust"]), "minutes": .number(10),
    ]

    static func assemble(_ answers: [String: AnswerValue], snippets: [Snippet] = AssemblerTests.snippets,
                         blueprint: Blueprint = AssemblerTests.blueprint) -> Briefing {
        let library = ContentLibrary(root: "/test", blueprints: [blueprint], snippets: snippets, diagnostics: [])
        return Assembler(library: library, blueprint: blueprint).assemble(Answers(answers), date: TestSupport.date)
    }

    static func with(_ changes: [String: AnswerValue?]) -> [String: AnswerValue] {
        var answers = welsh
        for (id, value) in changes { answers[id] = value }
        return answers
    }

    // MARK: Selection and order

    @Test("snippets come in section order, then by 'order', then by id, never in input order")
    func deterministicOrder() {
        let expected = ["intro", "wales-law", "b-same-order", "ladder", "trust", "steps", "extra", "register"]
        var generator = MarkdownEscapingTests.SeededGenerator(state: 42)
        for _ in 0..<20 {
            let briefing = Self.assemble(Self.with(["minutes": .number(60)]), snippets: Self.snippets.shuffled(using: &generator))
            #expect(briefing.includedSnippetIDs == expected)
            #expect(briefing.provenance.map(\.id) == ["intro", "england-law", "wales-law", "b-same-order", "ladder", "trust",
                                                       "steps", "extra", "register"])
        }
    }

    @Test("sections keep blueprint order and hold only their own snippets")
    func sections() {
        let briefing = Self.assemble(Self.welsh)
        #expect(briefing.sections.map(\.id) == ["summary", "context", "actions"])
        #expect(briefing.sections.map(\.title) == ["At a glance", "Why this matters now", "What you can do next"])
        #expect(briefing.sections[0].snippets.map(\.id) == ["intro"])
        #expect(briefing.sections[2].snippets.map(\.id) == ["steps", "register"])
    }

    @Test("snippets for another blueprint or a section the blueprint lacks are never candidates")
    func foreignSnippets() {
        let briefing = Self.assemble(Self.welsh)
        #expect(!briefing.provenance.contains { $0.id == "other-blueprint" || $0.id == "no-such-section" })
    }

    // MARK: Budget

    @Test("with room to spare, priority 2 comes in, then priority 3 while it fits")
    func budgetTenMinutes() {
        let briefing = Self.assemble(Self.welsh)
        #expect(briefing.includedSnippetIDs == ["intro", "wales-law", "b-same-order", "ladder", "trust", "steps", "register"])
        #expect(briefing.totalMinutes == 8.5)
        #expect(briefing.budgetMinutes == 10)
        let extra = briefing.provenance.first { $0.id == "extra" }
        #expect(extra?.included == false)
        #expect(extra?.reason == .overBudget)
        #expect(extra?.explanation == "left out: over the time budget")
    }

    @Test("priority 1 is always in; with no time left, nothing else is")
    func budgetOnlyEssentials() {
        let briefing = Self.assemble(Self.with(["minutes": .number(3)]))
        #expect(briefing.includedSnippetIDs == ["intro", "wales-law", "steps"])
        #expect(briefing.totalMinutes == 3)
        let register = briefing.provenance.first { $0.id == "register" }
        #expect(register?.reason == .overBudget)
        #expect(register?.reads == [ConditionRead(identifier: "stage", value: .string("options"))])
    }

    @Test("priority 2 is placed before priority 3, even when the priority 3 snippet comes first")
    func priorityBeatsDocumentOrder() {
        // Four minutes leave one after the essentials: trust (p2, 1 min) takes it before b-same-order (p3, 0.5 min).
        let briefing = Self.assemble(Self.with(["minutes": .number(4)]))
        #expect(briefing.includedSnippetIDs.contains("trust"))
        #expect(!briefing.includedSnippetIDs.contains("b-same-order"))
        #expect(briefing.provenance.first { $0.id == "b-same-order" }?.reason == .overBudget)
    }

    @Test("for every budget the total stays within it, and nothing left out would still fit",
          arguments: stride(from: 3.0, through: 15.0, by: 0.5).map { $0 })
    func budgetSweep(minutes: Double) {
        let briefing = Self.assemble(Self.with(["minutes": .number(minutes)]))
        #expect(briefing.totalMinutes <= minutes + 1e-9)
        for id in ["intro", "wales-law", "steps"] {
            #expect(briefing.includedSnippetIDs.contains(id), "priority 1 '\(id)' missing at \(minutes) minutes")
        }
        let leftOver = minutes - briefing.totalMinutes
        for decision in briefing.provenance where decision.reason == .overBudget {
            #expect(decision.minutes > leftOver + 1e-9, "'\(decision.id)' (\(decision.minutes) min) fits in the \(leftOver) left")
        }
        let included = briefing.sections.flatMap(\.snippets).map(\.minutes).reduce(0, +)
        #expect(abs(included - briefing.totalMinutes) < 0.01)
    }

    @Test("essentials over the budget are all kept, and a note says so")
    func essentialsOverBudget() {
        let blueprint = TestSupport.blueprint(budget: .minutes(2))
        let briefing = Self.assemble(Self.welsh, blueprint: blueprint)
        #expect(briefing.includedSnippetIDs == ["intro", "wales-law", "steps"])
        #expect(briefing.totalMinutes == 3)
        #expect(briefing.notes == ["The essential content alone, with summaries where they exist, needs 3 minutes, over the 2-minute budget."])
    }

    @Test("the budget falls back to the question's default")
    func budgetDefault() {
        let briefing = Self.assemble(Self.with(["minutes": nil]))
        #expect(briefing.budgetMinutes == 10)
        #expect(briefing.answers["minutes"] == .number(10))
    }

    // MARK: Provenance

    @Test("every candidate has one decision with the right kind of reason and explanation")
    func provenance() throws {
        let briefing = Self.assemble(Self.welsh)
        let decisions = Dictionary(uniqueKeysWithValues: briefing.provenance.map { ($0.id, $0) })
        #expect(decisions.count == 9)

        let intro = try #require(decisions["intro"])
        #expect(intro.included && intro.reason == .always)
        #expect(intro.explanation == "included: no condition")
        #expect(intro.condition == nil && intro.reads.isEmpty)

        let wales = try #require(decisions["wales-law"])
        #expect(wales.included && wales.reason == .conditionTrue)
        #expect(wales.explanation == "included: condition true: nation is wales")
        #expect(wales.condition == "nation == \"wales\"")
        #expect(wales.reads == [ConditionRead(identifier: "nation", value: .string("wales"))])

        let england = try #require(decisions["england-law"])
        #expect(!england.included && england.reason == .conditionFalse)
        #expect(england.explanation == "condition false: nation is wales, not england")

        let trust = try #require(decisions["trust"])
        #expect(trust.reason == .conditionTrue)
        #expect(trust.explanation == "included: condition true: drivers includes trust")

        let extra = try #require(decisions["extra"])
        #expect(!extra.included && extra.reason == .overBudget)

        for decision in briefing.provenance {
            #expect(decision.included == briefing.includedSnippetIDs.contains(decision.id))
            #expect(decision.included == [.always, .conditionTrue].contains(decision.reason))
        }
    }

    @Test("an unanswered question makes its condition false, and the explanation says so")
    func provenanceUnanswered() throws {
        let briefing = Self.assemble(Self.with(["drivers": nil]))
        let trust = try #require(briefing.provenance.first { $0.id == "trust" })
        #expect(trust.reason == .conditionFalse)
        #expect(trust.explanation == "condition false: drivers is not answered")
        #expect(trust.reads == [ConditionRead(identifier: "drivers", value: .null)])
    }

    // MARK: Sources

    @Test("sources come from included snippets only, de-duplicated by URL, in order of first use")
    func sources() {
        let welsh = Self.assemble(Self.welsh)
        #expect(welsh.sources == [Self.lawWales, Self.ladder])

        let english = Self.assemble(Self.with(["nation": .choice("england")]))
        #expect(english.sources.map(\.url) == [Self.gunning.url, Self.lawWales.url, Self.ladder.url])
        #expect(english.sources[1].title == "The Act, cited again")

        let everything = Self.assemble(Self.with(["minutes": .number(60)]))
        #expect(everything.sources == [Self.lawWales, Self.ladder, Self.extra])
        #expect(!welsh.sources.contains(Self.extra))
    }

    // MARK: Variables

    @Test("answers in titles and bodies are escaped; the plain title is not")
    func escaping() throws {
        let evil = "# Evil <b>x</b> [y](http://z) *a* _b_ 1. list"
        let briefing = Self.assemble(Self.with(["organisation": .text(evil)]))
        #expect(briefing.title == "Briefing for \(evil)")
        #expect(briefing.titleMarkdown == "Briefing for \(MarkdownEscaping.escape(evil))")
        let intro = try #require(briefing.sections.first?.snippets.first)
        #expect(intro.markdown == "For \(MarkdownEscaping.escape(evil)), written for the senior leader.")
        let kinds = MarkdownInspection.kinds(intro.markdown)
        #expect(!kinds.contains(.link) && !kinds.contains(.htmlInline) && !kinds.contains(.emphasis) && !kinds.contains(.heading))
        #expect(MarkdownInspection.html(intro.markdown) == "<p>For # Evil &lt;b&gt;x&lt;/b&gt; [y](http://z) *a* _b_ 1. list, written for the senior leader.</p>\n")
    }

    @Test("an unanswered variable takes its fallback; an answered one its answer")
    func fallbacks() throws {
        let without = Self.assemble(Self.welsh)
        #expect(without.sections[0].snippets[0].markdown == "For Cardiff and Vale University Health Board, written for the senior leader.")
        let with = Self.assemble(Self.with(["leader_role": .text("Chief Executive")]))
        #expect(with.sections[0].snippets[0].markdown == "For Cardiff and Vale University Health Board, written for Chief Executive.")
    }

    @Test("the context box lists answered questions with their labels, in blueprint order")
    func context() {
        let briefing = Self.assemble(Self.with(["drivers": .choices(["trust", "net-zero"])]))
        #expect(briefing.context.map(\.id) == ["organisation", "nation", "stage", "drivers", "minutes"])
        #expect(briefing.context.map(\.answer) == ["Cardiff and Vale University Health Board", "Wales", "Developing options",
                                                   "Trust and Net zero", "10"])
        #expect(briefing.context.first?.label == "Organisation")
    }

    @Test("the same answers always give the same JSON")
    func deterministicJSON() {
        let first = JSONRenderer.render(Self.assemble(Self.welsh))
        let second = JSONRenderer.render(Self.assemble(Self.welsh, snippets: Self.snippets.reversed()))
        #expect(first == second)
    }

    // MARK: Computed readiness values

    static let dimensions = [BriefingCore.Dimension(id: "power", title: "Sharing power"),
                             BriefingCore.Dimension(id: "voice", title: "Voice"),
                             BriefingCore.Dimension(id: "time", title: "Time")]
    static let readiness = TestSupport.blueprint(
        id: "readiness", title: "Readiness",
        questions: dimensions.flatMap { [TestSupport.scale("\($0.id)-1", dimension: $0.id), TestSupport.scale("\($0.id)-2", dimension: $0.id)] },
        sections: [Section(id: "report", title: "Report")], dimensions: dimensions, budget: .minutes(30))

    static func scored(_ points: [String: Double]) -> ComputedValues {
        ComputedValues(blueprint: readiness, answers: Answers(points.mapValues { .number($0) }))
    }

    static func all(_ value: Double) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: readiness.questions.map { ($0.id, value) })
    }

    @Test("all statements at 0: every score is 0 and every level is starting")
    func allZero() {
        let values = Self.scored(Self.all(0))
        #expect(values.scores == ["power": 0, "voice": 0, "time": 0, "overall": 0])
        #expect(Set(values.levels.values) == [.starting])
        #expect(values.levels.count == 4)
    }

    @Test("all statements at 3: every score is 100 and every level is embedded")
    func allThree() {
        let values = Self.scored(Self.all(3))
        #expect(values.scores == ["power": 100, "voice": 100, "time": 100, "overall": 100])
        #expect(Set(values.levels.values) == [.embedded])
    }

    @Test("mixed statements give each dimension its own level; the overall level is the mean's, capped at one above the weakest")
    func mixed() {
        let values = Self.scored(["power-1": 3, "power-2": 3, "voice-1": 1, "voice-2": 2, "time-1": 0, "time-2": 1])
        #expect(values.scores == ["power": 100, "voice": 50, "time": 17, "overall": 56])
        // The mean, 56, is Established, but time is Starting, so the overall level stops at Developing.
        #expect(values.levels == ["power": .embedded, "voice": .established, "time": .starting, "overall": .developing])
        #expect(values.own.averageLevel == .established)
        #expect(values.own.cappedBy == "time")
        let uncapped = Self.scored(["power-1": 3, "power-2": 3, "voice-1": 1, "voice-2": 2, "time-1": 1, "time-2": 1])
        #expect(uncapped.levels["overall"] == .established)
        #expect(uncapped.own.cappedBy == nil)
        #expect(values.value(of: "score.voice") == .number(50))
        #expect(values.value(of: "level.time") == .string("starting"))
        #expect(values.value(of: "score.nothing") == .null)
        #expect(values.value(of: "nation") == nil)
    }

    @Test("levels change at 25, 50 and 75, of the score rounded as the report shows it", arguments: [
        (0.0, ReadinessLevel.starting), (24.4, .starting), (24.5, .developing), (25, .developing), (49.4, .developing),
        (49.99999, .established), (50, .established), (74.4, .established), (75, .embedded), (100, .embedded),
    ])
    func levelBoundaries(score: Double, level: ReadinessLevel) {
        #expect(ReadinessLevel(score: score) == level)
    }

    @Test("a dimension without answers has no score, and the overall score averages the others")
    func partialAnswers() {
        let values = Self.scored(["power-1": 2, "power-2": 1, "voice-1": 3])
        #expect(values.scores == ["power": 50, "voice": 100, "overall": 75])
        #expect(values.value(of: "score.time") == .null)
        #expect(Self.scored([:]).isEmpty)
    }

    @Test("briefings carry the computed values, and conditions and variables can read them")
    func computedValuesInBriefings() throws {
        let snippets = [
            TestSupport.snippet("weak-power", section: "report", when: "level.power == \"starting\"", priority: 1,
                                body: "Power scores {{score.power}}: {{level.power}}."),
            TestSupport.snippet("strong-power", section: "report", when: "score.power >= 75", priority: 1),
        ]
        let briefing = Self.assemble(["power-1": .number(0), "power-2": .number(1), "voice-1": .number(3)],
                                     snippets: snippets, blueprint: Self.readiness)
        #expect(briefing.scores == ["power": 17, "voice": 100, "overall": 58])
        // The mean, 58, is Established; power at Starting caps the overall level at Developing.
        #expect(briefing.levels == ["power": "starting", "voice": "embedded", "overall": "developing"])
        #expect(briefing.includedSnippetIDs == ["weak-power"])
        #expect(briefing.sections[0].snippets[0].markdown == "Power scores 17: Starting.")
    }
}
