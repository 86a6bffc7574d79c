import ArgumentParser
import BriefingCore

/// A subcommand whose work throws `BriefingError`; failures print to stderr and exit with the
/// sysexits code product.md fixes.
protocol BriefingSubcommand: ParsableCommand {
    func execute() throws(BriefingError)
}

extension BriefingSubcommand {
    func run() throws {
        do {
            try execute()
        } catch {
            if !error.description.isEmpty { StandardError.write(error.description) }
            throw ExitCode(error.exitCode)
        }
    }
}
