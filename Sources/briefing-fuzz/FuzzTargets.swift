import Foundation
import BriefingCore

/// The parsers fed with arbitrary bytes. Built with `make fuzz` (libFuzzer, `-sanitize=fuzzer,address`)
/// each target runs under the fuzzer; built plainly, the executable replays files given as arguments,
/// which is how a crash the fuzzer found is kept as a regression test.
///
/// The target is chosen by `FUZZ_TARGET`: condition, snippet, blueprint, answers, csv, jsonl,
/// template or markdown (see `FuzzEntryPoints`).
enum FuzzTargets {
    /// The shipped library, for the vocabularies and scopes the inputs are checked against.
    static let library: ContentLibrary? = {
        let root = ProcessInfo.processInfo.environment["BRIEFING_LIBRARY"] ?? FileManager.default.currentDirectoryPath
        return try? LibraryLoader.load(from: root)
    }()

    static let target = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "condition"

    static func run(_ bytes: [UInt8]) {
        FuzzEntryPoints.run(target, bytes, library: library)
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTargets.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// libFuzzer's driver, for an executable whose `main` SwiftPM names itself.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's `main` to `<module>_main`; here it hands over to libFuzzer.
@_cdecl("briefing_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#else
@main
struct ReplayFuzzInputs {
    /// `FUZZ_TARGET=condition briefing-fuzz FILE...` runs each file through the target once.
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(66)
            }
            FuzzTargets.run(Array(data))
        }
    }
}
#endif
