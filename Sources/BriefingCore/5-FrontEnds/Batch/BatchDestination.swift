/// Where a batch run puts its briefings.
public enum BatchDestination {
    /// One file per row in this folder, plus `manifest.jsonl`.
    case folder(String)
    /// One compact JSON briefing per line, each handed over in row order with its line break
    /// (for `-o -` with `--format json`).
    case jsonLines((String) throws(BriefingError) -> Void)
}
