import ArgumentParser
import Foundation
import RunnerKit

/// `runner creators [--tier T] [--page-type P]`: the active creators.
struct CreatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "creators",
        abstract: "List active creators with their assigned tier.",
        discussion: "Example: runner creators --tier STANDARD --page-type paid --format json"
    )

    @OptionGroup var globals: GlobalOptions

    @Option(help: "Only this assigned tier: MINIMAL, LITE, STANDARD, HIGH_VALUE, PREMIUM.")
    var tier: String?

    @Option(name: .customLong("page-type"), help: "Only paid or free pages.")
    var pageType: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        try reportingErrors {
            let clock = try globals.clock()
            let storage = try globals.openDatabase(mayCreate: true, clock: clock)
            let tools = DataTools(storage: storage)
            var creators: [ActiveCreator] = []
            var total = 0
            repeat {
                var parameters: [String: ToolValue] = [
                    "limit": 500, "offset": .number(Double(creators.count)), "sort_by": "name", "sort_order": "asc",
                ]
                if let tier { parameters["tier"] = .string(tier) }
                if let pageType { parameters["page_type"] = .string(pageType) }
                let page = tools.getActiveCreators(parameters)
                if let code = page.error_code { throw ToolError(code: code, message: page.error ?? code) }
                creators += page.creators
                total = page.total_count
                if page.creators.isEmpty { break }
            } while creators.count < total
            try render(creators)
        }
    }

    private func render(_ creators: [ActiveCreator]) throws {
        struct Output: Encodable {
            var creators: [ActiveCreator]
            var count: Int
        }
        if format == .json {
            try printJSON(Output(creators: creators, count: creators.count))
            return
        }
        let header = ["PAGE", "CREATOR_ID", "TYPE", "TIER", "MM_REVENUE", "FANS"]
        let rows = creators.map { c in
            [
                c.page_name, c.creator_id, c.page_type, c.volume_tier ?? "-",
                c.mm_revenue_monthly.map { String(format: "%.2f", $0) } ?? "-",
                c.current_fan_count.map(String.init) ?? "-",
            ]
        }
        printTable(header: header, rows: rows)
        print("\(creators.count) active creators")
    }
}

/// Prints rows as an aligned text table (numbers are not right-aligned, to keep it simple).
func printTable(header: [String], rows: [[String]]) {
    var widths = header.map(\.count)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    for row in [header] + rows {
        let line = row.enumerated().map { i, cell in
            i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
        print(line)
    }
}
