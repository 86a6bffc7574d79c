/// How a batch run turns rows into briefings.
public struct BatchSettings: Sendable {
    public var format: OutputFormat
    public var renderOptions: RenderOptions
    /// The date printed on every briefing.
    public var date: CalendarDate
    /// `--blueprint`: overrides each row's own blueprint; without both, `senior-leader`.
    public var blueprintID: String?
    /// `--set` answers, laid over every row.
    public var assignments: [RawAnswer]
    /// How files in an output folder are named.
    public var nameTemplate: FileNameTemplate
    /// Overwrite existing files instead of failing their rows.
    public var force: Bool
    /// Stop at the first row that fails.
    public var failFast: Bool
    /// Rows assembled and rendered at once (at least 1).
    public var jobs: Int

    public init(format: OutputFormat = .markdown, renderOptions: RenderOptions = RenderOptions(),
                date: CalendarDate, blueprintID: String? = nil, assignments: [RawAnswer] = [],
                nameTemplate: FileNameTemplate = .standard, force: Bool = false, failFast: Bool = false, jobs: Int = 1) {
        self.format = format
        self.renderOptions = renderOptions
        self.date = date
        self.blueprintID = blueprintID
        self.assignments = assignments
        self.nameTemplate = nameTemplate
        self.force = force
        self.failFast = failFast
        self.jobs = max(1, jobs)
    }

    /// The blueprint for a row that names `rowBlueprint` (or none).
    func blueprintID(forRow rowBlueprint: String?) -> String {
        blueprintID ?? rowBlueprint ?? "senior-leader"
    }
}
