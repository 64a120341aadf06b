import Foundation
import RunnerKit

extension GlobalOptions {
    /// Installs the stderr log handler from `--log-level`/`--log-format` (else `EROS_LOG_LEVEL`/
    /// `EROS_LOG_FORMAT`); returns the C018 findings of invalid values (already fallen back to
    /// info/text), which commands that refuse on configuration errors turn into exit 3.
    @discardableResult
    func bootstrapLogging(command: String, clock: RunnerClock) -> [Diagnostic] {
        let (settings, diagnostics) = LogSettings.resolve(level: logLevel, format: logFormat, environment: environment)
        ErosLogging.bootstrapOnce(settings: settings, command: command, clock: clock)
        return diagnostics
    }
}
