import Foundation
@testable import BriefingCore

/// Batch inputs from text, for tests: the rows' answers as the batch decoder reads them.
enum BatchTestSupport {
    static func rows(_ text: String, format: BatchInputFormat) throws -> [RowAnswers] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("batch-rows-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { unlink(path) }
        var source = try BatchInput.open(path, format: format)
        var result: [RowAnswers] = []
        while let row = try source.next() {
            if case .success(let answers) = source.decoder.answers(for: row) { result.append(answers) }
        }
        return result
    }
}
