import ArgumentParser
import Foundation
import RunnerKit

/// `runner diagnose preflight --creator ID [--week DATE]`: builds and prints the creator context.
struct DiagnosePreflightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: "Build and print one creator's context (with --format json: what agents receive).",
        discussion:
            "Example: runner diagnose preflight --creator alexia --week 2026-01-05 --format json. Exit 2 for a malformed or unknown creator or a bad date, 1 for an inactive creator."
    )

    @OptionGroup var globals: GlobalOptions

    // Optional so a missing value is the command's VALIDATION_ERROR (exit 2), not a usage error.
    @Option(help: "Creator id or page name (required).")
    var creator: String?

    @Option(help: "Week start YYYY-MM-DD (any weekday; default: the first Monday after today, UTC).")
    var week: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Also time N runs of context + generate + validate (figures on stderr).", visibility: .hidden))
    var benchmark: Int?

    func run() throws {
        try reportingErrors {
            let clock = try globals.clock()
            let creatorId = try SchedulingInput.creatorId(creator ?? "")
            let weekStart = try week.map { text throws(SchedulingError) in try SchedulingInput.weekStart(text) }
                ?? SchedulingInput.defaultWeekStart(today: DayDate(clock.today())!)
            let storage = try globals.openDatabase(mayCreate: true, clock: clock)
            defer { try? storage.close() }
            let data = try CreatorDataStore(storage: storage).loadCreatorData(creator: creatorId, weekStart: weekStart)
            let context = try CreatorContextBuilder.build(data, weekStart: weekStart, generatedAt: clock.now())
            if format == .json {
                print(String(decoding: try context.jsonData(pretty: true), as: UTF8.self))
            } else {
                render(context)
            }
            if let benchmark {
                let figures = try SchedulingBenchmark.run(data, weekStart: weekStart, iterations: benchmark, now: clock.now())
                printError(
                    String(
                        format: "benchmark: %d runs, %d entries, median %.2f ms, p95 %.2f ms, min %.2f ms",
                        figures.iterations, figures.items, figures.medianMs, figures.p95Ms, figures.minMs))
            }
        }
    }

    private func render(_ c: CreatorContext) {
        let v = c.volumeConfig
        print("creator        \(c.creatorId) (\(c.pageName)), \(c.pageType.rawValue) page, \(c.contentCategory), \(c.timezone)")
        print("week           \(c.referenceDate) to \(c.referenceDate.adding(days: 6))")
        print("revenue        \(String(format: "%.2f", c.mmRevenueMonthly)) per month (\(v.revenueSource)), fans \(c.fanCount)")
        print("tier           \(v.tier.rawValue) (previous \(c.previousTier ?? "none"))")
        print("health         \(c.health.status) score \(c.health.score), saturation \(c.health.saturationScore), adjustment \(c.health.volumeAdjustment)")
        print("triggers       \(c.activeTriggers.count) active, multiplier \(String(format: "%.2f", v.triggerMultiplier))\(c.triggersDegraded ? " (degraded read)" : "")")
        print("bump           \(v.bumpMultiplier)")
        print("vault          \(c.vaultTypes.joined(separator: ", "))")
        print("avoid          \(c.avoidTypes.isEmpty ? "none" : c.avoidTypes.joined(separator: ", "))")
        print("eligible       \(c.eligibleContent.isEmpty ? "none (NO_ELIGIBLE_CONTENT)" : c.eligibleContent.joined(separator: ", "))")
        print("persona        \(c.persona.primaryTone)\(c.persona.isDefault ? " (default)" : ""), emoji \(c.persona.emojiFrequency)")
        print("pricing        base \(String(format: "%.2f", c.pricingConfig.basePrice))")
        print("captions       \(c.captions.count) usable")
        print("")
        printTable(
            header: ["DAY", "DATE", "REVENUE", "ENGAGEMENT", "RETENTION", "SLOTS"],
            rows: v.days.map { d in
                [
                    d.date.weekday.rawValue, d.date.description, String(d.revenue), String(d.engagement),
                    String(d.retention), String(c.timingSlots[d.date]?.count ?? 0),
                ]
            })
    }
}
