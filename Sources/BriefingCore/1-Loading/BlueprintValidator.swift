/// Checks a decoded blueprint for problems that span its parts: duplicate ids, missing options,
/// a budget that names no number question, conditions that read unknown ids, and so on.
enum BlueprintValidator {
    static func validate(_ blueprint: Blueprint, fields: YAMLFields) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seenQuestions = Set<String>()
        let dimensionIDs = blueprint.dimensions.map(\.id)

        for question in blueprint.questions {
            let at = question.location
            if !seenQuestions.insert(question.id).inserted {
                diagnostics.append(.error(at: at, "duplicate question id '\(question.id)'"))
            }
            if question.id == "blueprint" || question.id.hasPrefix("score.") || question.id.hasPrefix("level.") {
                diagnostics.append(.error(at: at, "'\(question.id)' is reserved for a computed value; choose another id"))
            }
            if question.kind == .choice || question.kind == .multi {
                if question.options.isEmpty {
                    diagnostics.append(.error(at: at, "\(question.kind.rawValue) question '\(question.id)' has no options"))
                }
                var values = Set<String>(), words: [String: String] = [:]
                for option in question.options {
                    if !values.insert(option.value).inserted {
                        diagnostics.append(.error(at: at, "question '\(question.id)' lists option '\(option.value)' twice"))
                    }
                    for word in [option.value.lowercased(), option.label.lowercased()] + option.synonyms {
                        if let other = words[word], other != option.value {
                            diagnostics.append(.warning(
                                at: at, "in '\(question.id)', \"\(word)\" means both '\(other)' and '\(option.value)'"))
                        }
                        words[word] = option.value
                    }
                }
            }
            if question.kind == .scale {
                if let dimension = question.dimension {
                    if !dimensionIDs.contains(dimension) {
                        diagnostics.append(.error(
                            at: at, "question '\(question.id)' names unknown dimension '\(dimension)'"
                                + Suggestion.didYouMean(dimension, in: dimensionIDs)))
                    }
                } else {
                    diagnostics.append(.error(at: at, "scale question '\(question.id)' needs a 'dimension'"))
                }
            }
            if let source = question.inferredFrom {
                if !(question.kind == .choice || question.kind == .multi) {
                    diagnostics.append(.error(at: at, "only a choice or multi question can be inferred, not the \(question.kind.rawValue) question '\(question.id)'"))
                }
                if let text = blueprint.question(source) {
                    if text.kind != .text {
                        diagnostics.append(.error(at: at, "'\(question.id)' is inferred from '\(source)', which must be a text question"))
                    }
                } else {
                    diagnostics.append(.error(at: at, "'\(question.id)' is inferred from unknown question '\(source)'"
                                                  + Suggestion.didYouMean(source, in: blueprint.questions.map(\.id))))
                }
            }
            if let minimum = question.minimum, let maximum = question.maximum, minimum > maximum {
                diagnostics.append(.error(at: at, "question '\(question.id)' has min \(ConditionValue.format(minimum)) above max \(ConditionValue.format(maximum))"))
            }
            if let value = question.defaultValue {
                switch (question.kind, value) {
                case (.number, .number(let number)), (.scale, .number(let number)):
                    if number < (question.minimum ?? -.infinity) || number > (question.maximum ?? .infinity) {
                        diagnostics.append(.error(at: at, "the default of '\(question.id)' is outside its range"))
                    }
                case (.choice, .choice(let choice)) where question.option(choice) == nil:
                    diagnostics.append(.error(at: at, "the default of '\(question.id)' is not one of its options"))
                default:
                    break
                }
            }
        }

        for dimension in blueprint.dimensions {
            let statements = blueprint.questions.filter { $0.dimension == dimension.id }.count
            if statements < 2 {
                diagnostics.append(.warning(at: fields.location(of: "dimensions"),
                                            "dimension '\(dimension.id)' has \(statements) statement(s); give it at least 2"))
            }
        }

        switch blueprint.budget {
        case .question(let id):
            if let question = blueprint.question(id) {
                if question.kind != .number {
                    diagnostics.append(.error(at: fields.location(of: "budget"),
                                              "budget question '\(id)' must be a number question"))
                }
            } else {
                diagnostics.append(.error(at: fields.location(of: "budget"),
                                          "budget names unknown question '\(id)'"
                                              + Suggestion.didYouMean(id, in: blueprint.questions.map(\.id))))
            }
        case .minutes(let minutes):
            if minutes <= 0 {
                diagnostics.append(.error(at: fields.location(of: "budget"), "budget must be a positive number of minutes"))
            }
        }

        for section in blueprint.sections where section.generated != nil && blueprint.dimensions.isEmpty {
            diagnostics.append(.error(at: fields.location(of: "sections"),
                                      "section '\(section.id)' has a generated block, which needs the blueprint's dimensions"))
        }
        for dimension in blueprint.dimensions where ["overall", "average"].contains(dimension.id) {
            diagnostics.append(.error(at: fields.location(of: "dimensions"),
                                      "'\(dimension.id)' cannot be a dimension id: score.\(dimension.id) already means something else"))
        }
        if blueprint.sections.contains(where: { $0.generated == .readinessFocus }) {
            for dimension in blueprint.dimensions where dimension.owner == nil {
                diagnostics.append(.warning(at: fields.location(of: "dimensions"),
                                            "dimension '\(dimension.id)' has no owner, so its next steps name none"))
            }
        }
        if let question = blueprint.question(ComputedValues.rescoreQuestion), question.kind != .number {
            diagnostics.append(.error(at: question.location, "'\(question.id)' must be a number question (days)"))
        }

        var seenSections = Set<String>()
        for section in blueprint.sections where !seenSections.insert(section.id).inserted {
            diagnostics.append(.error(at: fields.location(of: "sections"), "duplicate section id '\(section.id)'"))
        }
        if blueprint.sections.isEmpty, fields.value("sections") != nil {
            diagnostics.append(.error(at: fields.location(of: "sections"), "a blueprint needs at least one section"))
        }
        for id in blueprint.contextQuestionIDs where blueprint.question(id) == nil {
            diagnostics.append(.error(at: fields.location(of: "context"),
                                      "context names unknown question '\(id)'"
                                          + Suggestion.didYouMean(id, in: blueprint.questions.map(\.id))))
        }

        let vocabulary = Vocabulary(blueprint: blueprint)
        for variable in blueprint.title.variables where vocabulary.entry(variable.name) == nil {
            diagnostics.append(.error(at: fields.location(of: "title"),
                                      "unknown variable '{{\(variable.name)}}' in the title"
                                          + Suggestion.didYouMean(variable.name, in: vocabulary.names)))
        }
        for question in blueprint.questions {
            guard let condition = question.askIf else { continue }
            for problem in ConditionChecker.check(condition.expression, in: vocabulary) {
                diagnostics.append(Diagnostic(problem.severity, at: question.location,
                                              "in ask_if of '\(question.id)': \(problem.message)"))
            }
        }
        return diagnostics
    }
}
