/// What decoding one library file gave (the blueprint or snippet, and its diagnostics) in the cache's
/// byte format. Every stored property is written, so that a value read back is the value decoded.
extension CacheWriter {
    mutating func snippetResult(_ snippet: Snippet?, _ diagnostics: [Diagnostic]) {
        optional(snippet) { $0.snippet($1) }
        array(diagnostics) { $0.diagnostic($1) }
    }

    mutating func blueprintResult(_ blueprint: Blueprint?, _ diagnostics: [Diagnostic]) {
        optional(blueprint) { $0.blueprint($1) }
        array(diagnostics) { $0.diagnostic($1) }
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        bool(diagnostic.severity == .error)
        location(diagnostic.location)
        string(diagnostic.message)
    }

    mutating func snippet(_ snippet: Snippet) {
        string(snippet.id)
        string(snippet.title)
        string(snippet.section)
        optional(snippet.blueprints) { $0.array($1) { $0.string($1) } }
        optional(snippet.when) { $0.condition($1) }
        int(snippet.priority)
        int(snippet.order)
        double(snippet.minutes)
        template(snippet.body)
        optional(snippet.summary) { $0.template($1) }
        int(snippet.summaryWordCount)
        array(snippet.covers) { $0.string($1) }
        optional(snippet.dimension) { $0.string($1) }
        array(snippet.sources) { writer, citation in
            writer.string(citation.title)
            writer.string(citation.url)
        }
        optional(snippet.reviewed) { $0.string($1) }
        int(snippet.wordCount)
        location(snippet.location)
        optional(snippet.whenLocation) { $0.location($1) }
        array(snippet.whenLocations) { $0.location($1) }
        int(snippet.bodyLine)
    }

    mutating func template(_ template: Template) {
        string(template.source)
        array(template.segments) { writer, segment in
            switch segment {
            case .text(let text):
                writer.bool(false)
                writer.string(text)
            case .variable(let variable):
                writer.bool(true)
                writer.string(variable.name)
                writer.optional(variable.fallback) { $0.string($1) }
                writer.int(variable.line)
                writer.int(variable.column)
            }
        }
    }

    mutating func condition(_ condition: Condition) {
        string(condition.source)
        expression(condition.expression)
    }

    mutating func expression(_ expression: ConditionExpression) {
        switch expression {
        case .identifier(let name, let offset):
            unsigned(0)
            string(name)
            int(offset)
        case .string(let value, let offset):
            unsigned(1)
            string(value)
            int(offset)
        case .number(let value, let offset):
            unsigned(2)
            double(value)
            int(offset)
        case .list(let items, let offset):
            unsigned(3)
            array(items) { $0.expression($1) }
            int(offset)
        case .not(let operand):
            unsigned(4)
            self.expression(operand)
        case .and(let left, let right):
            unsigned(5)
            pair(left, right)
        case .or(let left, let right):
            unsigned(6)
            pair(left, right)
        case .comparison(let comparison, let left, let right):
            unsigned(7)
            string(comparison.rawValue)
            pair(left, right)
        case .membership(let left, let right):
            unsigned(8)
            pair(left, right)
        case .contains(let left, let right):
            unsigned(9)
            pair(left, right)
        }
    }

    private mutating func pair(_ left: ConditionExpression, _ right: ConditionExpression) {
        expression(left)
        expression(right)
    }

    mutating func blueprint(_ blueprint: Blueprint) {
        string(blueprint.id)
        template(blueprint.title)
        optional(blueprint.description) { $0.string($1) }
        switch blueprint.budget {
        case .question(let id):
            bool(false)
            string(id)
        case .minutes(let minutes):
            bool(true)
            double(minutes)
        }
        array(blueprint.questions) { $0.question($1) }
        array(blueprint.sections) { writer, section in
            writer.string(section.id)
            writer.string(section.title)
            writer.bool(section.required)
            writer.bool(section.showTitles)
            writer.optional(section.generated) { $0.string($1.rawValue) }
        }
        array(blueprint.dimensions) { writer, dimension in
            writer.string(dimension.id)
            writer.string(dimension.title)
            writer.optional(dimension.owner) { $0.string($1) }
        }
        array(blueprint.contextQuestionIDs) { $0.string($1) }
        location(blueprint.location)
    }

