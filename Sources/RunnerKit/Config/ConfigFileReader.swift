import Foundation

/// Reads configuration files from disk, turning every file-level problem into a C001 finding.
enum ConfigFileReader {
    /// The folders read, relative to the config root.
    static let folders = ["pipelines", "alerts"]

    /// The sources of every config file under `root`, plus folder-level findings.
    static func readSources(root: URL, includeAlertTests: Bool) throws(ConfigLoadError)
        -> (sources: [ConfigSource], diagnostics: [Diagnostic])
    {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            throw .rootUnreadable(path: root.path, reason: "no such directory")
        }
        guard isDirectory.boolValue else { throw .rootUnreadable(path: root.path, reason: "not a directory") }
        guard (try? manager.contentsOfDirectory(atPath: root.path)) != nil else {
            throw .rootUnreadable(path: root.path, reason: "permission denied")
        }
        var sources: [ConfigSource] = []
        var diagnostics: [Diagnostic] = []
        var folders = folders
        if includeAlertTests { folders.append("alerts/tests") }
        var found = 0
        for folder in folders {
            let url = root.appendingPathComponent(folder, isDirectory: true)
            var folderIsDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &folderIsDirectory), folderIsDirectory.boolValue else {
                continue
            }
            found += 1
            guard let names = try? manager.contentsOfDirectory(atPath: url.path) else {
                diagnostics.append(.error("C001", "cannot read folder \(folder)/ (permission denied)",
                                          at: SourceLocation(file: folder + "/")))
                continue
            }
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                sources.append(readFile(url.appendingPathComponent(name), path: folder + "/" + name))
            }
        }
        if found == 0 {
            diagnostics.append(.warning(
                "C005", "no pipelines/ or alerts/ folder under \(root.path): nothing is configured",
                at: SourceLocation(file: "pipelines/")))
        }
        return (sources, diagnostics)
    }

    /// Reads one file, refusing directories, unreadable, oversized and non-UTF-8 files.
    static func readFile(_ url: URL, path: String) -> ConfigSource {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        _ = manager.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            return ConfigSource(path: path, failure: .error("C001", "\(path) is a directory, not a YAML file",
                                                            at: SourceLocation(file: path)))
        }
        if let size = (try? manager.attributesOfItem(atPath: url.path))?[.size] as? Int, size > ConfigLoader.maximumFileSize {
            let megabytes = String(format: "%.1f", Double(size) / 1_048_576)
            return ConfigSource(path: path, failure: .error(
                "C001", "file is \(megabytes) MiB; configuration files are limited to \(ConfigLoader.maximumFileSize / 1_048_576) MiB",
                at: SourceLocation(file: path)))
        }
        guard manager.isReadableFile(atPath: url.path), let data = try? Data(contentsOf: url) else {
            return ConfigSource(path: path, failure: .error("C001", "cannot read \(path) (permission denied or I/O error)",
                                                            at: SourceLocation(file: path)))
        }
        return decode(data, path: path)
    }

    /// UTF-8 text of the data, or a finding at the first invalid byte.
    static func decode(_ data: Data, path: String) -> ConfigSource {
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                if scalar.value == 0 {
                    return ConfigSource(path: path, failure: .error(
                        "C001", "file contains a NUL byte: not a text file", at: SourceLocation(file: path, line: line, column: column - 1)))
                }
            case .error:
                return ConfigSource(path: path, failure: .error(
                    "C001", "file is not valid UTF-8 text", at: SourceLocation(file: path, line: line, column: column)))
            case .emptyInput:
                return ConfigSource(path: path, text: String(decoding: data, as: UTF8.self))
            }
        }
    }
}
