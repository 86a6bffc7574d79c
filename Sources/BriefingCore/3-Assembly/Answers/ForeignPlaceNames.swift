/// Names outside the UK nation they seem to name: "New South Wales" is not Wales, "New York" is not
/// York, "Nova Scotia" is not Scotland, and "New Scotland Yard" is in London. A phrase found only
/// inside one of these names is not a match.
enum ForeignPlaceNames {
    static let names: [[String]] = [
        "new south wales", "newcastle nsw", "new england", "nova scotia", "new scotland yard", "scotland yard",
        "new york", "new hampshire", "perth western australia", "perth australia", "perth wa", "durham north carolina",
        "cambridge massachusetts", "cambridge ma", "london ontario", "birmingham alabama",
    ].map { PhraseMatcher.words($0) }

    /// The positions in `words` that lie inside one of the names.
    static func coveredPositions(in words: [String]) -> Set<Int> {
        var covered = Set<Int>()
        for name in names where name.count <= words.count {
            for start in 0...(words.count - name.count) where words[start..<(start + name.count)].elementsEqual(name) {
                covered.formUnion(start..<(start + name.count))
            }
        }
        return covered
    }
}