    mutating func question(_ question: Question) {
        string(question.id)
        string(question.kind.rawValue)
        string(question.ask)
        optional(question.help) { $0.string($1) }
        string(question.label)
        bool(question.required)
        optional(question.askIf) { $0.condition($1) }
        array(question.options) { writer, option in
            writer.string(option.value)
            writer.string(option.label)
            writer.array(option.synonyms) { $0.string($1) }
        }
        optional(question.minimum) { $0.double($1) }
        optional(question.maximum) { $0.double($1) }
        optional(question.defaultValue) { writer, value in
            switch value {
            case .text(let text):
                writer.unsigned(0)
                writer.string(text)
            case .choice(let choice):
                writer.unsigned(1)
                writer.string(choice)
            case .choices(let choices):
                writer.unsigned(2)
                writer.array(choices) { $0.string($1) }
            case .number(let number):
                writer.unsigned(3)
                writer.double(number)
            }
        }
        optional(question.dimension) { $0.string($1) }
        optional(question.inferredFrom) { $0.string($1) }
        bool(question.identity)
        location(question.location)
    }
}

extension CacheReader {
    mutating func snippetResult() throws(CacheFormatError) -> (Snippet?, [Diagnostic]) {
        (try optional { reader throws(CacheFormatError) in try reader.snippet() }, try diagnostics())
    }

    mutating func blueprintResult() throws(CacheFormatError) -> (Blueprint?, [Diagnostic]) {
        (try optional { reader throws(CacheFormatError) in try reader.blueprint() }, try diagnostics())
    }

    mutating func diagnostics() throws(CacheFormatError) -> [Diagnostic] {
        try array { reader throws(CacheFormatError) in
            let severity: Diagnostic.Severity = try reader.bool() ? .error : .warning
            return Diagnostic(severity, at: try reader.location(), try reader.string())
        }
    }

    mutating func strings() throws(CacheFormatError) -> [String] {
        try array { reader throws(CacheFormatError) in try reader.string() }
    }

    mutating func optionalString() throws(CacheFormatError) -> String? {
        try optional { reader throws(CacheFormatError) in try reader.string() }
    }

    mutating func snippet() throws(CacheFormatError) -> Snippet {
        let id = try string(), title = try string(), section = try string()
        let blueprints = try optional { reader throws(CacheFormatError) in try reader.strings() }
        let when = try optional { reader throws(CacheFormatError) in try reader.condition() }
        let priority = try int(), order = try int(), minutes = try double()
        let body = try template()
        let summary = try optional { reader throws(CacheFormatError) in try reader.template() }
        let summaryWordCount = try int()
        let covers = try strings()
        let dimension = try optionalString()
        let sources = try array { reader throws(CacheFormatError) in Citation(title: try reader.string(), url: try reader.string()) }
        let reviewed = try optionalString()
        let wordCount = try int()
        let location = try location()
        let whenLocation = try optional { reader throws(CacheFormatError) in try reader.location() }
        let whenLocations = try array { reader throws(CacheFormatError) in try reader.location() }
        return Snippet(id: id, title: title, section: section, blueprints: blueprints, when: when, priority: priority,
                       order: order, minutes: minutes, body: body, summary: summary, summaryWordCount: summaryWordCount,
                       covers: covers, dimension: dimension, sources: sources, reviewed: reviewed, wordCount: wordCount,
                       location: location, whenLocation: whenLocation, whenLocations: whenLocations, bodyLine: try int())
    }

    mutating func template() throws(CacheFormatError) -> Template {
        var template = Template(literal: try string())
        template.segments = try array { reader throws(CacheFormatError) -> Template.Segment in
            guard try reader.bool() else { return .text(try reader.string()) }
            return .variable(Template.Variable(name: try reader.string(), fallback: try reader.optionalString(),
                                               line: try reader.int(), column: try reader.int()))
        }
        return template
    }

    mutating func condition() throws(CacheFormatError) -> Condition {
        Condition(source: try string(), expression: try expression(depth: 0))
    }

