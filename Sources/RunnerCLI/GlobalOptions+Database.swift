import ArgumentParser
import Foundation
import RunnerKit

extension GlobalOptions {
    /// Opens the project database with the creation rule (cli.md): `mayCreate` for commands
    /// marked "may create"; prints the one "created" line on stderr when this process created it.
    func openDatabase(mayCreate: Bool, clock: RunnerClock) throws -> Storage {
        let (path, explicit) = databasePath
        let (storage, created) = try DatabaseOpener.open(
            path: path, explicit: explicit, mayCreate: mayCreate, clock: clock, runnerVersion: RunnerVersion.string)
        if created {
            printError("created \(path) with the sample dataset (as of \(clock.today()))")
        }
        return storage
    }
}

/// Encodes one JSON document for stdout (sorted keys, pretty printed).
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    print(String(decoding: data, as: UTF8.self))
}
