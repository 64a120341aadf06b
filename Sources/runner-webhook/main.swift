// runner-webhook URL TIMEOUT_SECONDS: one HTTP POST of stdin as application/json.
//
// The runner sends webhook notifications through this helper, so only a process that actually
// delivers a webhook loads FoundationNetworking and the libcurl stack behind it (about 7 MB of
// resident memory and some 30 shared libraries that every `runner` invocation would otherwise
// map). Prints one line: `status CODE` when an HTTP response came back, `error TEXT` when none
// did; exits 0 in both cases, 2 on bad usage. Retries and backoff stay in the runner.
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

let arguments = CommandLine.arguments
guard arguments.count == 3, let url = URL(string: arguments[1]), let scheme = url.scheme?.lowercased(),
    scheme == "http" || scheme == "https", let seconds = Double(arguments[2]), seconds > 0
else {
    FileHandle.standardError.write(Data("usage: runner-webhook URL TIMEOUT_SECONDS (the body on stdin)\n".utf8))
    exit(2)
}
let body = FileHandle.standardInput.readDataToEndOfFile()
let configuration = URLSessionConfiguration.ephemeral
configuration.timeoutIntervalForRequest = seconds
configuration.timeoutIntervalForResource = seconds
let session = URLSession(configuration: configuration)
var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: seconds)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.httpBody = body

/// The one result line, set by the completion handler.
final class ResultLine: @unchecked Sendable {
    // @unchecked: written once by the completion handler before `done` is signalled, read after.
    var text = "error no HTTP response"
}
let line = ResultLine()
let done = DispatchSemaphore(value: 0)
session.dataTask(with: request) { _, response, error in
    if let http = response as? HTTPURLResponse {
        line.text = "status \(http.statusCode)"
    } else if let error {
        let message = error.localizedDescription.replacingOccurrences(of: "\n", with: " ")
        line.text = "error \(message)"
    }
    done.signal()
}.resume()
done.wait()
session.invalidateAndCancel()
print(line.text)
exit(0)