    /// Conditions nest at most `InputLimits.conditionNesting` levels and join at most
    /// `InputLimits.conditionTerms` parts; a deeper tree is not one the parser made.
    private static let deepestExpression = InputLimits.conditionNesting + InputLimits.conditionTerms + 8

    mutating func expression(depth: Int) throws(CacheFormatError) -> ConditionExpression {
        guard depth <= Self.deepestExpression else { throw CacheFormatError() }
        func operands(_ reader: inout CacheReader) throws(CacheFormatError) -> (ConditionExpression, ConditionExpression) {
            (try reader.expression(depth: depth + 1), try reader.expression(depth: depth + 1))
        }
        switch try unsigned() {
        case 0: return .identifier(try string(), offset: try int())
        case 1: return .string(try string(), offset: try int())
        case 2: return .number(try double(), offset: try int())
        case 3:
            let items = try array { reader throws(CacheFormatError) in try reader.expression(depth: depth + 1) }
            return .list(items, offset: try int())
        case 4: return .not(try expression(depth: depth + 1))
        case 5: let (left, right) = try operands(&self); return .and(left, right)
        case 6: let (left, right) = try operands(&self); return .or(left, right)
        case 7:
            guard let comparison = ComparisonOperator(rawValue: try string()) else { throw CacheFormatError() }
            let (left, right) = try operands(&self)
            return .comparison(comparison, left, right)
        case 8: let (left, right) = try operands(&self); return .membership(left, right)
        case 9: let (left, right) = try operands(&self); return .contains(left, right)
        default: throw CacheFormatError()
        }
    }

    mutating func blueprint() throws(CacheFormatError) -> Blueprint {
        let id = try string()
        let title = try template()
        let description = try optionalString()
        let budget: Blueprint.Budget = try bool() ? .minutes(try double()) : .question(try string())
        let questions = try array { reader throws(CacheFormatError) in try reader.question() }
        let sections = try array { reader throws(CacheFormatError) -> Section in
            let id = try reader.string(), title = try reader.string(), required = try reader.bool(), showTitles = try reader.bool()
            let generated = try reader.optionalString()
            guard generated == nil || GeneratedBlock(rawValue: generated ?? "") != nil else { throw CacheFormatError() }
            return Section(id: id, title: title, required: required, showTitles: showTitles,
                           generated: generated.flatMap(GeneratedBlock.init(rawValue:)))
        }
        let dimensions = try array { reader throws(CacheFormatError) in
            Dimension(id: try reader.string(), title: try reader.string(), owner: try reader.optionalString())
        }
        let context = try strings()
        return Blueprint(id: id, title: title, description: description, budget: budget, questions: questions,
                         sections: sections, dimensions: dimensions, contextQuestionIDs: context, location: try location())
    }

    mutating func question() throws(CacheFormatError) -> Question {
        let id = try string()
        guard let kind = Question.Kind(rawValue: try string()) else { throw CacheFormatError() }
        let ask = try string(), help = try optionalString(), label = try string(), required = try bool()
        let askIf = try optional { reader throws(CacheFormatError) in try reader.condition() }
        let options = try array { reader throws(CacheFormatError) in
            ChoiceOption(value: try reader.string(), label: try reader.string(), synonyms: try reader.strings())
        }
        let minimum = try optional { reader throws(CacheFormatError) in try reader.double() }
        let maximum = try optional { reader throws(CacheFormatError) in try reader.double() }
        let defaultValue = try optional { reader throws(CacheFormatError) -> AnswerValue in
            switch try reader.unsigned() {
            case 0: return .text(try reader.string())
            case 1: return .choice(try reader.string())
            case 2: return .choices(try reader.strings())
            case 3: return .number(try reader.double())
            default: throw CacheFormatError()
            }
        }
        return Question(id: id, kind: kind, ask: ask, help: help, label: label, required: required, askIf: askIf,
                        options: options, minimum: minimum, maximum: maximum, defaultValue: defaultValue,
                        dimension: try optionalString(), inferredFrom: try optionalString(), identity: try bool(),
                        location: try location())
    }
}
