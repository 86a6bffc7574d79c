/// Where a batch run puts its briefings.
public enum BatchDestination {
    /// One file per row in this folder, plus `manifest.jsonl`.
    case folder(String)
    /// One line per row, each handed over in row order with its line break: the compact JSON
    /// briefing, or the row's errors (`BatchJSONLine`; for `-o -` with `--format json`).
    case jsonLines((String) throws(BriefingError) -> Void)
}
